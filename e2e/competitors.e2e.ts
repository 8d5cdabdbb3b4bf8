/**
 * Competitor research in a real browser: an owner creates a competitor, records a method and a
 * price, pastes four reviews (English and Chinese) and sees their themes and sentiment, attaches a
 * link, uploads a file and downloads it again, compares themes with our own answers, and reads the
 * page in 繁體中文. A viewer (strategy.read only) sees the same record read-only.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, pageRequest, screenshotPath, signedInPage, startServer, submitPublic, workspaceWithLiveSurvey, type RunningServer } from './support.js';

const OWNER = { email: 'rivals@lotus.example', password: 'a-long-test-password' };
const VIEWER = { email: 'viewer@lotus.example', password: 'another-long-password' };

let server: RunningServer;
let browser: Browser;
let workspaceId: string;
let competitorUrl = '';

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchChromium()]);
  let publicId: string;
  ({ workspaceId, publicId } = await workspaceWithLiveSurvey(server, OWNER, {
    name: 'After delivery',
    definition: {
      languages: ['en'], defaultLanguage: 'en', thankYou: { en: 'Thanks' },
      questions: [
        { id: 'nps', type: 'nps', required: true, title: { en: 'How likely are you to recommend us?' } },
        { id: 'why', type: 'open_text', required: false, title: { en: 'Why?' } },
      ],
    },
  }));
  const answers = ['Delivery was late and the box was crushed.', 'The delivery took a week, too slow.', 'Prices are fair and the app is easy.'];
  for (const [i, why] of answers.entries()) expect(await submitPublic(server, publicId, { idempotencyKey: `e2e-competitors-${i}`, answers: { nps: i === 2 ? 9 : 3, why } })).toBe(201);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('competitor research in the browser', () => {
  it('records a competitor, analyses pasted reviews, keeps evidence and reads in 繁體中文', async () => {
    const { ctx, page, errors } = await signedInPage(browser, server, OWNER, workspaceId);
    await page.goto(`${server.url}/w/${workspaceId}/competitors`);
    await page.getByTestId('section-competitors').waitFor();
    await page.getByTestId('empty-state').first().waitFor();

    // A new record by name opens the record.
    await page.getByTestId('new-competitor').click();
    await page.getByTestId('competitor-name-input').fill('Jade Basket 翠籃網購');
    await page.getByTestId('create-competitor').click();
    await page.waitForURL(/\/competitors\/[^/]+$/);
    competitorUrl = page.url();
    const id = competitorUrl.split('/').pop()!;

    // Template 1: a method and an observed price, saved under the version.
    await page.getByTestId('method-marketplace_listings').check();
    await page.getByTestId('method-mystery_shopping').check();
    await page.getByTestId('add-prices').click();
    await page.getByTestId('prices-0-item').fill('Jasmine rice 2 kg');
    await page.getByTestId('prices-0-amount').fill('189');
    await page.getByTestId('prices-0-source').fill('https://jadebasket.example.com/rice');
    await page.getByTestId('field-suggestions').fill('Match their free-delivery threshold.');
    await page.getByTestId('save-competitor').click();
    await expect.poll(async () => (await pageRequest(page, 'GET', `/api/workspaces/${workspaceId}/competitors/${id}`)).json.version).toBe(2);
    const saved = (await pageRequest(page, 'GET', `/api/workspaces/${workspaceId}/competitors/${id}`)).json;
    expect(saved.methods).toEqual(['marketplace_listings', 'mystery_shopping']);
    expect(saved.prices[0]).toMatchObject({ item: 'Jasmine rice 2 kg', amount: 189, currency: 'TWD' });
    await page.screenshot({ path: screenshotPath('competitors-record.png'), fullPage: true });

    // Four pasted reviews, English and Chinese: sentiment and themes per review, and per theme.
    await page.getByTestId('tab-reviews').click();
    await page.getByTestId('reviews-text').fill([
      'Delivery was super fast, arrived the next morning.',
      'Customer service never answered about my refund. Terrible.',
      '配送很快，價格也便宜。',
      '退货很麻烦，等了两个星期才退款。',
    ].join('\n'));
    await page.getByTestId('reviews-source').fill('App Store');
    await page.getByTestId('analyse-reviews').click();
    await expect.poll(() => page.getByTestId('review-item').count()).toBe(4);
    const chips = await page.getByTestId('review-theme').allInnerTexts();
    expect(chips).toContain('Delivery');
    const labels = await page.getByTestId('review-sentiment').allInnerTexts();
    expect(labels.some((l) => l.startsWith('Positive'))).toBe(true);
    expect(labels.some((l) => l.startsWith('Negative'))).toBe(true);
    await page.getByTestId('themes-chart').waitFor();
    expect(await page.getByTestId('theme-row').count()).toBeGreaterThanOrEqual(2);
    await page.getByTestId('overall-sentiment').waitFor();
    await page.screenshot({ path: screenshotPath('competitors-reviews.png'), fullPage: true });

    // Evidence: a link, and a file uploaded then downloaded byte for byte under its Chinese name.
    await page.getByTestId('tab-evidence').click();
    await page.getByTestId('link-url').fill('https://forum.example.org/jade-basket');
    await page.getByTestId('link-title').fill('Forum thread on delivery');
    await page.getByTestId('add-link').click();
    await expect.poll(() => page.getByTestId('evidence-row').count()).toBe(1);
    const content = 'Jasmine rice 2 kg NT$189\n茉莉香米 2 公斤\n';
    await page.getByTestId('file-input').setInputFiles({ name: '價格表.txt', mimeType: 'text/plain', buffer: Buffer.from(content) });
    await expect.poll(() => page.getByTestId('evidence-row').count()).toBe(2);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-file').click()]);
    expect(download.suggestedFilename()).toBe('價格表.txt');
    const file = await download.path();
    expect(fs.readFileSync(file!, 'utf8')).toBe(content);
    await page.screenshot({ path: screenshotPath('competitors-evidence.png'), fullPage: true });

    // 繁體中文: tabs, sections and theme names from the server.
    await page.getByTestId('lang-switch').selectOption('zh-Hant');
    await expect.poll(() => page.getByTestId('tab-evidence').innerText()).toBe('佐證資料');
    await page.getByTestId('tab-reviews').click();
    await expect.poll(async () => (await page.getByTestId('review-theme').allInnerTexts()).includes('物流配送')).toBe(true);
    expect(await page.getByTestId('tab-record').innerText()).toBe('紀錄');
    await page.screenshot({ path: screenshotPath('competitors-reviews-zh-Hant.png'), fullPage: true });

    // The list and the comparison with our own answers (analysed in the background).
    await page.goto(`${server.url}/w/${workspaceId}/competitors`);
    await page.getByTestId('competitor-row').waitFor();
    expect(await page.getByTestId('competitor-row').innerText()).toContain('電商平台商品頁');
    await expect.poll(async () => {
      await page.reload();
      await page.getByTestId('competitor-compare').waitFor();
      return page.getByTestId('compare-table').count();
    }, { timeout: 20_000 }).toBe(1);
    await expect.poll(() => page.getByTestId('compare-table').innerText()).toContain('物流配送');
    await page.getByTestId('compare-chart').waitFor();
    await page.screenshot({ path: screenshotPath('competitors-list-zh-Hant.png'), fullPage: true });
    expect(errors).toEqual([]);
    await ctx.close();
  });

  it('shows a viewer the record read-only', async () => {
    const owner = await signedInPage(browser, server, OWNER, workspaceId);
    const log = path.join(server.dataDir, 'outbox.eml.log');
    const before = fs.existsSync(log) ? fs.readFileSync(log, 'utf8').length : 0;
    expect((await pageRequest(owner.page, 'POST', `/api/workspaces/${workspaceId}/invitations`, { email: VIEWER.email, role: 'viewer' })).status).toBe(201);
    await owner.ctx.close();
    const token = /\/invite\/(inv_[A-Za-z0-9_-]+)/.exec(fs.readFileSync(log, 'utf8').slice(before))![1];
    const accepted = await fetch(`${server.url}/api/auth/accept-invitation`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token, name: 'Vera', password: VIEWER.password }) });
    expect(accepted.status).toBe(200);

    const { ctx, page, errors } = await signedInPage(browser, server, VIEWER, workspaceId);
    await page.goto(competitorUrl);
    await page.getByTestId('read-only').waitFor();
    expect(await page.getByTestId('save-competitor').count()).toBe(0);
    expect(await page.getByTestId('delete-competitor').count()).toBe(0);
    expect(await page.getByTestId('field-name').getAttribute('readonly')).not.toBeNull();
    expect(await page.getByTestId('method-marketplace_listings').isDisabled()).toBe(true);
    await page.getByTestId('tab-reviews').click();
    await expect.poll(() => page.getByTestId('review-item').count()).toBe(4);
    expect(await page.getByTestId('paste-reviews-form').count()).toBe(0);
    await page.getByTestId('tab-evidence').click();
    await expect.poll(() => page.getByTestId('evidence-row').count()).toBe(2);
    expect(await page.getByTestId('add-link-form').count()).toBe(0);
    await page.goto(`${server.url}/w/${workspaceId}/competitors`);
    await page.getByTestId('competitor-row').waitFor();
    expect(await page.getByTestId('new-competitor').count()).toBe(0);
    await page.screenshot({ path: screenshotPath('competitors-viewer.png'), fullPage: true });
    expect(errors).toEqual([]);
    await ctx.close();
  });
});
