/**
 * Importing customer events in a real browser: a CSV with a Traditional-Chinese name, a quoted
 * property spanning two lines, an invalid row and enough filler rows for several chunks, chosen
 * through the file input; its progress followed to the end (never moving backwards), the counts and
 * the invalid record's row; the person found by the Simplified name, with the two-line property on
 * the timeline; the same file again, stored as duplicates; a CSV with an unknown column, dropped
 * on the drop zone, warned about here and refused by the server in its own words; and the tab in
 * 简体中文.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { cli, launchChromium, startServer, type RunningServer, signedInPage } from './support.js';

const OWNER = { email: 'imports@lotus.example', password: 'a-long-test-password' };
const SCREENSHOT = '/tmp/customers-import.png';
const FILLER_ROWS = 1500; // three chunks of the server's 500, so there are frames to follow

const CSV = [
  'type,userId,email,name,traits.tier,properties.note,event,orderId,revenue,currency',
  'identify,tw-001,xiaohua@lotus.example,林小華,gold,,,,,',
  'track,tw-001,,,,"第一行 first line\nsecond line, with a comma",Left a note,,,',
  'order,tw-001,,,,,,B-2001,lots,TWD',
  'order,tw-001,,,,,,B-2002,560,TWD',
  ...Array.from({ length: FILLER_ROWS }, (_, i) => `track,bulk-${i % 10},,,,${i},Viewed product,,,`),
].join('\n') + '\n';
const RECORDS = 4 + FILLER_ROWS;
const FILE = { name: 'lotus-events.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV, 'utf8') };

let server: RunningServer;
let browser: Browser;
let workspaceId: string;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchChromium()]);
  workspaceId = JSON.parse(await cli(server.dataDir, ['workspace', 'create', '--name', 'Lotus Mart', '--owner-email', OWNER.email, '--password', OWNER.password])).workspaceId;
}, 120_000);
afterAll(async () => {
  await browser?.close();
  if (!server) return;
  // A server whose event loop is stuck ignores SIGTERM: kill it rather than leave it spinning.
  const kill = setTimeout(() => server.proc.kill('SIGKILL'), 15_000);
  await server.stop();
  clearTimeout(kill);
});

/** Records every value the import's progress bar shows, to check it never moves backwards. */
async function watchProgressBar(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: number[] = [];
    (window as unknown as { seenProgress: number[] }).seenProgress = seen;
    const note = () => {
      const bar = document.querySelector('[data-testid="import-progress-bar"]');
      const v = bar && Number(bar.getAttribute('aria-valuenow'));
      if (bar && seen[seen.length - 1] !== v) seen.push(v!);
    };
    new MutationObserver(note).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-valuenow'] });
  });
}
const seenProgress = (page: Page) => page.evaluate(() => (window as unknown as { seenProgress: number[] }).seenProgress);

describe('customer event import in the browser', () => {
  it('imports a CSV with live progress, reports the invalid row, skips a repeat, shows refusals, speaks 简体中文', async () => {
    const { ctx, page, errors } = await signedInPage(browser, server, OWNER, workspaceId);

    await page.getByTestId('nav-customers').click();
    await page.waitForURL(/\/customers$/);
    await page.getByTestId('customers-tab-import').click();
    await expect.poll(() => new URL(page.url()).searchParams.get('tab')).toBe('import');
    await page.getByTestId('recent-imports-empty').waitFor();

    // Step 1: the file, its format from the name, the header as chips, the first lines.
    await page.getByTestId('import-file-input').setInputFiles(FILE);
    await page.getByTestId('import-chosen').waitFor();
    expect(await page.getByTestId('import-file-name').innerText()).toBe('lotus-events.csv');
    expect(await page.getByTestId('import-format').inputValue()).toBe('csv');
    expect(await page.getByTestId('import-column').allInnerTexts()).toEqual(['type', 'userId', 'email', 'name', 'traits.tier', 'properties.note', 'event', 'orderId', 'revenue', 'currency']);
    expect(await page.getByTestId('import-column-warning').count()).toBe(0);
    expect(await page.getByTestId('import-preview').innerText()).toContain('林小華');

    // Step 2: upload, then the import's progress until it is done.
    await watchProgressBar(page);
    const answered = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/customers/imports'), { timeout: 20_000 });
    await page.getByTestId('import-start').click();
    expect((await answered.catch(() => null))?.status(), 'the server answers the upload').toBe(202);
    const progress = page.getByTestId('import-progress');
    await progress.waitFor();
    await expect.poll(() => progress.getAttribute('data-status'), { timeout: 60_000 }).toBe('done');
    const importId = await progress.getAttribute('data-id');
    expect(new URL(page.url()).searchParams.get('import')).toBe(importId);
    expect(await page.getByTestId('import-progress-bar').getAttribute('aria-valuenow')).toBe('100');
    const seen = await seenProgress(page);
    expect(seen[seen.length - 1]).toBe(100);
    expect(seen).toEqual([...seen].sort((a, b) => a - b)); // never backwards
    expect(await page.getByTestId('import-records').innerText()).toBe(RECORDS.toLocaleString('en'));
    expect(await page.getByTestId('import-accepted').innerText()).toBe((RECORDS - 1).toLocaleString('en'));
    expect(await page.getByTestId('import-duplicates').innerText()).toBe('0');
    expect(await page.getByTestId('import-invalid').innerText()).toBe('1');
    expect(await page.getByTestId('import-status').innerText()).toBe('Done');
    const errorRow = page.getByTestId('import-error');
    await expect.poll(() => errorRow.count()).toBe(1);
    expect(await errorRow.getAttribute('data-record')).toBe('3');
    expect(await errorRow.innerText()).toMatch(/^3\s+revenue\s+\S/);
    // The list below shows the same import, finished.
    const recent = page.locator(`[data-testid="recent-import"][data-id="${importId}"]`);
    await expect.poll(() => recent.getAttribute('data-status')).toBe('done');
    expect(await recent.getByTestId('recent-invalid').innerText()).toBe('1');
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: SCREENSHOT, fullPage: true });

    // The person, found by the Simplified name; the two-line property made it whole.
    await page.getByTestId('import-search-link').click();
    await page.waitForURL(/\/customers$/);
    await page.getByTestId('customer-search').fill('林小华');
    const row = page.getByTestId('customer-row');
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.innerText()).toContain('林小華');
    expect(await row.innerText()).toContain('xiaohua@lotus.example');
    expect(await row.getByTestId('customer-clv').innerText()).toBe('NT$560');
    await page.getByTestId('customer-link').click();
    const track = page.locator('[data-testid="timeline-item"][data-kind="track"]');
    await track.waitFor();
    expect(await track.innerText()).toContain('second line, with a comma');

    // The same file again: nothing stored twice.
    await page.goto(`${server.url}/w/${workspaceId}/customers?tab=import`);
    await page.getByTestId('import-file-input').setInputFiles(FILE);
    await page.getByTestId('import-start').click();
    await expect.poll(() => page.getByTestId('import-progress').getAttribute('data-status'), { timeout: 60_000 }).toBe('done');
    expect(await page.getByTestId('import-accepted').innerText()).toBe('0');
    expect(await page.getByTestId('import-duplicates').innerText()).toBe((RECORDS - 1).toLocaleString('en'));
    expect(await page.getByTestId('import-invalid').innerText()).toBe('1');
    await expect.poll(() => page.getByTestId('recent-import').count()).toBe(2);
    expect(await page.getByTestId('recent-duplicates').first().innerText()).toBe((RECORDS - 1).toLocaleString('en'));

    // A column the server does not know, dropped on the drop zone: warned about here, refused
    // there in its own words.
    await page.getByTestId('import-another').click();
    await page.getByTestId('import-drop-zone').evaluate((zone) => {
      const data = new DataTransfer();
      data.items.add(new File(['type,userId,Email,favourite_colour\nidentify,u9,a@b.example,teal\n'], 'colours.csv', { type: 'text/csv' }));
      zone.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    });
    const warning = page.getByTestId('import-column-warning');
    await warning.waitFor();
    expect(await warning.innerText()).toContain('Email, favourite_colour');
    expect(await warning.innerText()).toContain('did you mean “email”');
    expect(await page.locator('[data-testid="import-column"][data-unknown]').allInnerTexts()).toEqual(['Email', 'favourite_colour']);
    await page.getByTestId('import-start').click();
    const refused = page.getByTestId('import-refused-message');
    await refused.waitFor();
    expect(await refused.innerText()).toMatch(/^unknown columns: Email, favourite_colour/);
    expect(await page.getByTestId('recent-import').count()).toBe(2);
    await page.screenshot({ path: '/tmp/customers-import-refused.png', fullPage: true });

    // 简体中文.
    await page.getByTestId('lang-switch').selectOption('zh-Hans');
    await expect.poll(() => page.getByTestId('customers-tab-import').innerText()).toBe('导入');
    expect(await page.getByTestId('import-wizard').innerText()).toContain('选择文件');
    expect(await page.getByTestId('import-start').innerText()).toBe('上传并导入');
    expect(await page.getByTestId('recent-imports').innerText()).toContain('最近的导入');
    expect(await page.getByTestId('recent-imports-table').innerText()).toMatch(/已接受[\s\S]*重复[\s\S]*无效/);
    await page.locator('[data-testid="recent-import"]').first().getByTestId('recent-import-show').click();
    await expect.poll(() => page.getByTestId('import-status').innerText()).toBe('完成');
    expect(await page.getByTestId('import-summary').innerText()).toContain('条无效');
    expect(await page.getByTestId('import-progress').innerText()).toContain('无效记录');
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: '/tmp/customers-import-zh-Hans.png', fullPage: true });

    expect(errors).toEqual([]);
    await ctx.close();
  });
});
