/**
 * Customer KPI tiles in a real browser: four people with orders in Jan–Mar 2026 arrive as events,
 * a live segment holds the two on the "vip" plan; a cohort retention tile and a revenue-by-segment
 * tile are added in the tile editor and show the cohorts' shares and each segment's revenue for a
 * custom range; a new order updates the revenue live; then in 繁體中文.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { cli, launchChromium, newDashboard, screenshotPath, signedInPage, startServer, workspaceWithLiveSurvey, type RunningServer } from './support.js';

const OWNER = { email: 'kpis@lotus.example', password: 'a-long-test-password' };
let server: RunningServer;
let browser: Browser;
let workspaceId: string;
let key: string;

async function sendEvents(events: unknown[]) {
  const res = await fetch(`${server.url}/api/workspaces/${workspaceId}/events?wait=true`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: JSON.stringify({ events }) });
  expect(res.status).toBe(202);
}

/** The owner's session over plain HTTP (cookie + CSRF token), for the segments API. */
async function session() {
  const res = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(OWNER) });
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const { csrfToken } = await res.json() as { csrfToken: string };
  return (path: string, init: { method?: string; body?: unknown } = {}) => fetch(`${server.url}/api/workspaces/${workspaceId}${path}`, {
    method: init.method ?? 'GET', headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' }, body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
}

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchChromium()]);
  ({ workspaceId } = await workspaceWithLiveSurvey(server, OWNER, {
    name: 'KPI check',
    definition: { languages: ['en'], defaultLanguage: 'en', thankYou: { en: 'Thanks' }, questions: [{ id: 'nps', type: 'nps', required: true, title: { en: 'Recommend us?' } }] },
  }));
  key = (await cli(server.dataDir, ['api-key', 'create', '--workspace', workspaceId, '--name', 'events', '--scopes', 'events:write'])).trim();
  const who = (userId: string, plan: string, timestamp: string) => ({ type: 'identify', userId, traits: { plan }, timestamp });
  const order = (userId: string, orderId: string, revenue: number, timestamp: string) => ({ type: 'order', userId, orderId, revenue, currency: 'USD', timestamp });
  await sendEvents([
    who('p1', 'vip', '2026-01-10T08:00:00Z'), order('p1', 'o1', 100, '2026-01-10T09:00:00Z'), { type: 'track', userId: 'p1', event: 'Came back', timestamp: '2026-02-03T08:00:00Z' }, order('p1', 'o2', 50, '2026-03-05T09:00:00Z'),
    who('p2', 'vip', '2026-01-20T08:00:00Z'), order('p2', 'o3', 200, '2026-01-20T09:00:00Z'),
    who('p3', 'free', '2026-01-15T08:00:00Z'), order('p3', 'o4', 30, '2026-02-10T09:00:00Z'),
    who('p4', 'free', '2026-02-02T08:00:00Z'),
  ]);
  const api = await session();
  const made = await api('/segments', { method: 'POST', body: { name: 'VIP', definition: { kind: 'group', match: 'all', conditions: [{ kind: 'trait', key: 'plan', op: 'eq', value: 'vip' }] } } });
  expect(made.status).toBe(201);
  const { id } = await made.json() as { id: string };
  // The segment worker builds its members in the background.
  for (let until = Date.now() + 30_000; ;) {
    const seg = await (await api(`/segments/${id}`)).json() as { memberCount: number; status: string };
    if (seg.status === 'ready' && seg.memberCount === 2) break;
    if (Date.now() > until) throw new Error(`segment not built: ${JSON.stringify(seg)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('customer KPI tiles', () => {
  it('shows cohort retention and revenue by segment, live, in English and 繁體中文', async () => {
    const { ctx, page, errors } = await signedInPage(browser, server, OWNER, workspaceId);

    await newDashboard(page, 'Customers');
    for (const type of ['cohort_retention', 'segment_revenue']) {
      await page.getByTestId('add-tile-type').selectOption(type);
      await page.getByTestId('add-tile').click();
    }
    // The cohort tile offers what counts as active; keep "any event".
    expect(await page.getByTestId('tile-editor').first().getByTestId('tile-basis').locator('option:checked').innerText()).toBe('Active: any event');
    await page.getByTestId('edit-save').click();
    await page.getByTestId('edit-bar').waitFor({ state: 'detached' });
    await page.goto(`${page.url().split('?')[0]}?from=2026-01-01&to=2026-03-31`);

    const cohort = page.locator('[data-testid="tile"][data-tile-type="cohort_retention"]');
    const revenue = page.locator('[data-testid="tile"][data-tile-type="segment_revenue"]');
    expect(await cohort.locator('.tile-title').innerText()).toBe('Cohort retention');
    await cohort.getByTestId('cohort-chart').waitFor();
    const row = (month: string) => cohort.locator(`[data-testid="cohort-table"] tr[data-month="${month}"]`);
    // January: p1, p2, p3; in February p1 and p3 came back, in March p1. February: p4 alone.
    await expect.poll(() => row('2026-01').locator('td').allTextContents(), { timeout: 10_000 }).toEqual(['3', '100%', '67%', '33%']);
    expect(await row('2026-02').locator('td').allTextContents()).toEqual(['1', '100%', '0%']);

    const segRow = (id: string) => revenue.locator(`[data-testid="segment-revenue-table"] tr[data-segment="${id}"]`);
    await expect.poll(() => segRow('').locator('th, td').allTextContents(), { timeout: 10_000 }).toEqual(['Everyone', '$380.00', '4', '$95.00']);
    expect(await revenue.locator('[data-testid="segment-revenue-table"] tr').nth(1).locator('th, td').allTextContents()).toEqual(['VIP', '$350.00', '2', '$175.00']);
    expect(await revenue.locator('.tile-sub').innerText()).toBe('USD');
    await page.screenshot({ path: screenshotPath('customer-kpis.png'), fullPage: true });

    // A new order reaches the open dashboard over the workspace stream.
    await sendEvents([{ type: 'order', userId: 'p4', orderId: 'o5', revenue: 20, currency: 'USD', timestamp: '2026-03-20T09:00:00Z' }]);
    await expect.poll(() => segRow('').locator('td').first().textContent(), { timeout: 10_000 }).toBe('$400.00');

    await page.getByTestId('lang-switch').selectOption('zh-Hant');
    await expect.poll(() => cohort.locator('.tile-title').innerText()).toBe('世代留存');
    expect(await revenue.locator('.tile-title').innerText()).toBe('各分群營收');
    expect(await segRow('').locator('th').textContent()).toBe('所有人');
    expect(await segRow('').locator('td').first().textContent()).toBe('US$400.00');
    await page.screenshot({ path: screenshotPath('customer-kpis-zh-hant.png'), fullPage: true });
    expect(errors).toEqual([]);
    await ctx.close();
  }, 300_000);
});
