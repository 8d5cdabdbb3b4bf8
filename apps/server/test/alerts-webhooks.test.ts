/**
 * Webhook targets on a server with the default setting (ALERT_WEBHOOK_ALLOW_PRIVATE off): private,
 * loopback and metadata addresses, localhost and URLs with credentials are refused with a 400 on
 * the rule; a stored name that resolves to 127.0.0.1 is refused at delivery, recorded as failed
 * with the reason and not retried, and the receiver hears nothing. With the setting on, a name is
 * resolved once and the request reaches the address that was checked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlertEvent, AlertRule } from '@touchpoint/shared';
import { deliverDue } from '../src/modules/alerts/index.js';
import { signWebhook } from '../src/modules/alerts/alert-message.js';
import { resolveWebhookTarget, sendWebhook } from '../src/modules/alerts/webhook-send.js';
import { startTestServer, type TestServer } from './harness.js';
import { startWebhookReceiver } from './alert-receivers.js';

let s: TestServer;
let hooks: Awaited<ReturnType<typeof startWebhookReceiver>>;
let ws: Awaited<ReturnType<TestServer['workspace']>>;
let port: string;

beforeAll(async () => {
  hooks = await startWebhookReceiver();
  port = new URL(hooks.base).port;
  s = await startTestServer();
  ws = await s.workspace('Guarded');
}, 60_000);
afterAll(async () => {
  await s.destroy();
  await hooks.close();
});

const url = (rest = '') => `/api/workspaces/${ws.id}/alerts/rules${rest}`;
const SECRET = 'guarded-secret-value-0123';
const RULE = { name: 'Guarded', metric: 'nps', kind: 'threshold', config: { operator: 'below', value: 0, windowDays: 7 }, webhookSecret: SECRET };
const paths = (res: { json(): { error: { details: { path: string; message: string }[] } } }) => res.json().error.details.map((d) => d.path);

describe('webhook targets', () => {
  it('refuses private, loopback, metadata and localhost targets, and credentials, with a 400 on body.webhookUrl', async () => {
    expect(s.config.alertWebhookAllowPrivate).toBe(false);
    for (const target of [hooks.base, `http://localhost:${port}/x`, 'http://[::1]/x', 'http://[::ffff:127.0.0.1]/x', 'http://0x7f.1/x', 'http://169.254.169.254/latest/meta-data/',
      'http://10.0.0.8/hook', 'http://192.168.1.1/', 'http://100.64.0.1/', 'http://[fd00::1]/', 'http://0.0.0.0/', 'https://user:pw@hooks.example.com/x']) {
      const res = await ws.owner.post(url(), { ...RULE, webhookUrl: target });
      expect(res.statusCode, target).toBe(400);
      expect(paths(res), target).toEqual(['body.webhookUrl']);
    }
    const res = await ws.owner.post(url(), { ...RULE, webhookUrl: `http://127.0.0.1:${port}/x` });
    expect(res.json().error.details[0].message).toBe('127.0.0.1 is a loopback (127.0.0.0/8) address: webhooks go to public addresses only');

    const rule = (await ws.owner.post(url(), { ...RULE, webhookUrl: 'https://hooks.example.com/alerts' })).json() as AlertRule;
    const patched = await ws.owner.patch(url(`/${rule.id}`), { webhookUrl: `http://localhost:${port}/x` });
    expect(patched.statusCode).toBe(400);
    expect(paths(patched)).toEqual(['body.webhookUrl']);
    expect((await ws.owner.get(url(`/${rule.id}`))).json().webhookUrl).toBe('https://hooks.example.com/alerts');
  });

  it('refuses delivery to a name that resolves to 127.0.0.1: failed at once with the reason, never sent, not retried', async () => {
    const rule = (await ws.owner.post(url(), { ...RULE, name: 'Rebound', webhookUrl: 'https://hooks.example.com/rebound' })).json() as AlertRule;
    // As if the name had pointed elsewhere when the rule was saved: only delivery can catch this.
    await s.deps.db.updateTable('alert_rules').set({ webhook_url: `http://localhost:${port}/ssrf` }).where('id', '=', rule.id).execute();
    // A stored address is not re-judged when something else changes: the rule can still be renamed or turned off.
    expect((await ws.owner.patch(url(`/${rule.id}`), { name: 'Rebound (renamed)' })).statusCode).toBe(200);

    const sent = await ws.owner.post(url(`/${rule.id}/test`), {});
    expect(sent.statusCode, sent.body).toBe(201);
    expect(sent.json()).toMatchObject({ webhook: { status: 'failed', attempts: 1 }, lastError: 'webhook: refused: localhost resolves to 127.0.0.1, a loopback (127.0.0.0/8) address' });
    const row = await s.deps.db.selectFrom('alert_events').select('next_attempt_at').where('id', '=', (sent.json() as AlertEvent).id).executeTakeFirstOrThrow();
    expect(row.next_attempt_at).toBeNull();
    await deliverDue(s.deps, Date.now() + 3 * 3_600_000);
    expect(hooks.received.filter((h) => h.path === '/ssrf')).toEqual([]);
  });

  it('with private targets allowed, resolves the name once and reaches the address it checked', async () => {
    const target = await resolveWebhookTarget(new URL(`http://localhost:${port}/`), { allowPrivate: true, timeoutMs: 5_000 });
    expect(target).toEqual({ address: '127.0.0.1', family: 4 });
    await expect(resolveWebhookTarget(new URL(`http://localhost:${port}/`), { allowPrivate: false, timeoutMs: 5_000 })).rejects.toThrow(/loopback/);
    hooks.secrets['/pinned'] = SECRET;
    const body = JSON.stringify({ ping: true });
    const ts = Math.floor(Date.now() / 1000);
    const headers = { 'content-type': 'application/json', 'x-touchpoint-timestamp': String(ts), 'x-touchpoint-signature': signWebhook(SECRET, ts, body) };
    expect(await sendWebhook(`http://localhost:${port}/pinned`, headers, body, { allowPrivate: true, timeoutMs: 5_000 })).toBe(204);
    expect(hooks.received.find((h) => h.path === '/pinned')).toMatchObject({ body, signatureValid: true, headers: { host: `localhost:${port}` } });
    await expect(sendWebhook(`http://localhost:${port}/pinned`, headers, body, { allowPrivate: false, timeoutMs: 5_000 })).rejects.toMatchObject({ name: 'WebhookRefused' });
  });
});
