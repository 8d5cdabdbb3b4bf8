/**
 * Metric alerts in a real browser: a person creates a threshold rule in the form ("NPS below 0,
 * today so far", judged from one answer), the rule list shows it, a detractor answers through the
 * public endpoint, and the fired alert reaches the open feed live (no reload, the same page) with
 * a toast; then the page in 繁體中文.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, startServer, type RunningServer, workspaceWithLiveSurvey, submitPublic, signIn } from './support.js';

const OWNER = { email: 'alerts@lotus.example', password: 'a-long-test-password' };

let server: RunningServer;
let browser: Browser;
let workspaceId: string;
let publicId: string;

/** A respondent answering through the public endpoint, as the survey page and widget do. */
async function respond(nps: number): Promise<void> {
  expect(await submitPublic(server, publicId, { idempotencyKey: `e2e-alert-${Date.now()}-${nps}`, channel: 'link', answers: { nps } })).toBe(201);
}

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchChromium()]);
  ({ workspaceId, publicId } = await workspaceWithLiveSurvey(server, OWNER, {
    name: 'Delivery check-in',
    definition: { languages: ['en'], defaultLanguage: 'en', thankYou: { en: 'Thanks' }, questions: [{ id: 'nps', type: 'nps', required: true, title: { en: 'How likely are you to recommend us?' } }] },
  }));
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('alerts in the browser', () => {
  it('creates a rule in the form, shows it, and receives its alert live, in 繁體中文 too', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'en-US' });
    const page = await ctx.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));

    await signIn(page, server, OWNER, workspaceId);
    await page.getByTestId('nav-alerts').click();
    await page.waitForURL(/\/alerts$/);
    await page.getByTestId('alerts-empty').waitFor();

    // The rule, through the form: NPS below 0, today so far, judged from a single answer.
    await page.getByTestId('new-alert-rule').click();
    const form = page.getByTestId('rule-modal');
    await form.getByTestId('rule-name').fill('Detractor alarm');
    await form.getByTestId('rule-metric').selectOption('nps');
    await form.getByTestId('rule-kind').selectOption('threshold');
    await form.getByTestId('rule-operator').selectOption('below');
    await form.getByTestId('rule-value').fill('0');
    await form.getByTestId('rule-windowDays').fill('1');
    await form.getByTestId('rule-minResponses').fill('1');
    await form.getByTestId('save-rule').click();
    await form.waitFor({ state: 'detached' });
    const row = page.getByTestId('rule-row');
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.innerText()).toContain('Detractor alarm');
    expect(await row.innerText()).toContain('NPS below 0, today so far');
    expect(await row.innerText()).toContain('Never');

    // The feed, open and live; a detractor answers; the alert appears without a reload.
    await page.getByTestId('alerts-tab-fired').click();
    await expect.poll(() => page.getByTestId('alerts-live').getAttribute('class')).toContain('live-on');
    await page.evaluate(() => { (window as unknown as { marker: string }).marker = 'same page'; });
    await respond(2);
    const answered = Date.now();
    await page.getByTestId('alert-row').waitFor({ timeout: 8_000 });
    expect(Date.now() - answered).toBeLessThan(8_000);
    const alert = page.getByTestId('alert-row');
    expect(await alert.count()).toBe(1);
    expect(await alert.innerText()).toContain('Detractor alarm');
    expect(await alert.getByTestId('alert-value').innerText()).toMatch(/^[−-]100 \(n = 1\)$/);
    expect(await alert.innerText()).toContain('threshold: below 0');
    await page.getByTestId('toast-info').filter({ hasText: 'New alert: Detractor alarm' }).waitFor();
    expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe('same page');

    // 繁體中文: the page, the feed and the rule list.
    await page.getByTestId('lang-switch').selectOption('zh-Hant');
    await expect.poll(() => page.getByTestId('side-nav').innerText()).toContain('警示');
    expect(await page.locator('h1').innerText()).toBe('警示');
    expect(await page.getByTestId('alerts-tab-fired').innerText()).toBe('已觸發的警示');
    expect(await page.getByTestId('alert-table').innerText()).toContain('觸發時間');
    expect(await page.getByTestId('alert-table').innerText()).toContain('門檻：低於 0');
    expect(await page.getByTestId('alerts-live').innerText()).toContain('即時');
    expect(await page.getByTestId('new-alert-rule').innerText()).toContain('新增規則');
    await page.getByTestId('alerts-tab-rules').click();
    await expect.poll(() => page.getByTestId('rule-row').innerText()).toContain('NPS 低於 0（今日至今）');
    expect(await page.getByTestId('rule-table').innerText()).toContain('觸發條件');
    expect(errors).toEqual([]);
    await ctx.close();
  });
});
