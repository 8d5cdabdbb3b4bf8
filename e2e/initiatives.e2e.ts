/**
 * The innovation portfolio in a real browser: the owner loads the six innovation areas (six rows
 * and the value-against-cost 2×2), then the Shopee example, opens it and finds ROI ≈ 1,696 % and
 * payback within the first month; edits a benefit and watches NPV move as they type, saves, reloads
 * and finds the edit; downloads the business case as a PDF; and reads the page in 简体中文.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { cli, launchChromium, pageRequest, screenshotPath, signedInPage, startServer, type RunningServer } from './support.js';

const OWNER = { email: 'portfolio@lotus.example', password: 'a-long-test-password' };

let server: RunningServer;
let browser: Browser;
let workspaceId: string;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchChromium()]);
  workspaceId = JSON.parse(await cli(server.dataDir, ['workspace', 'create', '--name', 'Lotus Mart', '--owner-email', OWNER.email, '--password', OWNER.password])).workspaceId;
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('innovation portfolio in the browser', () => {
  it('loads the templates, analyses the Shopee case live, saves it, exports a PDF, in 简体中文 too', async () => {
    const { ctx, page, errors } = await signedInPage(browser, server, OWNER, workspaceId, { acceptDownloads: true });
    await page.goto(`${server.url}/w/${workspaceId}/initiatives`);
    await page.getByTestId('initiatives-empty').waitFor();

    await page.getByTestId('load-areas').click();
    const rows = page.getByTestId('initiative-row');
    await expect.poll(() => rows.count()).toBe(6);
    await page.getByTestId('initiative-matrix').locator('canvas').waitFor();
    await expect.poll(() => page.getByTestId('section-initiatives').getAttribute('aria-current')).toBe('page');
    await page.screenshot({ path: screenshotPath('initiatives-portfolio.png'), fullPage: true });

    await page.getByTestId('load-shopee').click();
    await expect.poll(() => rows.count()).toBe(7);
    const shopee = rows.filter({ hasText: 'Recommendation engine (Shopee example)' });
    expect(await shopee.getByTestId('computed-roi').innerText()).toBe('1,696%');
    await shopee.getByRole('link').click();
    await page.waitForURL(/\/initiatives\/[^/]+$/);

    const roi = page.getByTestId('kpi-roi');
    await expect.poll(() => roi.locator('.kpi-value').innerText()).toBe('1,696%');
    const payback = Number(await page.getByTestId('kpi-payback').getAttribute('data-value'));
    expect(payback).toBeGreaterThan(0);
    expect(payback).toBeLessThan(1);
    await page.getByTestId('cash-flow-chart').locator('canvas').waitFor();
    await page.getByTestId('tornado-chart').locator('canvas').waitFor();
    expect(await page.getByTestId('scenarios-table').locator('tbody tr').count()).toBe(3);

    // Live: typing a smaller monthly revenue lowers NPV before anything is saved.
    const npvBefore = Number(await page.getByTestId('kpi-npv').getAttribute('data-value'));
    const revenue = page.getByTestId('benefits-row').first().getByTestId('line-amount');
    await revenue.fill('3000000');
    await expect.poll(async () => Number(await page.getByTestId('kpi-npv').getAttribute('data-value'))).toBeLessThan(npvBefore);
    const npvEdited = Number(await page.getByTestId('kpi-npv').getAttribute('data-value'));
    await page.getByTestId('save-case').click();
    await expect.poll(() => page.getByTestId('save-case').isDisabled()).toBe(true);
    await page.reload();
    await page.getByTestId('case-results').waitFor();
    expect(await page.getByTestId('benefits-row').first().getByTestId('line-amount').inputValue()).toBe('3000000');
    expect(Number(await page.getByTestId('kpi-npv').getAttribute('data-value'))).toBeCloseTo(npvEdited, 2);
    await page.getByTestId('tornado-chart').locator('canvas').waitFor();
    await page.waitForTimeout(500);
    await page.screenshot({ path: screenshotPath('initiative-business-case.png'), fullPage: true });

    // One click, one PDF.
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId('download-pdf').click()]);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    const file = await download.path();
    const pdf = fs.readFileSync(file!);
    expect(pdf.subarray(0, 4).toString('latin1')).toBe('%PDF');
    expect((pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? []).length).toBeGreaterThanOrEqual(1);
    await download.saveAs(screenshotPath('initiative-business-case.pdf'));

    // 简体中文: labels translated.
    await page.getByTestId('lang-switch').selectOption('zh-Hans');
    await expect.poll(() => page.getByTestId('kpi-npv').locator('.kpi-label').innerText()).toContain('净现值');
    await page.getByText('情景分析').first().waitFor();
    await page.getByTestId('save-case').waitFor();
    await page.waitForTimeout(500);
    await page.screenshot({ path: screenshotPath('initiative-business-case-zh-Hans.png'), fullPage: true });
    await page.goto(`${server.url}/w/${workspaceId}/initiatives`);
    await page.getByText('加载六大创新领域').waitFor();
    await page.getByTestId('initiative-matrix').locator('canvas').waitFor();
    await page.waitForTimeout(400);
    await page.screenshot({ path: screenshotPath('initiatives-portfolio-zh-Hans.png'), fullPage: true });

    // After launch: CSAT answers before and after a launch 30 days ago, shown beside the expected +5.
    const w = `/api/workspaces/${workspaceId}`;
    const survey = (await pageRequest(page, 'POST', `${w}/surveys`, {
      name: 'Service check', definition: { languages: ['en'], defaultLanguage: 'en', thankYou: { en: 'Thanks' }, questions: [{ id: 'csat', type: 'csat', required: true, title: { en: 'How satisfied are you?' } }] },
    })).json as { id: string };
    expect((await pageRequest(page, 'POST', `${w}/surveys/${survey.id}/status`, { status: 'live' })).status).toBe(200);
    const ago = (d: number) => new Date(Date.now() - d * 86_400_000).toISOString();
    const answers = [...[5, 2, 4, 2, 3].map((csat) => ({ answers: { csat }, submittedAt: ago(45) })), ...[5, 4, 4, 5, 2].map((csat) => ({ answers: { csat }, submittedAt: ago(10) }))];
    expect((await pageRequest(page, 'POST', `${w}/surveys/${survey.id}/responses/batch`, { responses: answers })).status).toBe(201);
    const list = (await pageRequest(page, 'GET', `${w}/initiatives?area=omnichannel`)).json as { items: { id: string }[] };
    const launch = ago(30).slice(0, 10);
    expect((await pageRequest(page, 'PATCH', `${w}/initiatives/${list.items[0].id}`, { status: 'launched', launchDate: launch, expectedChange: { metric: 'csat', change: 5 } })).status).toBe(200);
    await page.getByTestId('lang-switch').selectOption('en');
    await page.goto(`${server.url}/w/${workspaceId}/initiatives/${list.items[0].id}`);
    await page.getByTestId('actual-vs-expected').waitFor();
    expect(await page.getByTestId('actual-change').innerText()).toBe('+40.0 percentage points');
    await page.screenshot({ path: screenshotPath('initiative-actual.png'), fullPage: false });

    expect(errors).toEqual([]);
    await ctx.close();
  }, 180_000);
});
