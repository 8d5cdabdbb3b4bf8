/**
 * The first journey of a CX team, in a real browser: sign in, build a survey, publish it,
 * answer it through the public link in a second browser context, watch the answer arrive live
 * on the results page (no reload), and read the UI in 繁體中文.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { cli, launchChromium, screenshotPath, startServer, type RunningServer, signIn } from './support.js';

const OWNER = { email: 'lead@lotus.example', password: 'a-long-test-password' };
const XSS = '<img src=x onerror=alert(1)>';

let server: RunningServer;
let browser: Browser;
let workspaceId: string;

beforeAll(async () => {
  server = await startServer();
  workspaceId = JSON.parse(await cli(server.dataDir, ['workspace', 'create', '--name', 'Lotus Mart', '--owner-email', OWNER.email, '--password', OWNER.password])).workspaceId;
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('collecting feedback in the browser', () => {
  it('builds a survey, answers it publicly and sees the answer live, as text, in 繁體中文 too', async () => {
    const admin = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await admin.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });

    // Sign in.
    await signIn(page, server, OWNER, workspaceId);

    // Build: the default NPS question plus a follow-up for detractors.
    await page.goto(`${server.url}/w/${workspaceId}/surveys/new`);
    await page.getByTestId('survey-name-input').fill('Delivery check-in');
    await page.getByTestId('add-question-type').selectOption('open_text');
    await page.getByTestId('add-question').click();
    const followUp = page.getByTestId('question-card').nth(1);
    await followUp.getByTestId('question-title-en').fill('What went wrong?');
    await followUp.getByTestId('showif-toggle').check();
    await followUp.getByTestId('preset-detractors').click();
    await expect.poll(() => page.getByTestId('survey-preview').innerText()).toContain('Delivery check-in');
    await page.getByTestId('save-survey').click();
    await page.waitForURL(/\/surveys\/[^/]+\/edit$/);
    await page.getByTestId('publish-survey').click();
    await page.getByTestId('close-survey').waitFor();
    const surveyId = /surveys\/([^/]+)\/edit/.exec(page.url())![1];

    // Share: the public link.
    await page.goto(`${server.url}/w/${workspaceId}/surveys/${surveyId}/share`);
    const link = await page.getByTestId('public-link').inputValue();
    expect(link).toMatch(/\/s\/[A-Za-z0-9_-]+$/);
    await page.getByTestId('qr-code').waitFor();

    // Results page open and live before the answer exists.
    await page.goto(`${server.url}/w/${workspaceId}/surveys/${surveyId}/results`);
    await page.getByTestId('live-indicator').waitFor();

    // A respondent on a phone, in a separate browser context (no cookies, no login).
    const respondent = await browser.newContext({ viewport: { width: 390, height: 800 }, isMobile: true, locale: 'en-US' });
    const phone = await respondent.newPage();
    phone.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
    await phone.goto(link);
    await phone.locator('.tp-score', { hasText: /^3$/ }).click();
    await phone.locator('.tp-primary').click();
    await phone.locator('.tp-text').fill(`${XSS} the parcel came late 送貨太慢`);
    await phone.locator('.tp-primary').click();
    await phone.locator('.tp-end').waitFor();
    await respondent.close();

    // The answer arrives without a reload, and the markup shows as text.
    await expect.poll(() => page.getByTestId('kpi-total-value').innerText(), { timeout: 10_000 }).toBe('1');
    const item = page.getByTestId('response-item').first();
    await expect.poll(() => item.innerText(), { timeout: 10_000 }).toContain(XSS);
    expect(await page.locator('[data-testid="response-list"] img').count()).toBe(0);
    expect(await page.getByTestId('kpi-nps').innerText()).toContain('-100');
    expect(dialogs).toEqual([]);

    // The same page in Traditional Chinese.
    await page.getByTestId('lang-switch').selectOption('zh-Hant');
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('zh-Hant');
    await expect.poll(() => page.getByTestId('side-nav').innerText()).toMatch(/問卷|設定/);
    await page.screenshot({ path: screenshotPath('results-zh-Hant.png'), fullPage: true });
    await admin.close();
  });

  it('shows the respondent page in the language of the link or the browser', async () => {
    const { publicId } = await publishSampleByApi();
    const ctx = await browser.newContext({ locale: 'zh-TW' });
    const page = await ctx.newPage();
    await page.goto(`${server.url}/s/${publicId}`);
    await expect.poll(() => page.locator('.tp-qtitle').innerText()).toContain('推薦');
    await page.goto(`${server.url}/s/${publicId}?lang=zh-Hans`);
    await expect.poll(() => page.locator('.tp-qtitle').innerText()).toContain('推荐');
    await page.goto(`${server.url}/s/${publicId}?lang=en`);
    await expect.poll(() => page.locator('.tp-qtitle').innerText()).toContain('recommend');
    await ctx.close();
  });
});

/** A trilingual survey created over the API with an API key made by the CLI. */
async function publishSampleByApi(): Promise<{ publicId: string }> {
  const key = (await cli(server.dataDir, ['api-key', 'create', '--workspace', workspaceId, '--name', 'e2e', '--scopes', 'surveys:write'])).trim();
  const headers = { authorization: `Bearer ${key}`, 'content-type': 'application/json' };
  const created = await fetch(`${server.url}/api/workspaces/${workspaceId}/surveys`, {
    method: 'POST', headers,
    body: JSON.stringify({
      name: 'Trilingual',
      definition: {
        languages: ['en', 'zh-Hant', 'zh-Hans'], defaultLanguage: 'en', thankYou: { en: 'Thanks', 'zh-Hant': '謝謝', 'zh-Hans': '谢谢' },
        questions: [{ id: 'nps', type: 'nps', required: true, title: { en: 'How likely are you to recommend us?', 'zh-Hant': '您會向朋友推薦我們嗎？', 'zh-Hans': '您会向朋友推荐我们吗？' } }],
      },
    }),
  }).then((r) => r.json());
  await fetch(`${server.url}/api/workspaces/${workspaceId}/surveys/${created.id}/status`, { method: 'POST', headers, body: JSON.stringify({ status: 'live' }) });
  return { publicId: created.publicId };
}
