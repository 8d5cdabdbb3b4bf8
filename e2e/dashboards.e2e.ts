/**
 * Live CX dashboards in a real browser: numbers from responses created through the API, filters
 * that live in the URL (and survive a reload), a new response reaching the NPS tile within two
 * seconds without a reload, a custom dashboard, CSV/PNG/PDF exports, and the page in 繁體中文.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, screenshotPath, startServer, type RunningServer, workspaceWithLiveSurvey, submitPublic, signIn } from './support.js';

const OWNER = { email: 'cx@lotus.example', password: 'a-long-test-password' };

let server: RunningServer;
let browser: Browser;
let workspaceId: string;
let publicId: string;
let submitted = 0;

/** A respondent answering through the public endpoint, as the survey page and widget do. */
async function respond(nps: number, channel: string, why?: string): Promise<void> {
  expect(await submitPublic(server, publicId, { idempotencyKey: `e2e-dash-${++submitted}-${Date.now()}`, channel, answers: { nps, ...(why ? { why } : {}) } })).toBe(201);
}

beforeAll(async () => {
  server = await startServer();
  ({ workspaceId, publicId } = await workspaceWithLiveSurvey(server, OWNER, {
    name: 'Delivery check-in',
    definition: {
      languages: ['en'], defaultLanguage: 'en', thankYou: { en: 'Thanks' },
      questions: [
        { id: 'nps', type: 'nps', required: true, title: { en: 'How likely are you to recommend us?' } },
        { id: 'why', type: 'open_text', title: { en: 'Why?' } },
      ],
    },
  }));
  // Link: three promoters; email: one promoter and one detractor. NPS = (4 − 1) / 5 = +60.
  await respond(10, 'link', 'Fast delivery, friendly driver');
  await respond(9, 'link');
  await respond(10, 'link', '包裝很用心，下次還會再買');
  await respond(9, 'email');
  await respond(3, 'email', 'The parcel came two days late');
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const tile = (page: Page, id: string) => page.locator(`[data-testid="tile"][data-tile-id="${id}"]`);
const npsValue = (page: Page) => tile(page, 'nps').getByTestId('value-number').innerText();

describe('dashboards in the browser', () => {
  it('shows live numbers, keeps filters in the URL, builds a dashboard and exports it, in 繁體中文 too', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1366, height: 900 }, acceptDownloads: true, locale: 'en-US' });
    const page = await ctx.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));

    // Sign in and open the dashboards from the navigation: the built-in Overview.
    await signIn(page, server, OWNER, workspaceId);
    await page.getByTestId('nav-dashboards').click();
    await page.waitForURL(/\/dashboards$/);
    await expect.poll(() => npsValue(page), { timeout: 10_000 }).toBe('+60');
    expect(await tile(page, 'nps').getByTestId('value-n').innerText()).toBe('n = 5');
    // No CSAT question answered: the tile says so instead of showing a broken number.
    await tile(page, 'csat').getByTestId('tile-empty').waitFor();
    await tile(page, 'comments').getByText('The parcel came two days late').waitFor();
    await page.locator('[data-tile-id="nps-trend"] canvas').waitFor();
    await page.waitForTimeout(600); // let the charts finish their entry animation
    await page.screenshot({ path: '/tmp/dashboard.png', fullPage: true });

    // A filter changes the URL and the numbers; the same URL reproduces the view after a reload.
    await page.getByTestId('filter-channels').click();
    await page.getByTestId('filter-channels-option').filter({ hasText: 'Email' }).locator('input').check();
    await page.keyboard.press('Escape');
    await page.getByTestId('filter-range').selectOption('90d');
    await expect.poll(() => page.url()).toMatch(/[?&]channel=email(&|$)/);
    expect(page.url()).toMatch(/[?&]range=90d(&|$)/);
    await expect.poll(() => npsValue(page), { timeout: 10_000 }).toBe('0');
    const filteredUrl = page.url();
    await page.reload();
    await expect.poll(() => npsValue(page), { timeout: 10_000 }).toBe('0');
    expect(page.url()).toBe(filteredUrl);
    expect(await page.getByTestId('filter-range').inputValue()).toBe('90d');
    expect(await page.getByTestId('filter-channels').innerText()).toContain('Email');
    expect(await page.getByTestId('filter-summary').innerText()).toContain('Email');

    // Back to all channels; a new response reaches the NPS tile within 2 s, without a reload.
    await page.getByTestId('filter-reset').click();
    await expect.poll(() => npsValue(page), { timeout: 10_000 }).toBe('+60');
    await expect.poll(() => page.getByTestId('dashboard-live').getAttribute('class')).toContain('live-on');
    await page.evaluate(() => { (window as unknown as { marker: string }).marker = 'same page'; });
    await respond(10, 'link');
    const arrived = Date.now();
    await expect.poll(() => npsValue(page), { timeout: 2_000, interval: 50 }).toBe('+67');
    expect(Date.now() - arrived).toBeLessThan(2_000);
    await expect.poll(() => tile(page, 'nps').getByTestId('value-n').innerText(), { timeout: 2_000 }).toBe('n = 6');
    expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe('same page');

    // Under the channel breakdown: Link (4 promoters, +100) against Email (one each, 0).
    const segments = tile(page, 'nps-channel').getByTestId('segment-compare');
    await expect.poll(() => segments.getByTestId('segment-delta').innerText(), { timeout: 5_000 }).toMatch(/^\+100(\.0)?/);
    expect(await segments.getByTestId('segment-b').inputValue()).toBe('link');
    expect(await segments.getByTestId('segment-verdict').innerText()).toMatch(/significant|chance/);
    await segments.getByTestId('segment-b').selectOption('email');
    await segments.getByTestId('segment-a').selectOption('link');
    await expect.poll(() => segments.getByTestId('segment-delta').innerText()).toMatch(/^[−-]100(\.0)?/);

    // A custom dashboard with two tiles.
    await page.getByTestId('dashboard-more').click();
    await page.getByTestId('dashboard-new').click();
    await page.getByTestId('dashboard-name-input').fill('Team view');
    await page.getByTestId('dashboard-name-submit').click();
    await page.getByTestId('edit-bar').waitFor();
    await page.getByTestId('add-tile-type').selectOption('value');
    await page.getByTestId('add-tile').click();
    await page.getByTestId('add-tile-type').selectOption('trend');
    await page.getByTestId('add-tile').click();
    await page.getByTestId('tile-editor').nth(1).getByTestId('tile-interval').selectOption('day');
    await page.getByTestId('edit-save').click();
    await page.getByTestId('edit-bar').waitFor({ state: 'detached' });
    const customUrl = page.url();
    expect(customUrl).toMatch(/\/dashboards\/[0-9a-f-]{36}/);
    await page.reload();
    await expect.poll(() => page.getByTestId('tile').count(), { timeout: 10_000 }).toBe(2);
    await expect.poll(() => page.locator('[data-testid="tile"][data-tile-type="value"] [data-testid="value-number"]').innerText()).toBe('+67');
    expect(await page.getByTestId('dashboard-picker').locator('option:checked').innerText()).toBe('Team view');
    await page.locator('[data-tile-type="trend"] canvas').waitFor();

    // CSV: one long table, a row per number.
    await page.getByTestId('dashboard-export').click();
    const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
    expect(csvDownload.suggestedFilename()).toMatch(/^Team-view_\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = fs.readFileSync(await csvDownload.path(), 'utf8');
    expect(csv.startsWith('\ufefftile,tile_title,tile_type,metric,period,group,group_label,value,n,ci_low,ci_high,p_value\r\n')).toBe(true);
    expect(csv).toMatch(/\r\nt\w+,NPS,value,nps,\d{4}-\d{2}-\d{2}\/\d{4}-\d{2}-\d{2},,,66\.6667,6,/);
    expect(csv).toMatch(/\r\nt\w+,NPS trend,trend,nps,\d{4}-\d{2}-\d{2},,,66\.6667,6,/);

    // PNG and PDF: the picture of the dashboard.
    await page.getByTestId('dashboard-export').click();
    const [pngDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-png').click()]);
    const png = fs.readFileSync(await pngDownload.path());
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.length).toBeGreaterThan(20_000);
    expect(png.readUInt32BE(16)).toBeGreaterThan(1000); // width in pixels (IHDR)
    fs.copyFileSync(await pngDownload.path(), screenshotPath('dashboard-export.png'));
    await page.getByTestId('dashboard-export').click();
    const [pdfDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-pdf').click()]);
    const pdf = fs.readFileSync(await pdfDownload.path());
    expect(pdf.subarray(0, 8).toString('latin1')).toBe('%PDF-1.4');
    expect(pdf.length).toBeGreaterThan(20_000);

    // The same dashboard in Traditional Chinese.
    await page.getByTestId('lang-switch').selectOption('zh-Hant');
    await expect.poll(() => page.getByTestId('side-nav').innerText()).toContain('儀表板');
    await expect.poll(() => page.locator('[data-tile-type="trend"] .tile-title').innerText()).toBe('NPS 趨勢');
    expect(await page.getByTestId('filter-summary').innerText()).toContain('所有問卷');
    expect(await page.getByTestId('dashboard-export').innerText()).toContain('匯出');
    await page.goto(`${server.url}/w/${workspaceId}/dashboards`);
    await expect.poll(() => tile(page, 'csat').innerText(), { timeout: 10_000 }).toContain('這段期間沒有 CSAT 回答');
    await page.locator('[data-tile-id="nps-trend"] canvas').waitFor();
    await page.waitForTimeout(600);
    await page.screenshot({ path: '/tmp/dashboard-zh-Hant.png', fullPage: true });
    expect(errors).toEqual([]);
    await ctx.close();
  });
});
