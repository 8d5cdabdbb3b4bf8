/**
 * The embeddable widget on a customer's own site (another origin): one <script> tag, shown on a
 * custom event, answered inside its shadow DOM, stored with channel "widget" and the tag's
 * metadata, and not shown again to the same customer within the cooldown.
 */
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { cli, launchChromium, startServer, type RunningServer } from './support.js';

let server: RunningServer;
let browser: Browser;
let shop: http.Server;
let shopUrl = '';
let workspaceId = '';
let key = '';

beforeAll(async () => {
  server = await startServer();
  workspaceId = JSON.parse(await cli(server.dataDir, ['workspace', 'create', '--name', 'Shop', '--owner-email', 'w@shop.example', '--password', 'a-long-test-password'])).workspaceId;
  key = (await cli(server.dataDir, ['api-key', 'create', '--workspace', workspaceId, '--name', 'e2e', '--scopes', 'surveys:write,responses:read'])).trim();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  shop?.close();
  await server?.stop();
});

async function api(path: string, body?: unknown) {
  const r = await fetch(`${server.url}${path}`, { method: body ? 'POST' : 'GET', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: body ? JSON.stringify(body) : undefined });
  return r.json();
}

describe('the web widget', () => {
  it('shows on a custom event on another site, collects an answer with metadata, then stays away', async () => {
    const survey = await api(`/api/workspaces/${workspaceId}/surveys`, {
      name: 'After checkout',
      definition: { languages: ['en'], defaultLanguage: 'en', thankYou: { en: 'Thanks!' }, questions: [{ id: 'csat', type: 'csat', required: true, title: { en: 'How satisfied are you with checkout?' } }] },
    });
    await api(`/api/workspaces/${workspaceId}/surveys/${survey.id}/status`, { status: 'live' });

    const hostPage = `<!doctype html><html><head><style>div{color:red!important;font-size:40px!important}</style></head><body><h1>Thanks for your order</h1>
<script src="${server.url}/public/widget.js" data-survey="${survey.publicId}" data-trigger="event:order-completed" data-customer-id="cus_42" data-meta-plan="pro" async></script></body></html>`;
    shop = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(hostPage));
    await new Promise<void>((r) => shop.listen(0, '127.0.0.1', () => r()));
    shopUrl = `http://127.0.0.1:${(shop.address() as { port: number }).port}/`;

    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    await page.goto(shopUrl);
    await page.waitForFunction(() => 'Touchpoint' in window);
    expect(await page.locator('.tp-card').count()).toBe(0);
    await page.evaluate(() => window.dispatchEvent(new CustomEvent('order-completed')));
    await page.locator('.tp-card').waitFor();
    await page.locator('.tp-score', { hasText: /^5$/ }).click();
    await page.locator('.tp-primary').click();
    await page.locator('.tp-end').waitFor();

    await expect.poll(async () => (await api(`/api/workspaces/${workspaceId}/surveys/${survey.id}/responses`)).items.length, { timeout: 10_000 }).toBe(1);
    const [stored] = (await api(`/api/workspaces/${workspaceId}/surveys/${survey.id}/responses`)).items;
    expect(stored).toMatchObject({ channel: 'widget', customerExternalId: 'cus_42', metadata: { plan: 'pro' }, answers: { csat: 5 } });

    // The same customer on a fresh browser: the server's recontact throttle keeps the widget away.
    const again = await browser.newContext();
    const page2 = await again.newPage();
    await page2.goto(shopUrl);
    await page2.waitForFunction(() => 'Touchpoint' in window);
    await page2.evaluate(() => window.dispatchEvent(new CustomEvent('order-completed')));
    await page2.waitForTimeout(1500);
    expect(await page2.locator('.tp-card').count()).toBe(0);
    await ctx.close();
    await again.close();
  });
});
