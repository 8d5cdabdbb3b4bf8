/**
 * A metric-settings change recounts the numbers in the background, and people see it: Settings →
 * Metrics shows the recount's progress and then that it finished; an open dashboard shows a banner
 * with the progress while it runs, keeps its numbers (computed from the responses meanwhile) and
 * drops the banner when it ends. Progress travels over the workspace's live stream. The server
 * recounts in chunks of 5 responses here, so 2,000 responses take long enough to be seen.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { cli, launchChromium, screenshotPath, startServer, type RunningServer, workspaceWithLiveSurvey, signIn } from './support.js';

const OWNER = { email: 'recount@lotus.example', password: 'a-long-test-password' };
const ROWS = 2_000;

let server: RunningServer;
let browser: Browser;
let workspaceId: string;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer({ METRIC_RECOUNT_CHUNK_ROWS: '5' }), launchChromium()]);
  let surveyId: string;
  ({ workspaceId, surveyId } = await workspaceWithLiveSurvey(server, OWNER, {
    name: 'Checkout',
    definition: { languages: ['en'], defaultLanguage: 'en', thankYou: { en: 'Thanks' }, questions: [{ id: 'nps', type: 'nps', required: true, title: { en: 'Recommend us?' } }] },
  }));
  const key = (await cli(server.dataDir, ['api-key', 'create', '--workspace', workspaceId, '--name', 'seed', '--scopes', 'responses:write'])).trim();
  for (let at = 0; at < ROWS; at += 1000) {
    const responses = Array.from({ length: 1000 }, (_, i) => ({ answers: { nps: (at + i) % 11 }, submittedAt: new Date(Date.now() - ((at + i) % 20) * 3_600_000).toISOString() }));
    const res = await fetch(`${server.url}/api/workspaces/${workspaceId}/surveys/${surveyId}/responses/batch`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: JSON.stringify({ responses }) });
    expect(res.status).toBe(201);
  }
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const npsN = (page: Page) => page.locator('[data-testid="tile"][data-tile-id="nps"]').getByTestId('value-n').innerText();

describe('a metric recount in the browser', () => {
  it('shows its progress in Settings and on an open dashboard, and when it ends', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'en-US' });
    const errors: string[] = [];
    const dashboard = await ctx.newPage();
    dashboard.on('pageerror', (e) => errors.push(e.message));
    await signIn(dashboard, server, OWNER, workspaceId);
    await dashboard.goto(`${server.url}/w/${workspaceId}/dashboards`);
    await expect.poll(() => npsN(dashboard), { timeout: 15_000 }).toBe(`n = ${ROWS.toLocaleString('en-US')}`);
    await expect.poll(() => dashboard.getByTestId('dashboard-live').getAttribute('class')).toContain('live-on');
    expect(await dashboard.getByTestId('recount-banner').count()).toBe(0);

    const settings = await ctx.newPage();
    settings.on('pageerror', (e) => errors.push(e.message));
    await settings.goto(`${server.url}/w/${workspaceId}/settings/metrics`);
    await settings.getByTestId('metric-zone').selectOption('Asia/Taipei');
    await settings.getByTestId('metric-settings-save').click();
    await settings.getByTestId('metric-recount').waitFor({ timeout: 10_000 });

    // The open dashboard hears of it over its live stream: a banner with the progress.
    const banner = dashboard.getByTestId('recount-banner');
    await banner.waitFor({ timeout: 10_000 });
    const pct = Number(await banner.getByRole('progressbar').getAttribute('aria-valuenow'));
    expect(pct).toBeGreaterThanOrEqual(0);
    expect(pct).toBeLessThan(100);
    expect(await banner.innerText()).toContain('recounted');
    await dashboard.screenshot({ path: screenshotPath('recount-banner.png') });

    // It ends: the settings say so, the banner goes, and the numbers are the same.
    await settings.getByTestId('metric-recount-done').waitFor({ timeout: 60_000 });
    await expect.poll(() => banner.count(), { timeout: 10_000 }).toBe(0);
    await expect.poll(() => npsN(dashboard), { timeout: 10_000 }).toBe(`n = ${ROWS.toLocaleString('en-US')}`);
    // The dashboard read the settings again: its default time zone is the new one.
    await expect.poll(() => dashboard.getByTestId('filter-summary').innerText()).toContain('Asia/Taipei');
    expect(errors).toEqual([]);
    await ctx.close();
  });
});
