/**
 * Case setup in a real browser: three detractors answer; an owner writes a rule in the form (the
 * NPS ≤ 6 preset), dry-runs it on the last 30 days (3 answers matched) and saves it; builds a team's
 * week (Monday copied to the weekdays); sets an SLA target in hours and finds it again after a
 * reload; adds a resolution code; two more detractors open cases under the new rule, one is closed
 * with a root cause, and the loop metrics page counts them; then the rules in 繁體中文. An analyst
 * (cases.read, not cases.manage) sees the same pages read-only.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, screenshotPath, signedInPage, startServer, submitPublic, type RunningServer, workspaceWithLiveSurvey, pageRequest as asOwner } from './support.js';

const OWNER = { email: 'loop@lotus.example', password: 'a-long-test-password' };

let server: RunningServer;
let browser: Browser;
let workspaceId: string;
let publicId: string;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchChromium()]);
  ({ workspaceId, publicId } = await workspaceWithLiveSurvey(server, OWNER, {
    name: 'After delivery',
    definition: { languages: ['en'], defaultLanguage: 'en', thankYou: { en: 'Thanks' }, questions: [{ id: 'nps', type: 'nps', required: true, title: { en: 'How likely are you to recommend us?' } }] },
  }));
  for (const [i, nps] of [2, 5, 6, 9].entries()) {
    expect(await submitPublic(server, publicId, { idempotencyKey: `e2e-cases-setup-${i}`, channel: 'link', answers: { nps } })).toBe(201);
  }
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('case setup in the browser', () => {
  it('writes, dry-runs and saves a rule, sets up a team, an SLA target and a code, and shows loop metrics', async () => {
    const { ctx, page, errors } = await signedInPage(browser, server, OWNER, workspaceId);
    const base = `${server.url}/w/${workspaceId}/cases`;

    // Rules: the form with the NPS preset, tried on the last 30 days, then saved.
    await page.goto(`${base}/setup/rules`);
    await page.getByTestId('case-rules-empty').waitFor();
    await page.getByTestId('new-case-rule').click();
    const form = page.getByTestId('case-rule-modal');
    await form.getByTestId('rule-name').fill('Detractors');
    expect(await form.getByTestId('rule-condition').count()).toBe(1); // a new rule starts from NPS ≤ 6
    await form.getByTestId('rule-preset-csat').click();
    expect(await form.getByTestId('rule-condition').count()).toBe(2);
    await form.getByTestId('remove-condition').nth(1).click();
    await form.getByTestId('rule-priority').selectOption('high');
    // A wrong address is named at its field before anything is sent.
    await form.getByTestId('rule-emails').fill('not-an-address');
    await form.getByTestId('rule-save').click();
    await form.getByTestId('field-error').first().waitFor();
    await form.getByTestId('rule-emails').fill('lead@lotus.example');
    await form.getByTestId('rule-dry-run').click();
    await form.getByTestId('dry-run-result').waitFor();
    expect(await form.getByTestId('dry-run-scanned').innerText()).toBe('4');
    expect(await form.getByTestId('dry-run-matched').innerText()).toBe('3');
    await form.getByTestId('dry-run-chart').waitFor();
    await page.screenshot({ path: screenshotPath('cases-setup-rule-form.png'), fullPage: true });
    await form.getByTestId('dry-run-result').screenshot({ path: screenshotPath('cases-setup-dry-run.png') });
    await form.getByTestId('rule-save').click();
    await form.waitFor({ state: 'detached' });
    const row = page.getByTestId('case-rule-row');
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.getByTestId('case-rule-when').innerText()).toBe('NPS is 6 or lower');
    expect(await row.innerText()).toContain('High priority');
    expect(await row.innerText()).toContain('Emails 1 person');

    // Teams: Monday 09:00–12:00 and 13:00–18:00, copied to the other weekdays.
    await page.getByTestId('case-setup-tab-teams').click();
    await page.getByTestId('new-case-team').click();
    const team = page.getByTestId('case-team-modal');
    await team.getByTestId('team-name').fill('Care');
    await team.getByTestId('team-zone').selectOption('Asia/Taipei');
    await team.getByTestId('hours-1-0-to').fill('12');
    await team.getByTestId('hours-add-1').click();
    await team.getByTestId('hours-1-1-from').fill('13:00');
    await team.getByTestId('hours-1-1-to').fill('18:00');
    await team.getByTestId('hours-copy-monday').click();
    expect(await team.getByTestId('hours-total').innerText()).toBe('40 hours a week');
    await page.screenshot({ path: screenshotPath('cases-setup-team-form.png'), fullPage: true });
    await team.getByTestId('team-assignment-least_loaded').check();
    await team.getByTestId('team-save').click();
    await team.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('case-team-hours').innerText()).toBe('Mon–Fri 09:00–12:00, 13:00–18:00');

    // SLA: urgent first response in hours, stored as minutes, shown again as hours.
    await page.getByTestId('case-setup-tab-sla').click();
    await page.getByTestId('sla-urgent-firstResponse').fill('2');
    await page.getByTestId('sla-urgent-firstResponse-unit').selectOption('hours');
    await page.getByTestId('sla-save').click();
    await page.getByTestId('toast-success').filter({ hasText: 'SLA policies saved' }).waitFor();
    await page.reload();
    await expect.poll(() => page.getByTestId('sla-urgent-firstResponse').inputValue()).toBe('2');
    expect(await page.getByTestId('sla-urgent-firstResponse-unit').inputValue()).toBe('hours');
    await page.screenshot({ path: screenshotPath('cases-setup-sla.png'), fullPage: true });

    // Agents: the owner works cases too; a skill and a language, saved from the row.
    await page.getByTestId('case-setup-tab-agents').click();
    const agent = page.getByTestId('agent-row').first();
    await agent.getByTestId('agent-lang-zh-Hant').check();
    await agent.getByTestId('agent-skill-input').fill('region:tw');
    await agent.getByTestId('agent-skill-input').press('Enter');
    await agent.getByTestId('agent-save').click();
    await page.getByTestId('toast-success').filter({ hasText: 'Saved' }).waitFor();
    expect(await agent.getByTestId('agent-skill').innerText()).toContain('region:tw');
    await page.screenshot({ path: screenshotPath('cases-setup-agents.png'), fullPage: true });

    // Settings: a resolution code; the inbound address is there to copy.
    await page.getByTestId('case-setup-tab-settings').click();
    await page.getByTestId('code-input').fill('Replacement sent');
    await page.getByTestId('code-add').click();
    await page.getByTestId('case-settings-save').click();
    await page.getByTestId('toast-success').filter({ hasText: 'Case settings saved' }).waitFor();
    expect(await page.getByTestId('inbound-url').innerText()).toContain('/api/public/cases/inbound/');
    await page.screenshot({ path: screenshotPath('cases-setup-settings.png'), fullPage: true });

    // Two detractors answer under the saved rule; their cases open; one is closed with a root cause.
    for (const [i, nps] of [1, 3].entries()) {
      expect(await submitPublic(server, publicId, { idempotencyKey: `e2e-cases-setup-after-${i}`, channel: 'link', answers: { nps } })).toBe(201);
    }
    const api = `/api/workspaces/${workspaceId}/cases`;
    await expect.poll(async () => (await asOwner<{ cases: unknown[] }>(page, 'GET', api)).json.cases.length, { timeout: 15_000 }).toBe(2);
    const [first] = (await asOwner<{ cases: { id: string }[] }>(page, 'GET', api)).json.cases;
    // The worker may still be assigning the new case: a stale version answers 409, so read and retry.
    await expect.poll(async () => {
      const { version } = (await asOwner<{ version: number }>(page, 'GET', `${api}/${first.id}`)).json;
      return (await asOwner(page, 'PATCH', `${api}/${first.id}`, { version, status: 'closed', rootCause: 'general', resolutionCode: 'Replacement sent', resurvey: false })).status;
    }, { timeout: 10_000 }).toBe(200);

    // Loop metrics: reached from the setup header; the period is in the URL.
    await page.getByTestId('setup-loop-link').click();
    await page.waitForURL(/\/cases\/loop$/);
    await page.getByTestId('loop-preset-7').click();
    await page.waitForURL(/\/cases\/loop\?from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}$/);
    await page.getByTestId('loop-metrics').waitFor();
    expect(await page.getByTestId('loop-kpi-closure').getByTestId('loop-kpi-value').innerText()).toBe('50%');
    expect(await page.getByTestId('loop-kpi-closure').innerText()).toContain('1 closed of 2 opened');
    await page.getByTestId('loop-pareto-chart').waitFor();
    expect(await page.getByTestId('loop-group-row').count()).toBeGreaterThan(0);
    await page.getByTestId('loop-by').selectOption('theme');
    await page.waitForURL(/by=theme$/);
    await expect.poll(() => page.getByTestId('loop-groups-table').innerText()).toContain('General (no theme)');
    await page.locator('[data-testid="loop-pareto-chart"][data-rendering="0"]').waitFor();
    await page.screenshot({ path: screenshotPath('cases-loop-metrics.png'), fullPage: true });

    // 繁體中文: the rule in words.
    await page.goto(`${base}/setup/rules`);
    await page.getByTestId('lang-switch').selectOption('zh-Hant');
    await expect.poll(() => page.getByTestId('case-rule-when').innerText()).toBe('NPS 為 6 或以下');
    expect(await page.getByTestId('case-setup-tab-teams').innerText()).toBe('團隊');
    await page.screenshot({ path: screenshotPath('cases-setup-rules-zh-Hant.png'), fullPage: true });

    expect(errors).toEqual([]);
    await ctx.close();
  });
  it('shows an analyst the setup read-only', async () => {
    const owner = await signedInPage(browser, server, OWNER, workspaceId);
    const log = path.join(server.dataDir, 'outbox.eml.log');
    const before = fs.existsSync(log) ? fs.readFileSync(log, 'utf8').length : 0;
    const analyst = { email: 'analyst@lotus.example', password: 'another-long-password' };
    expect((await asOwner(owner.page, 'POST', `/api/workspaces/${workspaceId}/invitations`, { email: analyst.email, role: 'analyst' })).status).toBe(201);
    await owner.ctx.close();
    const token = /\/invite\/(inv_[A-Za-z0-9_-]+)/.exec(fs.readFileSync(log, 'utf8').slice(before))![1];
    const accepted = await fetch(`${server.url}/api/auth/accept-invitation`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token, name: 'Ana', password: analyst.password }) });
    expect(accepted.status).toBe(200);

    const { ctx, page, errors } = await signedInPage(browser, server, analyst, workspaceId);
    await page.goto(`${server.url}/w/${workspaceId}/cases/setup/rules`);
    await page.getByTestId('setup-read-only').waitFor();
    await page.getByTestId('case-rule-row').waitFor();
    expect(await page.getByTestId('new-case-rule').count()).toBe(0);
    expect(await page.getByTestId('case-rule-toggle').isDisabled()).toBe(true);
    await page.getByTestId('edit-case-rule').click(); // "View"
    const form = page.getByTestId('case-rule-modal');
    expect(await form.getByTestId('rule-name').isDisabled()).toBe(true);
    expect(await form.getByTestId('rule-save').count()).toBe(0);
    expect(await form.getByTestId('rule-dry-run').count()).toBe(0);
    await page.keyboard.press('Escape');
    await page.getByTestId('case-setup-tab-sla').click();
    expect(await page.getByTestId('sla-urgent-firstResponse').isDisabled()).toBe(true);
    expect(await page.getByTestId('sla-save').count()).toBe(0);
    expect(errors).toEqual([]);
    await ctx.close();
  });
});
