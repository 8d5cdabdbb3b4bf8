/**
 * The text explorer in a real browser: open-text answers in English and Chinese submitted through
 * the public API, analysed in the background, shown with inline highlights; a sentiment filter in
 * the URL; an answer that looks like HTML shown as text; the page in 繁體中文.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Browser } from 'playwright-core';
import { launchChromium, startServer, type RunningServer, workspaceWithLiveSurvey, submitPublic, signIn } from './support.js';

const OWNER = { email: 'texts@lotus.example', password: 'a-long-test-password' };
const XSS = '<img src=x onerror=alert(1)> the checkout page broke';

let server: RunningServer;
let browser: Browser;
let workspaceId: string;
let publicId: string;
let submitted = 0;

async function respond(nps: number, why: string): Promise<void> {
  expect(await submitPublic(server, publicId, { idempotencyKey: `e2e-text-${++submitted}-${Date.now()}`, channel: 'link', answers: { nps, why } })).toBe(201);
}

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchChromium()]);
  ({ workspaceId, publicId } = await workspaceWithLiveSurvey(server, OWNER, {
    name: 'Store visit',
    definition: {
      languages: ['en'], defaultLanguage: 'en', thankYou: { en: 'Thanks' },
      questions: [
        { id: 'nps', type: 'nps', required: true, title: { en: 'How likely are you to recommend us?' } },
        { id: 'why', type: 'open_text', title: { en: 'Why?' } },
      ],
    },
  }));
  await respond(10, 'The staff were friendly and the delivery was fast. Great service!');
  await respond(2, 'Terrible customer service, the delivery was late and the driver was rude.');
  await respond(9, '店員很親切，服務非常好，下次還會再來');
  await respond(3, '物流太慢了，客服态度很差，非常失望');
  await respond(1, XSS);
}, 90_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('texts in the browser', () => {
  it('lists analysed answers with highlights, filters by sentiment, shows HTML as text, and speaks 繁體中文', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'en-US' });
    const page = await ctx.newPage();
    const errors: string[] = [];
    const dialogs: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });

    await signIn(page, server, OWNER, workspaceId);
    await page.getByTestId('nav-texts').click();
    await page.waitForURL(/\/texts$/);

    // Analysis runs in the background: the page polls the status and refreshes the list.
    const items = page.getByTestId('text-item');
    await expect.poll(() => items.count(), { timeout: 15_000, interval: 250 }).toBe(5);
    await expect.poll(() => page.getByTestId('text-backlog').innerText()).toBe('Analysis up to date');

    // The HTML-looking answer is text: no <img> element, and the characters are on the page.
    expect(await page.getByTestId('text-list').locator('img').count()).toBe(0);
    expect(await page.getByTestId('text-body').filter({ hasText: '<img src=x onerror=alert(1)>' }).count()).toBe(1);

    // Highlights: aspect/key-phrase marks inside the texts.
    expect(await page.getByTestId('text-mark').count()).toBeGreaterThan(0);

    // Sentiment filter: the URL changes, and only negative texts remain.
    await page.getByTestId('text-sentiment').first().waitFor();
    await page.locator('#text-sentiment').selectOption('negative');
    await expect.poll(() => page.url()).toMatch(/[?&]sentiment=negative(&|$)/);
    await expect.poll(async () => {
      const labels = await items.evaluateAll((els) => els.map((e) => e.getAttribute('data-sentiment')));
      return labels.length > 0 && labels.every((l) => l === 'negative');
    }, { timeout: 10_000 }).toBe(true);
    const negatives = await items.count();
    expect(negatives).toBeGreaterThanOrEqual(2);
    expect(negatives).toBeLessThan(5);
    expect(await page.getByTestId('text-list').innerText()).toContain('Terrible customer service');
    await page.reload();
    await expect.poll(() => items.count(), { timeout: 10_000 }).toBe(negatives);
    expect(await page.locator('#text-sentiment').inputValue()).toBe('negative');

    // 繁體中文.
    await page.getByTestId('lang-switch').selectOption('zh-Hant');
    await expect.poll(() => page.getByTestId('side-nav').innerText()).toContain('文字分析');
    expect(await page.locator('h1').first().innerText()).toBe('文字分析');
    expect(await page.getByTestId('text-filters').innerText()).toContain('情緒');
    expect(await page.getByTestId('text-sentiment').first().innerText()).toContain('負面');
    expect(await page.getByTestId('text-tab-themes').innerText()).toBe('主題');
    await page.screenshot({ path: '/tmp/texts.png', fullPage: true });

    // Theme manager: validation by field, then a new theme that re-tags past answers.
    await page.getByTestId('text-tab-themes').click();
    await expect.poll(() => page.url()).toMatch(/[?&]tab=themes(&|$)/);
    await page.getByTestId('new-theme').click();
    await page.getByTestId('theme-save').click();
    expect(await page.getByTestId('theme-modal').getByTestId('field-error').count()).toBe(2);
    await page.getByTestId('theme-name').fill('結帳');
    await page.getByTestId('theme-id').fill('checkout');
    await page.getByTestId('theme-keywords').fill('checkout, 結帳');
    await page.getByTestId('theme-save').click();
    await page.locator('[data-testid="theme-row"][data-theme-id="checkout"]').waitFor();
    await page.getByTestId('text-tab-explorer').click();
    await page.getByTestId('text-reset').click();
    await page.locator('#text-theme').selectOption('checkout');
    await expect.poll(() => page.getByTestId('text-body').allInnerTexts(), { timeout: 10_000 }).toEqual([XSS]);
    await page.getByTestId('text-tab-themes').click();
    await page.getByTestId('theme-table').waitFor();
    await page.screenshot({ path: '/tmp/texts-themes.png', fullPage: true });

    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    await ctx.close();
  });

  it('re-analyses texts of an older model when asked, with progress', async () => {
    // Two texts as if an earlier model had made them (only the version changes; their numbers stay).
    const db = new Database(path.join(server.dataDir, 'touchpoint.db'));
    try {
      const ids = db.prepare('SELECT id FROM text_analyses WHERE workspace_id = ? ORDER BY id LIMIT 2').all(workspaceId) as { id: string }[];
      expect(ids).toHaveLength(2);
      db.prepare(`UPDATE text_analyses SET model_version = 'tp-older-model' WHERE id IN (?, ?)`).run(ids[0].id, ids[1].id);
    } finally { db.close(); }

    const ctx = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'en-US' });
    const page = await ctx.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await signIn(page, server, OWNER, workspaceId);
    await page.goto(`${server.url}/w/${workspaceId}/texts`);
    await expect.poll(() => page.getByTestId('reanalysis').innerText(), { timeout: 10_000 }).toContain('2 analysed by an older model');
    await page.screenshot({ path: '/tmp/texts-reanalysis.png' });
    await page.getByTestId('reanalyse').click();
    // The run is short: the count goes away once every text is current (progress shows meanwhile).
    await expect.poll(() => page.getByTestId('reanalysis').count(), { timeout: 15_000, interval: 250 }).toBe(0);
    await expect.poll(() => page.getByTestId('reanalysis-progress').count(), { timeout: 15_000 }).toBe(0);
    expect(await page.getByTestId('text-item').count()).toBe(5);
    expect(errors).toEqual([]);
    await ctx.close();
  });

  it('shows the sentiment of the analysed answers on dashboard tiles, and its weight in the CX index settings', async () => {
    // Tall enough for the three tiles in one (non-full-page) screenshot: full-page shots repeat the sticky header.
    const ctx = await browser.newContext({ viewport: { width: 1366, height: 1350 }, locale: 'en-US' });
    const page = await ctx.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await signIn(page, server, OWNER, workspaceId);
    await page.getByTestId('nav-dashboards').click();
    await page.getByTestId('dashboard-more').click();
    await page.getByTestId('dashboard-new').click();
    await page.getByTestId('dashboard-name-input').fill('Voice of the customer');
    await page.getByTestId('dashboard-name-submit').click();
    await page.getByTestId('edit-bar').waitFor();
    for (const type of ['value', 'trend', 'breakdown']) {
      await page.getByTestId('add-tile-type').selectOption(type);
      await page.getByTestId('add-tile').click();
      await page.getByTestId('tile-editor').last().getByTestId('tile-metric').selectOption('sentiment');
    }
    await page.getByTestId('tile-editor').nth(1).getByTestId('tile-interval').selectOption('day');
    await page.getByTestId('tile-editor').nth(2).getByTestId('tile-by').selectOption('language');
    await page.getByTestId('edit-save').click();
    await page.getByTestId('edit-bar').waitFor({ state: 'detached' });

    // The five answers are analysed (the tests above waited for it): a signed mean on −1…1, n = texts.
    const value = page.locator('[data-testid="tile"][data-tile-type="value"]');
    await expect.poll(() => value.getByTestId('value-number').innerText(), { timeout: 10_000 }).toMatch(/^[+−-]?\d\.\d\d$/);
    expect(await value.getByTestId('value-n').innerText()).toBe('n = 5');
    expect(await value.getByTestId('value-sentiment-shares').innerText()).toMatch(/\d+% positive · \d+% negative/);
    expect(await value.innerText()).toContain('Sentiment');
    await page.locator('[data-testid="tile"][data-tile-type="trend"] canvas').first().waitFor();
    await page.locator('[data-testid="tile"][data-tile-type="breakdown"] canvas').first().waitFor();
    await page.screenshot({ path: '/tmp/sentiment-dashboard.png' });

    // Settings → Metrics: sentiment has its own CX index weight (0 until someone sets one).
    await page.goto(`${server.url}/w/${workspaceId}/settings/metrics`);
    await page.getByTestId('cx-weight-sentiment').waitFor();
    expect(await page.getByTestId('cx-weight-sentiment').inputValue()).toBe('0');
    await page.getByTestId('cx-weight-sentiment').fill('2');
    await page.getByTestId('cx-weights-save').click();
    await expect.poll(() => page.getByTestId('cx-history').innerText(), { timeout: 5_000 }).toContain('Sentiment 2');
    await page.screenshot({ path: '/tmp/sentiment-weights.png' });
    expect(errors).toEqual([]);
    await ctx.close();
  });
});
