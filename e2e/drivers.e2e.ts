/**
 * Driver analysis on a dashboard in a real browser: answers with comments submitted through the
 * public API and analysed in the background; a drivers tile added from the tile editor shows the
 * themes as diverging bars (delivery complaints pulling NPS down in red, praised staff pulling it
 * up in green), honours a dashboard filter, follows new answers live, exports to CSV, and speaks 简体中文.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, screenshotPath, startServer, submitPublic, workspaceWithLiveSurvey, type RunningServer, signIn, newDashboard } from './support.js';

const OWNER = { email: 'drivers@lotus.example', password: 'a-long-test-password' };

let server: RunningServer;
let browser: Browser;
let workspaceId: string;
let publicId: string;
let submitted = 0;

async function respond(nps: number, channel: string, why: string): Promise<void> {
  expect(await submitPublic(server, publicId, { idempotencyKey: `e2e-drivers-${++submitted}-${Date.now()}`, channel, answers: { nps, why } })).toBe(201);
}

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchChromium()]);
  ({ workspaceId, publicId } = await workspaceWithLiveSurvey(server, OWNER, {
    name: 'Order follow-up',
    definition: {
      languages: ['en'], defaultLanguage: 'en', thankYou: { en: 'Thanks' },
      questions: [
        { id: 'nps', type: 'nps', required: true, title: { en: 'How likely are you to recommend us?' } },
        { id: 'why', type: 'open_text', title: { en: 'Why?' } },
      ],
    },
  }));
  // Detractors complain about delivery; promoters praise the staff; a few are in between.
  for (let i = 0; i < 10; i++) await respond(i % 3, 'email', i % 2 ? 'The delivery was late again and the parcel was damaged.' : '物流太慢了，快递三天才到。');
  for (let i = 0; i < 12; i++) await respond(9 + (i % 2), 'link', i % 2 ? 'The staff were friendly and helpful.' : '店員很親切，服務態度很好。');
  for (let i = 0; i < 4; i++) await respond(7 + (i % 2), 'link', 'Fair price for what you get.');
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/**
 * Waits until the background analysis has every answer (GET …/text/status, with the page's session).
 * It runs on a nice-19 thread: on a busy machine that can take minutes, hence the long wait.
 */
async function analysed(page: Page): Promise<void> {
  let status: { analyzed: number; backlog: number } | null = null;
  for (const until = Date.now() + 300_000; Date.now() < until;) {
    status = await page.evaluate(async (wid) => (await fetch(`/api/workspaces/${wid}/text/status`)).json(), workspaceId);
    if (status!.analyzed === submitted && status!.backlog === 0) return;
    await page.waitForTimeout(250);
  }
  throw new Error(`analysis did not settle: ${JSON.stringify(status)}`);
}

/** Red and green pixels the chart drew (ECharts paints on a canvas). */
async function barPixels(page: Page): Promise<{ red: number; green: number }> {
  return page.locator('[data-tile-type="drivers"] canvas').first().evaluate((c: HTMLCanvasElement) => {
    const { data } = c.getContext('2d')!.getImageData(0, 0, c.width, c.height);
    let red = 0, green = 0;
    for (let i = 0; i < data.length; i += 4) {
      const [r, g, b] = [data[i], data[i + 1], data[i + 2]];
      if (r > 200 && g < 110 && b < 110) red++;
      if (g > 140 && r < 90 && b < 140) green++;
    }
    return { red, green };
  });
}

describe('drivers on a dashboard', () => {
  it('adds a drivers tile and sees themes pull NPS down and up', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1366, height: 900 }, acceptDownloads: true, locale: 'en-US' });
    const page = await ctx.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));

    await signIn(page, server, OWNER, workspaceId);
    // The analysis runs in the background after the answers are stored.
    await analysed(page);

    // A new dashboard with a drivers tile, added from the tile editor.
    await newDashboard(page, 'Why NPS moves');
    await page.getByTestId('add-tile-type').selectOption('drivers');
    await page.getByTestId('add-tile').click();
    const editor = page.getByTestId('tile-editor').first();
    expect(await editor.getByTestId('tile-metric').locator('option').allInnerTexts()).toEqual(['NPS', 'CSAT', 'CES']);
    await editor.getByTestId('tile-size').selectOption('l');
    await page.getByTestId('edit-save').click();
    await page.getByTestId('edit-bar').waitFor({ state: 'detached' });

    const tileEl = page.locator('[data-testid="tile"][data-tile-type="drivers"]');
    expect(await tileEl.locator('.tile-title').innerText()).toBe('What moves NPS');
    const items = tileEl.getByTestId('drivers-list').locator('li');
    await expect.poll(() => items.count(), { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
    // Delivery comes first (all its mentions are detractors: the largest impact) and pulls NPS down, significantly.
    const first = items.first();
    expect(await first.getAttribute('data-theme-id')).toBe('delivery');
    expect(Number(await first.getAttribute('data-lift'))).toBeLessThan(0);
    expect(await first.getAttribute('data-significant')).toBe('true');
    const staff = tileEl.locator('[data-testid="drivers-list"] li[data-theme-id="staff"]');
    expect(Number(await staff.getAttribute('data-lift'))).toBeGreaterThan(0);
    expect(await tileEl.getByTestId('drivers-legend').innerText()).toContain('n = 26');

    // The bars themselves: red to the left, green to the right, and a tooltip with the numbers.
    await tileEl.locator('canvas').waitFor();
    await page.waitForTimeout(700); // the entry animation
    const px = await barPixels(page);
    expect(px.red).toBeGreaterThan(200);
    expect(px.green).toBeGreaterThan(200);
    const box = (await tileEl.getByTestId('drivers-chart').boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.6, box.y + 22);
    await expect.poll(() => page.locator('[data-tile-type="drivers"] .chart div').filter({ hasText: 'Mentioned in' }).first().innerText(), { timeout: 5_000 })
      .toMatch(/Delivery[\s\S]*Mentioned in 10 responses[\s\S]*Significant difference/);
    await page.screenshot({ path: screenshotPath('drivers-tile.png'), fullPage: true });

    // A dashboard filter reaches the tile: the email channel holds only the complaints (no staff praise).
    await page.getByTestId('filter-channels').click();
    await page.getByTestId('filter-channels-option').filter({ hasText: 'Email' }).locator('input').check();
    await page.keyboard.press('Escape');
    await expect.poll(() => tileEl.getByTestId('drivers-legend').innerText(), { timeout: 10_000 }).toContain('n = 10');
    const emailThemes = await items.evaluateAll((els) => els.map((e) => e.getAttribute('data-theme-id')));
    expect(emailThemes[0]).toBe('delivery');
    expect(emailThemes).not.toContain('staff');
    await page.getByTestId('filter-reset').click();
    await expect.poll(() => tileEl.getByTestId('drivers-legend').innerText(), { timeout: 10_000 }).toContain('n = 26');

    // Live: a new answer reaches the tile over the workspace stream, without a reload.
    await expect.poll(() => page.getByTestId('dashboard-live').getAttribute('class')).toContain('live-on');
    await respond(10, 'link', 'Quick and friendly.');
    await expect.poll(() => tileEl.getByTestId('drivers-legend').innerText(), { timeout: 5_000 }).toContain('n = 27');

    // CSV: three rows per theme.
    await page.getByTestId('dashboard-export').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
    const csv = fs.readFileSync(await download.path(), 'utf8');
    expect(csv).toMatch(/\r\nt\w+,What moves NPS,drivers,nps_mentions,[\d-]+\/[\d-]+,delivery,Delivery,-100,10,/);
    expect(csv).toMatch(/\r\nt\w+,What moves NPS,drivers,nps_lift,[\d-]+\/[\d-]+,delivery,Delivery,-\d/);

    // 简体中文.
    await page.getByTestId('lang-switch').selectOption('zh-Hans');
    await expect.poll(() => tileEl.locator('.tile-title').innerText()).toBe('影响 NPS 的主题');
    expect(await tileEl.getByTestId('drivers-legend').innerText()).toContain('95% 置信水平');
    await page.waitForTimeout(500);
    await page.screenshot({ path: screenshotPath('drivers-tile-zh-Hans.png'), fullPage: true });

    expect(errors).toEqual([]);
    await ctx.close();
  }, 400_000);
});
