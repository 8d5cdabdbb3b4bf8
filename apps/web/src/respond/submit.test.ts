// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import { backoffMs, fieldErrorsFrom, forgetIdempotencyKey, idempotencyKeyFor, newIdempotencyKey, postResponse, responsesUrl, submissionBody } from './submit';
import { memoryStore, safeStorage } from './storage';

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

describe('idempotency keys', () => {
  it('are random and match the server pattern', () => {
    const a = newIdempotencyKey();
    expect(a).toMatch(/^[A-Za-z0-9_-]{16,100}$/);
    expect(newIdempotencyKey()).not.toBe(a);
  });

  it('falls back to base64url when randomUUID is missing', () => {
    const spy = vi.spyOn(globalThis.crypto, 'randomUUID').mockImplementation(() => { throw new Error('insecure'); });
    expect(newIdempotencyKey()).toMatch(/^[A-Za-z0-9_-]{24}$/);
    spy.mockRestore();
  });

  it('stays the same for one survey visit and is new after completion', () => {
    const store = memoryStore();
    const first = idempotencyKeyFor(store, 'pub1');
    expect(idempotencyKeyFor(store, 'pub1')).toBe(first);
    expect(idempotencyKeyFor(store, 'pub2')).not.toBe(first);
    forgetIdempotencyKey(store, 'pub1');
    expect(idempotencyKeyFor(store, 'pub1')).not.toBe(first);
  });

  it('survives unusable Web Storage', () => {
    const broken = safeStorage(() => { throw new DOMException('denied', 'SecurityError'); });
    const key = idempotencyKeyFor(broken, 'pub1');
    expect(idempotencyKeyFor(broken, 'pub1')).toBe(key);
    const full = { getItem: () => null, setItem: () => { throw new Error('quota'); }, removeItem() {} } as unknown as Storage;
    expect(safeStorage(() => full).getItem('x')).toBeNull();
  });
});

describe('submissionBody', () => {
  it('omits undefined fields and empty metadata', () => {
    expect(submissionBody('k'.repeat(20), { nps: 9 }, true, 'en', { channel: 'link', metadata: {} })).toEqual({
      idempotencyKey: 'k'.repeat(20), answers: { nps: 9 }, complete: true, language: 'en', channel: 'link',
    });
    const body = submissionBody('key1234567890', {}, false, 'zh-Hant', { inviteToken: 't', metadata: { a: '1' }, orderId: 'O' });
    expect(Object.keys(body).sort()).toEqual(['answers', 'complete', 'idempotencyKey', 'inviteToken', 'language', 'metadata', 'orderId']);
  });

  it('builds the endpoint URL', () => {
    expect(responsesUrl('https://cx.example.com/', 'a b')).toBe('https://cx.example.com/api/public/surveys/a%20b/responses');
    expect(responsesUrl('', 'abc')).toBe('/api/public/surveys/abc/responses');
  });
});

describe('postResponse', () => {
  const noSleep = vi.fn(async () => {});

  it('returns the created response', async () => {
    const fetchFn = vi.fn(async () => json(201, { id: 'r1', status: 'complete' }));
    expect(await postResponse('/u', { a: 1 }, { fetchFn, sleep: noSleep })).toEqual({ kind: 'ok', id: 'r1', status: 'complete' });
    const [, init] = fetchFn.mock.calls[0] as unknown as [string, RequestInit];
    expect(init).toMatchObject({ method: 'POST', body: '{"a":1}' });
  });

  it('retries 429 up to three times, then reports busy', async () => {
    const fetchFn = vi.fn(async () => json(429, {}, { 'retry-after': '2' }));
    const sleep = vi.fn(async () => {});
    expect(await postResponse('/u', {}, { fetchFn, sleep })).toEqual({ kind: 'busy' });
    expect(fetchFn).toHaveBeenCalledTimes(4);
    expect(sleep).toHaveBeenCalledWith(2000);
  });

  it('succeeds when a retry gets through', async () => {
    const fetchFn = vi.fn().mockResolvedValueOnce(json(429, {})).mockResolvedValueOnce(json(200, { id: 'r1', status: 'partial' }));
    expect(await postResponse('/u', {}, { fetchFn, sleep: noSleep })).toMatchObject({ kind: 'ok', status: 'partial' });
  });

  it('maps 400 details to questions', async () => {
    const fetchFn = async () => json(400, {
      error: { code: 'invalid', message: 'Invalid answers', details: [{ path: ['answers', 'nps'], message: 'required' }, { path: ['metadata'], message: 'x' }] },
    });
    expect(await postResponse('/u', {}, { fetchFn })).toEqual({ kind: 'invalid', message: 'Invalid answers', fieldErrors: { nps: 'required' } });
  });

  it('recognises a closed survey, network errors and other failures', async () => {
    expect(await postResponse('/u', {}, { fetchFn: async () => json(409, { error: { code: 'survey_not_live', message: 'closed' } }) })).toEqual({ kind: 'closed' });
    expect(await postResponse('/u', {}, { fetchFn: async () => { throw new TypeError('Failed to fetch'); } })).toEqual({ kind: 'network' });
    expect(await postResponse('/u', {}, { fetchFn: async () => new Response('oops', { status: 502 }) })).toEqual({ kind: 'failed', status: 502, message: undefined });
  });
});

describe('helpers', () => {
  it('accepts array and dotted string paths', () => {
    expect(fieldErrorsFrom([{ path: 'answers.why', message: 'too long' }, { path: ['answers', 'why'], message: 'second' }])).toEqual({ why: 'too long' });
    expect(fieldErrorsFrom(undefined)).toEqual({});
  });

  it('backs off exponentially, capped by Retry-After', () => {
    expect(backoffMs(0, null)).toBeGreaterThanOrEqual(500);
    expect(backoffMs(2, null)).toBeGreaterThanOrEqual(2000);
    expect(backoffMs(0, '120')).toBe(10_000);
  });
});
