/**
 * Strategy in a real browser: four customers answer NPS and CSAT through the public API; the owner
 * loads the course's gap analysis and sees NPS read live from those answers (25, 45 points behind
 * the benchmark of 70) and the support gap of 16 hours, downloads the PDF report, creates a SMART
 * goal on CSAT and sees its status, writes a target-market worksheet with a segmentation row linked
 * to a customer segment, and reads the gap analysis again in 繁體中文.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, pageRequest, screenshotPath, signedInPage, startServer, submitPublic, type RunningServer, workspaceWithLiveSurvey } from './support.js';

const OWNER = { email: 'strategy@lotus.example', password: 'a-long-test-password' };

let server: RunningServer;
let browser: Browser;
let workspaceId: string;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchChromium()]);
  let publicId: string;
  ({ workspaceId, publicId } = await workspaceWithLiveSurvey(server, OWNER, {
    name: 'After delivery',
    definition: {
      languages: ['en'], defaultLanguage: 'en', thankYou: { en: 'Thanks' },
      questions: [
        { id: 'nps', type: 'nps', required: true, title: { en: 'How likely are you to recommend us?' } },
        { id: 'csat', type: 'csat', required: false, title: { en: 'How satisfied are you?' } },
      ],
    },
  }));
  // NPS: 2 promoters, 1 passive, 1 detractor of 4 → 25. CSAT: 3 of 4 satisfied → 75 %.
  for (const [i, answers] of [{ nps: 10, csat: 5 }, { nps: 9, csat: 4 }, { nps: 8, csat: 4 }, { nps: 3, csat: 2 }].entries()) {
    expect(await submitPublic(server, publicId, { idempotencyKey: `e2e-strategy-${i}`, channel: 'link', answers })).toBe(201);
  }
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('strategy in the browser', () => {
  it('gap analysis with live NPS and a PDF, a SMART goal, a target-market worksheet, and the gap page in Chinese', async () => {
    const { ctx, page, errors } = await signedInPage(browser, server, OWNER, workspaceId, { acceptDownloads: true });
    const base = `${server.url}/w/${workspaceId}`;

    // The course's example, NPS linked live.
    await page.goto(`${base}/gap-analyses`);
    await page.getByTestId('gaps-empty').waitFor();
    await page.getByTestId('gap-load-course').click();
    await page.waitForURL(/\/gap-analyses\/[^/]+$/);
    const nps = page.getByTestId('gap-row-customer_feedback');
    await nps.waitFor();
    expect(await nps.getByTestId('gap-current').innerText()).toContain('25');
    expect(await nps.getByTestId('gap-live-badge').innerText()).toContain('n = 4');
    expect(await nps.getByTestId('gap-value').innerText()).toContain('Behind by 45 NPS');
    const csat = page.getByTestId('gap-row-performance_metrics');
    expect(await csat.getByTestId('gap-current').innerText()).toContain('75 %');
    expect(await csat.getByTestId('gap-value').innerText()).toContain('Behind by 10 %');
    expect(await page.getByTestId('gap-row-support_availability').getByTestId('gap-value').innerText()).toContain('Behind by 16 h a day');
    await page.getByTestId('gap-chart').waitFor();
    await page.screenshot({ path: screenshotPath('strategy-gap-analysis.png'), fullPage: true });

    // One click: the report as a PDF.
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId('gap-pdf').click()]);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    const file = await download.path();
    expect(fs.readFileSync(file!).subarray(0, 4).toString()).toBe('%PDF');
    await download.saveAs(screenshotPath('strategy-gap-analysis.pdf'));

    // A SMART goal on CSAT from the course's template, with a typed baseline and target.
    await page.goto(`${base}/goals`);
    await page.getByTestId('goals-empty').waitFor();
    await page.getByTestId('goal-new').click();
    const form = page.getByTestId('goal-modal');
    await form.getByTestId('goal-template').selectOption('csat_up_10');
    expect(await form.getByTestId('goal-title').inputValue()).toBe('Raise CSAT by 10 %');
    const start = new Date(Date.now() - 20 * 86_400_000).toISOString().slice(0, 10);
    await form.getByTestId('goal-startDate').fill(start);
    await form.getByTestId('goal-baseline').fill('60');
    await form.getByTestId('goal-targetMode').selectOption('value');
    await form.getByTestId('goal-target').fill('70');
    await form.getByTestId('goal-save').click();
    await form.waitFor({ state: 'detached' });
    const card = page.getByTestId('goal-card');
    await card.waitFor();
    expect(await card.getByTestId('goal-current').innerText()).toContain('75 %');
    expect(await card.getByTestId('goal-status').innerText()).toBe('On track');
    await card.getByTestId('goal-chart').waitFor();
    await page.screenshot({ path: screenshotPath('strategy-goals.png'), fullPage: true });

    // A target-market worksheet with one segmentation row linked to a customer segment.
    const seg = await pageRequest(page, 'POST', `/api/workspaces/${workspaceId}/segments`, { name: 'Taipei shoppers 台北', definition: { kind: 'group', match: 'all', conditions: [{ kind: 'trait', method: 'geographic', key: 'city', op: 'eq', value: 'Taipei' }] } });
    expect(seg.status).toBe(201);
    await page.goto(`${base}/target-market`);
    await page.getByTestId('sheet-new').click();
    await page.getByTestId('sheet-new-name').fill('Lotus Mart 蓮花商城 online shoppers');
    await page.getByTestId('sheet-new-save').click();
    await page.waitForURL(/\/target-market\/[^/]+$/);
    await page.getByTestId('seg-add').click();
    const row = page.getByTestId('seg-row');
    await row.getByTestId('seg-basis').selectOption('geographic');
    await row.getByTestId('seg-segment').selectOption(seg.json.id);
    await row.getByTestId('seg-description').fill('Taipei and New Taipei');
    await page.getByTestId('eng-add').click();
    await page.getByTestId('eng-row').getByTestId('eng-platform').fill('LINE');
    await page.getByTestId('eng-row').getByTestId('eng-tactics').fill('Official account with member coupons');
    await page.getByTestId('sheet-persona').fill('Mei-Ling 美玲, 32, shops on her phone');
    await page.getByTestId('sheet-save').click();
    await page.getByTestId('toast-success').waitFor();
    await page.reload();
    await page.getByTestId('seg-linked').waitFor();
    expect(await page.getByTestId('seg-linked').innerText()).toContain('Taipei shoppers 台北');
    expect(await page.getByTestId('eng-platform').inputValue()).toBe('LINE');
    await page.screenshot({ path: screenshotPath('strategy-target-market.png'), fullPage: true });

    // The gap analysis in 繁體中文.
    await page.goto(`${base}/gap-analyses`);
    await page.getByTestId('gap-link').first().click();
    await page.getByTestId('gap-row-customer_feedback').waitFor();
    await page.getByTestId('lang-switch').selectOption('zh-Hant');
    await expect.poll(() => page.getByTestId('gap-row-customer_feedback').getByTestId('gap-value').innerText()).toContain('落後 45 NPS');
    expect(await page.getByTestId('gap-pdf').innerText()).toContain('下載 PDF');
    expect(await page.getByTestId('gap-row-support_availability').innerText()).toContain('客服服務時間');
    await page.screenshot({ path: screenshotPath('strategy-gap-analysis-zh-Hant.png'), fullPage: true });

    expect(errors).toEqual([]);
    await ctx.close();
  });
});
