/**
 * Connections in a real browser: the HTTP door's card (its endpoint, what it has queued and not yet
 * applied, a batch that could not be applied with its error) beside the broker cards of a server
 * without brokers (set-up instructions, no switch to flip into nothing), in English and 繁體中文.
 * Events go in through the API's default door (acknowledged once queued) and reach the person.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { cli, launchChromium, screenshotPath, signedInPage, startServer, workspaceWithLiveSurvey, type RunningServer } from './support.js';

const OWNER = { email: 'connections@lotus.example', password: 'a-long-test-password' };
const BROKEN_BATCH = '00000000-0001-7000-8000-00000000beef';

let server: RunningServer;
let browser: Browser;
let workspaceId: string;
let key: string;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchChromium()]);
  ({ workspaceId } = await workspaceWithLiveSurvey(server, OWNER, {
    name: 'Connections', definition: { languages: ['en'], defaultLanguage: 'en', thankYou: { en: 'Thanks' }, questions: [{ id: 'nps', type: 'nps', required: true, title: { en: 'Recommend us?' } }] },
  }));
  key = (await cli(server.dataDir, ['api-key', 'create', '--workspace', workspaceId, '--name', 'site', '--scopes', 'events:write'])).trim();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('connections', () => {
  it('shows the HTTP door with its queue and a failing batch, and the brokers to set up, in English and 繁體中文', async () => {
    // The default door: 202 once queued; the person appears once the batch is applied.
    const sent = await fetch(`${server.url}/api/workspaces/${workspaceId}/events`, {
      method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', 'idempotency-key': 'site-0001' },
      body: JSON.stringify({ events: [{ type: 'identify', userId: 'web-42', email: 'door@lotus.example', name: '王小明' }, { type: 'track', userId: 'web-42', event: 'Signed up' }] }),
    });
    expect(sent.status).toBe(202);
    expect(await sent.json()).toMatchObject({ queued: 2 });

    // A batch no door would write (its events cannot be decrypted): the drainer reports it.
    const db = new Database(path.join(server.dataDir, 'touchpoint.db'));
    try {
      db.pragma('busy_timeout = 5000');
      db.prepare('INSERT INTO customer_intake_queue (id, workspace_id, actor, transport, event_count, events, attempts, error, next_attempt_at, received_at) VALUES (?, ?, ?, ?, ?, ?, 0, NULL, NULL, ?)')
        .run(BROKEN_BATCH, workspaceId, JSON.stringify({ type: 'system', id: 'e2e', label: 'e2e' }), 'http', 3, 'not-a-ciphertext', new Date().toISOString());
    } finally { db.close(); }

    const { ctx, page, errors } = await signedInPage(browser, server, OWNER, workspaceId);
    await page.goto(`${server.url}/w/${workspaceId}/customers?tab=import`);
    const http = page.getByTestId('connection-http');
    await expect.poll(() => http.getByTestId('connection-address').innerText()).toBe(`${server.url}/api/workspaces/${workspaceId}/events`);
    // The panel polls every 5 s: the failed attempt shows without a reload.
    await expect.poll(() => http.getByTestId('connection-http-state').innerText(), { timeout: 15_000 }).toBe('1 batch failing');
    await expect.poll(() => http.getByTestId('connection-http-waiting').innerText()).toBe('3 events in 1 batch');
    const failing = await http.getByTestId('connection-http-failing').innerText();
    expect(failing).toContain(BROKEN_BATCH);
    expect(failing).toMatch(/3 events, (1 attempt|\d+ attempts):/);
    expect(failing).toMatch(/next attempt/);
    await http.getByTestId('connection-example').locator('summary').click();
    expect(await http.getByTestId('connection-example').innerText()).toContain(`curl -X POST '${server.url}/api/workspaces/${workspaceId}/events'`);

    // No broker on this server: each card says how to set one up and offers no switch.
    for (const t of ['mqtt', 'nats']) {
      const card = page.getByTestId(`connection-${t}`);
      expect(await card.getByTestId('connection-link').innerText()).toBe('Not set up on the server');
      expect(await card.getByTestId('connection-unconfigured').innerText()).toContain(t === 'mqtt' ? 'MQTT_URL' : 'NATS_URL');
    }
    // The applied batch made its person.
    await page.getByTestId('customers-tab-people').click();
    await page.getByTestId('customer-search').fill('door@lotus.example');
    await page.getByTestId('customer-search').press('Enter');
    await expect.poll(() => page.getByTestId('customer-row').allInnerTexts()).toEqual([expect.stringContaining('王小明')]);

    await page.getByTestId('customers-tab-import').click();
    await page.getByTestId('lang-switch').selectOption('zh-Hant');
    await expect.poll(() => page.getByTestId('connection-http').getByTestId('connection-http-state').innerText()).toBe('1 批失敗');
    expect(await page.getByTestId('connection-http').getByTestId('connection-http-waiting').innerText()).toBe('1 批共 3 筆事件');
    await page.getByTestId('connection-http').screenshot({ path: screenshotPath('connections-http.png') });
    expect(errors).toEqual([]);
    await ctx.close();
  });
});
