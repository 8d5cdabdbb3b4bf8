/**
 * A dashboard breakdown by a customer attribute in a real browser: people with a declared `plan`
 * trait arrive as events, they answer the survey with their customer id, and a breakdown tile set to
 * the customer attribute "plan" in the tile editor splits NPS into their plans (pro against free),
 * with the segment comparison; then in 繁體中文.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { cli, launchChromium, screenshotPath, startServer, submitPublic, workspaceWithLiveSurvey, type RunningServer, newDashboard, signedInPage } from './support.js';

const OWNER = { email: 'plans@lotus.example', password: 'a-long-test-password' };
let server: RunningServer;
let browser: Browser;
let workspaceId: string;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchChromium()]);
  let publicId: string;
  ({ workspaceId, publicId } = await workspaceWithLiveSurvey(server, OWNER, {
    name: 'Plan check',
    definition: { languages: ['en'], defaultLanguage: 'en', thankYou: { en: 'Thanks' }, questions: [{ id: 'nps', type: 'nps', required: true, title: { en: 'Recommend us?' } }] },
  }));
  const key = (await cli(server.dataDir, ['api-key', 'create', '--workspace', workspaceId, '--name', 'events', '--scopes', 'events:write'])).trim();
  const people = Array.from({ length: 8 }, (_, i) => ({ type: 'identify', userId: `c-${i}`, traits: { plan: i < 4 ? 'pro' : 'free' } }));
  const res = await fetch(`${server.url}/api/workspaces/${workspaceId}/events?wait=true`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: JSON.stringify({ events: people }) });
  expect(res.status).toBe(202);
  // Pro customers promote (10), free ones detract (2).
  for (let i = 0; i < 8; i++) expect(await submitPublic(server, publicId, { idempotencyKey: `plan-${i}-${Date.now()}`, customerExternalId: `c-${i}`, answers: { nps: i < 4 ? 10 : 2 } })).toBe(201);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('breakdown by a customer attribute', () => {
  it('splits NPS by the customers\' plan from the tile editor', async () => {
    const { ctx, page, errors } = await signedInPage(browser, server, OWNER, workspaceId);

    await newDashboard(page, 'By plan');
    await page.getByTestId('add-tile-type').selectOption('breakdown');
    await page.getByTestId('add-tile').click();
    const editor = page.getByTestId('tile-editor').first();
    await editor.getByTestId('tile-other-kind').selectOption('trait');
    await editor.getByTestId('tile-other-key').fill('plan');
    await editor.getByTestId('tile-other-use').click();
    expect(await editor.getByTestId('tile-by').locator('option:checked').innerText()).toBe('Customer: plan');
    await page.getByTestId('edit-save').click();
    await page.getByTestId('edit-bar').waitFor({ state: 'detached' });

    const tileEl = page.locator('[data-testid="tile"][data-tile-type="breakdown"]');
    expect(await tileEl.locator('.tile-title').innerText()).toContain('Customer: plan');
    const segments = tileEl.getByTestId('segment-compare');
    await expect.poll(() => segments.getByTestId('segment-b').locator('option').allInnerTexts(), { timeout: 10_000 }).toEqual(expect.arrayContaining(['free', 'pro']));
    await segments.getByTestId('segment-a').selectOption('free');
    await segments.getByTestId('segment-b').selectOption('pro');
    // Pro +100 against free −100: +200 points, significant.
    await expect.poll(() => segments.getByTestId('segment-delta').innerText(), { timeout: 5_000 }).toMatch(/^\+200(\.0)?/);
    await page.screenshot({ path: screenshotPath('trait-breakdown.png'), fullPage: true });

    await page.getByTestId('lang-switch').selectOption('zh-Hant');
    await expect.poll(() => tileEl.locator('.tile-title').innerText()).toContain('顧客：plan');
    expect(errors).toEqual([]);
    await ctx.close();
  }, 300_000);
});
