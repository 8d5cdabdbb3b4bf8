/**
 * The text explorer in a real browser: open-text answers in English and Chinese submitted through
 * the public API, analysed in the background, shown with inline highlights; a sentiment filter in
 * the URL; an answer that looks like HTML shown as text; the page in 繁體中文.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, startServer, type RunningServer, workspaceWithLiveSurvey, submitPublic } from './support.js';

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

    await page.goto(`${server.url}/login`);
    await page.getByTestId('login-email').fill(OWNER.email);
    await page.getByTestId('login-password').fill(OWNER.password);
    await page.getByTestId('login-submit').click();
    await page.waitForURL(new RegExp(`/w/${workspaceId}`));
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
});
