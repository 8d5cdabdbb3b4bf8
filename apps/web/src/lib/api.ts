/**
 * The one way the app talks to the server. Adds the CSRF header to every write (the session
 * cookie alone is not enough for the server), and turns the server's error body
 * `{ error: { code, message, details } }` into an ApiError the UI can show or map to fields.
 */
export interface FieldIssue { path: string; message: string }

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: FieldIssue[] = [],
  ) {
    super(message);
  }
}

let csrfToken: string | null = null;
let language: string | null = null;
let onUnauthorized: (() => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The UI language, sent as Accept-Language: the server names things (e.g. themes) in it. */
export function setRequestLanguage(lang: string | null): void {
  language = lang;
}

/** Called when a request answers 401 (the session expired); the auth context signs the user out. */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

type Query = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Objects are sent as JSON; strings are sent as they are with `contentType`. */
  body?: unknown;
  contentType?: string;
  query?: Query;
  signal?: AbortSignal;
}

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '' && v !== false) params.set(k, String(v));
  const s = params.toString();
  return s ? `${path}${path.includes('?') ? '&' : '?'}${s}` : path;
}

export async function api<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const method = opts.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json', ...(language ? { 'accept-language': language } : {}) };
  let body: BodyInit | undefined;
  if (opts.body !== undefined) {
    if (typeof opts.body === 'string') {
      body = opts.body;
      headers['content-type'] = opts.contentType ?? 'text/plain';
    } else {
      body = JSON.stringify(opts.body);
      headers['content-type'] = 'application/json';
    }
  }
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;

  let res: Response;
  try {
    res = await fetch(withQuery(path, opts.query), { method, headers, body, credentials: 'same-origin', signal: opts.signal });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError(0, 'network', 'the server could not be reached');
  }
  if (res.status === 204) return undefined as T;
  return answer<T>(path, res.status, res.statusText, await res.text());
}

/** The JSON of a 2xx answer; otherwise the server's error body as an ApiError (a 401 signs out). */
function answer<T>(path: string, status: number, statusText: string, text: string): T {
  const data = text ? safeJson(text) : undefined;
  if (status < 200 || status >= 300) {
    const e = (data as { error?: { code?: string; message?: string; details?: unknown } } | undefined)?.error;
    const error = new ApiError(status, e?.code ?? `http_${status}`, e?.message ?? statusText, asIssues(e?.details));
    if (status === 401 && !path.startsWith('/api/auth/')) onUnauthorized?.();
    throw error;
  }
  return data as T;
}

export interface UploadOptions {
  contentType: string;
  query?: Query;
  signal?: AbortSignal;
  /** Bytes sent so far of the total, as the browser reports them. */
  onProgress?: (sent: number, total: number) => void;
}

/**
 * POSTs a file as the raw body. XMLHttpRequest rather than fetch: only it reports upload progress,
 * which a file of up to 2 GB needs. Same headers and errors as api().
 */
export function upload<T>(path: string, file: Blob, opts: UploadOptions): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    const aborted = () => reject(new DOMException('the upload was cancelled', 'AbortError'));
    if (opts.signal?.aborted) return aborted();
    xhr.open('POST', withQuery(path, opts.query));
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('content-type', opts.contentType);
    if (language) xhr.setRequestHeader('accept-language', language);
    if (csrfToken) xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.upload.onprogress = (e) => opts.onProgress?.(e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.onload = () => {
      try { resolve(answer<T>(path, xhr.status, xhr.statusText, xhr.responseText)); } catch (err) { reject(err); }
    };
    xhr.onerror = () => reject(new ApiError(0, 'network', 'the server could not be reached'));
    xhr.onabort = aborted;
    opts.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(file);
  });
}

function safeJson(text: string): unknown {
  try { return JSON.parse(text); } catch { return undefined; }
}

function asIssues(details: unknown): FieldIssue[] {
  if (!Array.isArray(details)) return [];
  return details
    .filter((d): d is FieldIssue => !!d && typeof d === 'object' && typeof (d as FieldIssue).path === 'string')
    .map((d) => ({ path: d.path, message: String(d.message ?? '') }));
}

/** Workspace-scoped path helper: ws(wid, 'surveys', sid) → /api/workspaces/<wid>/surveys/<sid>. */
export function ws(wid: string, ...parts: string[]): string {
  return ['/api/workspaces', wid, ...parts].map((p, i) => (i === 0 ? p : encodeURIComponent(p))).join('/');
}
