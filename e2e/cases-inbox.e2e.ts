/**
 * The agents' case inbox and case page in a real browser: a case rule (made over the API by the
 * signed-in owner) opens a case from a detractor's answer; the case appears in the open inbox live,
 * is taken with the keyboard (j, a, Enter), answered by email from the composer (a template first
 * arrives filled in for the customer) with the reply check showing, noted, and resolved through the
 * close dialog (which insists on a resolution code); the inbox filters live in the URL and can be
 * saved as a view; Escape returns to the same inbox view; then 繁體中文.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { cli, launchChromium, screenshotPath, signIn, startServer, workspaceWithLiveSurvey, type RunningServer, pageRequest as asOwner } from './support.js';

const OWNER = { email: 'cases@lotus.example', password: 'a-long-test-password' };

let server: RunningServer;
let browser: Browser;
let workspaceId: string;
let surveyId: string;
let responsesKey: string;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchChromium()]);
  ({ workspaceId, surveyId } = await workspaceWithLiveSurvey(server, OWNER, {
    name: 'Delivery check-in',
    definition: {
      languages: ['en'], defaultLanguage: 'en', thankYou: { en: 'Thanks' },
      questions: [
        { id: 'nps', type: 'nps', required: true, title: { en: 'How likely are you to recommend us?' } },
        { id: 'why', type: 'open_text', required: false, title: { en: 'Why?' } },
      ],
    },
  }));
  responsesKey = (await cli(server.dataDir, ['api-key', 'create', '--workspace', workspaceId, '--name', 'e2e-responses', '--scopes', 'responses:write'])).trim();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** A detractor with an email address, through the batch API (the public submit carries no email). */
async function detractor(email: string, text: string): Promise<void> {
  const res = await fetch(`${server.url}/api/workspaces/${workspaceId}/surveys/${surveyId}/responses/batch`, {
    method: 'POST', headers: { authorization: `Bearer ${responsesKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ responses: [{ idempotencyKey: `e2e-case-${email.replace(/[^A-Za-z0-9]/g, '-')}`, channel: 'email', language: 'en', answers: { nps: 2, why: text }, respondent: { email, name: 'Amy Chen' } }] }),
  });
  expect(res.status, await res.text()).toBeLessThan(300);
}

describe('cases in the browser', () => {
  it('opens a case live, works it with the keyboard, replies, notes and resolves it, in 繁體中文 too', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'en-US' });
    const page = await ctx.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await signIn(page, server, OWNER, workspaceId);

    const rule = await asOwner<{ id: string }>(page, 'POST', `/api/workspaces/${workspaceId}/cases/rules`, {
      name: 'Detractors', trigger: { match: 'all', conditions: [{ kind: 'score', metric: 'nps', op: 'lte', value: 6 }] }, actions: { priority: 'high', assign: 'none' },
    });
    expect(rule.status).toBe(201);

    // The inbox, empty and live.
    await page.getByTestId('nav-cases').click();
    await page.waitForURL(/\/cases$/);
    await page.getByTestId('case-list-empty').waitFor();
    await expect.poll(() => page.getByTestId('case-live').getAttribute('class')).toContain('live-on');
    await page.evaluate(() => { (window as unknown as { marker: string }).marker = 'same page'; });

    // An unhappy answer arrives: the case appears without a reload, unassigned, high priority.
    await detractor('amy@example.com', 'The parcel came a week late and nobody answered my emails.');
    const row = page.getByTestId('case-row');
    await row.first().waitFor({ timeout: 30_000 });
    expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe('same page');
    expect(await row.count()).toBe(1);
    expect(await row.innerText()).toContain('Amy Chen');
    expect(await row.getByTestId('case-priority').innerText()).toBe('High');
    expect(await row.getByTestId('case-owner').innerText()).toContain('Unassigned');
    expect(await page.getByTestId('case-tab-active').innerText()).toContain('1');

    // Filters go to the URL; a saved view brings them back.
    await page.getByTestId('case-filter-priority').locator('[data-value="high"]').click();
    await page.waitForURL(/priority=high/);
    expect(await row.count()).toBe(1);
    await page.getByTestId('case-view-save').click();
    await page.getByTestId('case-view-name').fill('High ones');
    await page.getByTestId('case-view-shared').check();
    await page.getByTestId('case-view-submit').click();
    await page.getByTestId('case-view').filter({ hasText: 'High ones' }).waitFor();
    await page.getByTestId('case-view-allOpen').click();
    await page.waitForURL((u) => !u.search.includes('priority'));
    await page.getByTestId('case-view').filter({ hasText: 'High ones' }).click();
    await page.waitForURL(/priority=high/);

    // Keyboard: j selects, a takes it, Enter opens it.
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('j');
    await expect.poll(() => row.first().getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('a');
    await expect.poll(() => row.getByTestId('case-owner').innerText()).not.toContain('Unassigned');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/cases\/[^/?]+$/);
    await page.getByTestId('case-timeline').waitFor();
    expect(await page.getByTestId('case-event').first().innerText()).toContain('Opened by the rule “Detractors”');
    expect(await page.getByTestId('case-customer-name').innerText()).toBe('Amy Chen');
    expect(await page.getByTestId('case-response').innerText()).toContain('a week late');

    // r: reply. The check appears while typing; sending never waits on it.
    await page.keyboard.press('r');
    // A template arrives filled in the customer's language, with nothing left for the customer to see as {{…}}.
    await page.getByTestId('composer-template').selectOption({ index: 1 });
    const drafted = await page.getByTestId('composer-text').inputValue();
    expect(drafted).toContain('Amy Chen');
    expect(drafted).not.toContain('{{');
    await page.getByTestId('composer-text').fill('');
    await page.getByTestId('composer-subject').fill('');
    await page.getByTestId('composer-text').pressSequentially('We are sorry. Your refund of $20 will reach you by Friday, and I will email you when it is sent.');
    await page.getByTestId('reply-quality').waitFor();
    await page.getByTestId('case-composer').screenshot({ path: screenshotPath('case-composer.png') });
    await page.getByTestId('composer-send').click();
    await page.getByTestId('case-event').filter({ hasText: 'Email sent to amy@example.com' }).waitFor();
    expect(await page.getByTestId('composer-text').inputValue()).toBe('');
    expect(await page.getByTestId('case-status-select').inputValue()).toBe('waiting');
    expect(await page.getByTestId('case-sla-paused').count()).toBe(1);

    // n: an internal note.
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('n');
    await page.getByTestId('composer-text').fill('Refund approved by finance.');
    await page.getByTestId('composer-send').click();
    await page.getByTestId('case-event').filter({ hasText: 'Refund approved by finance.' }).waitFor();

    // e: resolve. Without a resolution code the dialog says which field is missing.
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('e');
    const dialog = page.getByTestId('case-close-dialog');
    await dialog.waitFor();
    await dialog.getByTestId('case-close-code').selectOption('');
    await dialog.getByTestId('case-close-resurvey').uncheck();
    await dialog.getByTestId('case-close-submit').click();
    expect(await dialog.getByTestId('field-error').count()).toBe(1);
    const codes = await dialog.getByTestId('case-close-code').locator('option').allInnerTexts();
    await dialog.getByTestId('case-close-code').selectOption(codes[1]);
    await dialog.getByTestId('case-close-submit').click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await page.getByTestId('case-status-select').inputValue()).toBe('resolved');
    await page.getByTestId('case-reopen').waitFor();
    await page.getByTestId('case-event').filter({ hasText: 'Root cause:' }).waitFor();
    await page.screenshot({ path: screenshotPath('case-page.png'), fullPage: true });

    // ?: the shortcuts; Escape closes them, and Escape again goes back to the same inbox view.
    await page.keyboard.press('?');
    await page.getByTestId('case-shortcuts').waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('case-shortcuts').waitFor({ state: 'hidden' });
    await page.keyboard.press('Escape');
    await page.waitForURL(/\/cases\?priority=high$/);

    // 繁體中文: the inbox speaks it.
    await page.getByTestId('case-tab-all').click();
    await page.evaluate(() => localStorage.setItem('touchpoint.language', 'zh-Hant'));
    await page.reload();
    expect(await page.getByTestId('page-title').innerText()).toBe('案件');
    expect(await page.getByTestId('case-row').getByTestId('case-status').innerText()).toBe('已解決');
    await page.screenshot({ path: screenshotPath('cases-inbox-zh-Hant.png'), fullPage: true });

    expect(errors).toEqual([]);
    await ctx.close();
  });
});
