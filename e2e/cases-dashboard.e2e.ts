/**
 * The closed loop on dashboards in a real browser: the Overview of a workspace without cases shows
 * the loop tiles' empty state; four cases are opened by hand and three closed with root causes; a
 * dashboard gets the loop numbers, the root-cause Pareto and a breakdown by theme from the tile
 * editor and shows closure 75 % (3 of 4) with Delivery as the first cause; a fifth case reaches the
 * open dashboard over the workspace stream (60 %, 3 of 5); then in 繁體中文. A viewer (no cases.read)
 * sees the dashboard with the loop tiles saying why they are empty-handed, and an Overview without them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, newDashboard, screenshotPath, signedInPage, startServer, workspaceWithLiveSurvey, type RunningServer } from './support.js';

const OWNER = { email: 'loop-tiles@lotus.example', password: 'a-long-test-password' };
const VIEWER = { email: 'viewer@lotus.example', password: 'another-long-password' };

let server: RunningServer;
let browser: Browser;
let workspaceId: string;
let dashboardUrl: string;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchChromium()]);
  ({ workspaceId } = await workspaceWithLiveSurvey(server, OWNER, {
    name: 'After delivery',
    definition: { languages: ['en'], defaultLanguage: 'en', thankYou: { en: 'Thanks' }, questions: [{ id: 'nps', type: 'nps', required: true, title: { en: 'How likely are you to recommend us?' } }] },
  }));
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** A request as the signed-in page makes it (session cookie + CSRF token from /api/auth/me). */
async function asMember<T>(page: Page, method: string, url: string, body?: unknown): Promise<{ status: number; json: T }> {
  return page.evaluate(async ({ method, url, body }) => {
    const me = await fetch('/api/auth/me').then((r) => r.json()) as { csrfToken: string };
    const res = await fetch(url, { method, headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken }, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: res.status, json: res.status === 204 ? null : await res.json() };
  }, { method, url, body }) as Promise<{ status: number; json: T }>;
}

async function openCase(page: Page, n: number): Promise<string> {
  const made = await asMember<{ id: string }>(page, 'POST', `/api/workspaces/${workspaceId}/cases`, { title: `Phone call ${n}`, customerEmail: `caller${n}@example.tw` });
  expect(made.status).toBe(201);
  return made.json.id;
}

/** Closed with a root cause; the worker may still be assigning the new case (409 on a stale version), so read and retry. */
async function closeCase(page: Page, id: string, rootCause: string) {
  const url = `/api/workspaces/${workspaceId}/cases/${id}`;
  await expect.poll(async () => {
    const { version } = (await asMember<{ version: number }>(page, 'GET', url)).json;
    return (await asMember(page, 'PATCH', url, { version, status: 'closed', rootCause, resolutionCode: 'fixed', resurvey: false })).status;
  }, { timeout: 10_000 }).toBe(200);
}

const loopTile = (page: Page, type: string) => page.locator(`[data-testid="tile"][data-tile-type="${type}"]`);
const closure = (page: Page) => loopTile(page, 'loop_kpis').getByTestId('loop-tile-closure');

describe('loop tiles on dashboards', () => {
  it('shows the loop beside NPS: empty, then counted, live, in English and 繁體中文', async () => {
    const { ctx, page, errors } = await signedInPage(browser, server, OWNER, workspaceId);

    // The Overview of a workspace that has no cases yet: the loop tiles say so, the rest renders.
    await page.getByTestId('nav-dashboards').click();
    await page.waitForURL(/\/dashboards$/);
    await loopTile(page, 'loop_kpis').getByTestId('tile-empty').waitFor();
    expect(await loopTile(page, 'loop_kpis').getByTestId('tile-empty').innerText()).toContain('No cases in this period');
    await loopTile(page, 'loop_pareto').getByTestId('tile-empty').waitFor();
    await page.locator('[data-testid="tile"][data-tile-id="nps"]').waitFor();
    await expect.poll(() => page.getByTestId('dashboard-grid').getAttribute('data-pending')).toBe('0');
    await page.screenshot({ path: screenshotPath('cases-dashboard-overview-empty.png'), fullPage: true });

    const ids = [await openCase(page, 1), await openCase(page, 2), await openCase(page, 3), await openCase(page, 4)];
    await closeCase(page, ids[0], 'delivery');
    await closeCase(page, ids[1], 'delivery');
    await closeCase(page, ids[2], 'price');

    await newDashboard(page, 'Closed loop');
    await page.getByTestId('add-tile-type').selectOption('loop_kpis');
    expect(await page.getByTestId('add-tile-about').innerText()).toContain('SLA attainment and recovery rate');
    await page.getByTestId('add-tile').click();
    for (const type of ['loop_pareto', 'loop_breakdown']) {
      await page.getByTestId('add-tile-type').selectOption(type);
      await page.getByTestId('add-tile').click();
    }
    // The breakdown compares teams unless told otherwise; this one compares themes.
    const breakdownEditor = page.getByTestId('tile-editor').nth(2);
    expect(await breakdownEditor.getByTestId('tile-loop-by').inputValue()).toBe('team');
    await breakdownEditor.getByTestId('tile-loop-by').selectOption('theme');
    await page.screenshot({ path: screenshotPath('cases-dashboard-editor.png'), fullPage: true });
    await page.getByTestId('edit-save').click();
    await page.getByTestId('edit-bar').waitFor({ state: 'detached' });
    dashboardUrl = page.url().split('?')[0];
    await page.goto(dashboardUrl); // the saved dashboard as anyone opens it (and no toasts over it)

    await expect.poll(() => closure(page).getByTestId('loop-tile-value').innerText(), { timeout: 10_000 }).toBe('75%');
    expect(await closure(page).innerText()).toContain('3 closed of 4 opened');
    expect(await loopTile(page, 'loop_kpis').locator('.tile-title').innerText()).toBe('Closed loop');
    expect(await loopTile(page, 'loop_kpis').locator('.tile-sub').innerText()).toBe('Cases opened in this range');
    expect(await loopTile(page, 'loop_kpis').getByTestId('loop-tile-value').count()).toBe(5);
    const causes = loopTile(page, 'loop_pareto').locator('[data-testid="loop-tile-pareto-table"] tbody tr');
    await expect.poll(() => causes.first().locator('th, td').allTextContents(), { timeout: 10_000 }).toEqual(['Delivery', '2', '66.7%']);
    expect(await causes.nth(1).locator('th, td').allTextContents()).toEqual(['Price', '1', '100.0%']);
    const breakdown = loopTile(page, 'loop_breakdown');
    expect(await breakdown.locator('.tile-title').innerText()).toBe('Closed loop by theme');
    await expect.poll(() => breakdown.locator('[data-testid="loop-tile-groups-table"] tbody th').allTextContents()).toEqual(['General (no theme)']);
    await page.locator('[data-testid="loop-tile-pareto-chart"][data-rendering="0"]').waitFor();
    await page.locator('[data-testid="loop-tile-groups-chart"][data-rendering="0"]').waitFor();
    await page.screenshot({ path: screenshotPath('cases-dashboard.png'), fullPage: true });

    // A new case reaches the open dashboard over the workspace stream, without a reload.
    await openCase(page, 5);
    await expect.poll(() => closure(page).getByTestId('loop-tile-value').innerText(), { timeout: 10_000 }).toBe('60%');
    expect(await closure(page).innerText()).toContain('3 closed of 5 opened');

    // The loop page for the same days is one click away.
    const link = loopTile(page, 'loop_kpis').getByTestId('loop-tile-link');
    expect(await link.getAttribute('href')).toMatch(new RegExp(`/w/${workspaceId}/cases/loop\\?from=\\d{4}-\\d{2}-\\d{2}&to=\\d{4}-\\d{2}-\\d{2}$`));

    await page.getByTestId('lang-switch').selectOption('zh-Hant');
    await expect.poll(() => loopTile(page, 'loop_kpis').locator('.tile-title').innerText()).toBe('閉環指標');
    expect(await closure(page).innerText()).toContain('開立 5 件，已結案 3 件');
    expect(await causes.first().locator('th').innerText()).toBe('物流配送');
    expect(await breakdown.locator('.tile-title').innerText()).toBe('各主題閉環指標');
    await page.locator('[data-testid="loop-tile-pareto-chart"][data-rendering="0"]').waitFor();
    await page.screenshot({ path: screenshotPath('cases-dashboard-zh-hant.png'), fullPage: true });
    await page.getByTestId('lang-switch').selectOption('en');

    // The Overview has the loop beside the scores.
    await page.goto(`${server.url}/w/${workspaceId}/dashboards/overview`);
    await expect.poll(() => closure(page).getByTestId('loop-tile-value').innerText(), { timeout: 10_000 }).toBe('60%');
    await page.locator('[data-testid="loop-tile-pareto-chart"][data-rendering="0"]').waitFor();
    await page.screenshot({ path: screenshotPath('cases-dashboard-overview.png'), fullPage: true });
    expect(errors).toEqual([]);
    await ctx.close();
  }, 300_000);

  it('tells a viewer the loop tiles are not for their role, and leaves them off the Overview', async () => {
    const owner = await signedInPage(browser, server, OWNER, workspaceId);
    const log = path.join(server.dataDir, 'outbox.eml.log');
    const before = fs.existsSync(log) ? fs.readFileSync(log, 'utf8').length : 0;
    expect((await asMember(owner.page, 'POST', `/api/workspaces/${workspaceId}/invitations`, { email: VIEWER.email, role: 'viewer' })).status).toBe(201);
    await owner.ctx.close();
    const token = /\/invite\/(inv_[A-Za-z0-9_-]+)/.exec(fs.readFileSync(log, 'utf8').slice(before).replace(/=\r?\n/g, ''))![1];
    const accepted = await fetch(`${server.url}/api/auth/accept-invitation`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token, name: 'Vic', password: VIEWER.password }) });
    expect(accepted.status).toBe(200);

    const { ctx, page, errors } = await signedInPage(browser, server, VIEWER, workspaceId);
    await page.goto(dashboardUrl);
    const refused = loopTile(page, 'loop_kpis').getByTestId('tile-error');
    await refused.waitFor();
    expect(await refused.innerText()).toBe('Your role cannot see cases. Ask an owner or admin if you need them.');
    expect(await page.getByTestId('tile-error').count()).toBe(3);
    await expect.poll(() => page.getByTestId('dashboard-grid').getAttribute('data-pending')).toBe('0');
    await page.screenshot({ path: screenshotPath('cases-dashboard-viewer.png'), fullPage: true });

    await page.goto(`${server.url}/w/${workspaceId}/dashboards/overview`);
    await page.locator('[data-testid="tile"][data-tile-id="nps"]').waitFor();
    await expect.poll(() => page.getByTestId('dashboard-grid').getAttribute('data-pending')).toBe('0');
    expect(await page.locator('[data-testid="tile"][data-tile-type^="loop_"]').count()).toBe(0);
    expect(await page.getByTestId('tile-error').count()).toBe(0);
    expect(errors).toEqual([]);
    await ctx.close();
  }, 120_000);
});
