import { dropUndefined, type RespondContext } from './context';
import type { KeyValueStore } from './storage';
import type { Answers } from '@touchpoint/shared';

export function responsesUrl(apiBase: string, publicId: string): string {
  return `${apiBase.replace(/\/+$/, '')}/api/public/surveys/${encodeURIComponent(publicId)}/responses`;
}

/** 32 hex digits, or 24 base64url characters where randomUUID is missing (plain-http hosts). */
export function newIdempotencyKey(): string {
  const c = globalThis.crypto;
  if (typeof c.randomUUID === 'function') {
    try { return c.randomUUID().replace(/-/g, ''); } catch { /* insecure context: fall through */ }
  }
  const bytes = c.getRandomValues(new Uint8Array(18));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_');
}

const keyName = (publicId: string) => `tp:idem:${publicId}`;

/**
 * One key per survey visit, kept in sessionStorage: a double click, a retry or a reload sends
 * the same key, and the server turns repeats into one response (partial saves included).
 */
export function idempotencyKeyFor(store: KeyValueStore, publicId: string): string {
  const existing = store.getItem(keyName(publicId));
  if (existing && /^[A-Za-z0-9_-]{16,100}$/.test(existing)) return existing;
  const key = newIdempotencyKey();
  store.setItem(keyName(publicId), key);
  return key;
}

/** After a completed response: answering again later is a new response. */
export function forgetIdempotencyKey(store: KeyValueStore, publicId: string): void {
  store.removeItem(keyName(publicId));
}

/** The PublicSubmission body, without undefined fields (the server schema is strict). */
export function submissionBody(
  idempotencyKey: string,
  answers: Answers,
  complete: boolean,
  language: string,
  ctx: RespondContext,
): Record<string, unknown> {
  const metadata = ctx.metadata && Object.keys(ctx.metadata).length ? ctx.metadata : undefined;
  return dropUndefined({
    idempotencyKey,
    answers,
    complete,
    language,
    channel: ctx.channel,
    touchpoint: ctx.touchpoint,
    customerExternalId: ctx.customerExternalId,
    orderId: ctx.orderId,
    metadata,
    inviteToken: ctx.inviteToken,
  });
}

export type SubmitResult =
  | { kind: 'ok'; id: string; status: string }
  | { kind: 'invalid'; message: string; fieldErrors: Record<string, string> }
  | { kind: 'closed' }
  | { kind: 'busy' }
  | { kind: 'network' }
  | { kind: 'failed'; status: number; message?: string };

export interface PostOptions {
  /** Extra attempts after a 429. */
  retries?: number;
  /** Lets a partial save outlive the page (pagehide). */
  keepalive?: boolean;
  fetchFn?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
}

/** Posts once, retrying only on 429 with exponential backoff (honouring Retry-After). */
export async function postResponse(url: string, body: unknown, opts: PostOptions = {}): Promise<SubmitResult> {
  const { retries = 3, keepalive = false } = opts;
  const fetchFn = opts.fetchFn ?? ((input, init) => fetch(input, init));
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  for (let attempt = 0; ; attempt++) {
    let res: Response;
    try {
      res = await fetchFn(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        keepalive,
      });
    } catch {
      return { kind: 'network' };
    }
    if (res.status === 429 && attempt < retries) {
      await sleep(backoffMs(attempt, res.headers.get('retry-after')));
      continue;
    }
    const data = (await res.json().catch(() => null)) as Record<string, any> | null;
    if (res.ok) return { kind: 'ok', id: String(data?.id ?? ''), status: String(data?.status ?? '') };
    if (res.status === 429) return { kind: 'busy' };
    const error = data?.error;
    if (res.status === 409 && error?.code === 'survey_not_live') return { kind: 'closed' };
    if (res.status === 400)
      return { kind: 'invalid', message: String(error?.message ?? ''), fieldErrors: fieldErrorsFrom(error?.details) };
    return { kind: 'failed', status: res.status, message: error?.message };
  }
}

export function backoffMs(attempt: number, retryAfter: string | null): number {
  const seconds = Number(retryAfter);
  if (retryAfter && Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds * 1000, 10_000);
  return 500 * 2 ** attempt + Math.floor(Math.random() * 250);
}

/**
 * Maps 400 details to question ids: path ['answers', id] (or the string 'answers.id').
 * Issues elsewhere (metadata, channel …) are left to the general message.
 */
export function fieldErrorsFrom(details: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!Array.isArray(details)) return out;
  for (const d of details) {
    const path: unknown[] = Array.isArray(d?.path) ? d.path : typeof d?.path === 'string' ? d.path.split(/[./]/) : [];
    if (path[0] === 'answers' && path[1] != null && !(String(path[1]) in out))
      out[String(path[1])] = String(d.message ?? '');
  }
  return out;
}
