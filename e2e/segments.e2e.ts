/**
 * The segment builder in a real browser: identifies and orders sent through the events API, then
 * Customers → Segments → New segment, "country is TW and at least 2 orders in the last 30 days"
 * built from the method picker, the live count preview, save, the background build, one more
 * qualifying order through the API moving the count without a reload, a snapshot, and 繁體中文.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { cli, launchChromium, signedInPage, startServer, type RunningServer } from './support.js';

const OWNER = { email: 'segments@lotus.example', password: 'a-long-test-password' };
const LIVE = { timeout: 30_000, interval: 200 };

let server: RunningServer;
let browser: Browser;
let workspaceId: string;
let eventsKey: string;

const daysAgo = (d: number) => new Date(Date.now() - d * 86_400_000).toISOString();
const order = (userId: string, orderId: string, ago: number) => ({ type: 'order', userId, orderId, revenue: 880, currency: 'TWD', timestamp: daysAgo(ago) });

async function sendEvents(events: unknown[]): Promise<void> {
  const res = await fetch(`${server.url}/api/workspaces/${workspaceId}/events?wait=true`, {
    method: 'POST', headers: { authorization: `Bearer ${eventsKey}`, 'content-type': 'application/json' }, body: JSON.stringify({ events }),
  });
  expect(res.status, await res.clone().text()).toBe(202);
}

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchChromium()]);
  workspaceId = JSON.parse(await cli(server.dataDir, ['workspace', 'create', '--name', 'Lotus Mart', '--owner-email', OWNER.email, '--password', OWNER.password])).workspaceId;
  eventsKey = (await cli(server.dataDir, ['api-key', 'create', '--workspace', workspaceId, '--name', 'shop', '--scopes', 'events:write'])).trim();
  await sendEvents([
    // In: Taiwan, two orders this month.
    { type: 'identify', userId: 'u-1', name: '林怡君', traits: { country: 'TW', age: 34 } }, order('u-1', 'o-11', 2), order('u-1', 'o-12', 12),
    // Not yet: Taiwan, one order (a second one arrives during the test).
    { type: 'identify', userId: 'u-2', name: 'Chen Wei', traits: { country: 'TW' } }, order('u-2', 'o-21', 5),
    // Out: two orders, but from Hong Kong.
    { type: 'identify', userId: 'u-3', name: 'Wong Ka Yan', traits: { country: 'HK' } }, order('u-3', 'o-31', 1), order('u-3', 'o-32', 3),
    // Out: Taiwan, but the second order is older than 30 days.
    { type: 'identify', userId: 'u-4', name: 'Lee Mei', traits: { country: 'tw' } }, order('u-4', 'o-41', 4), order('u-4', 'o-42', 45),
  ]);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('segments in the browser', () => {
  it('builds a segment by method, previews and saves it, follows a new order live, snapshots it, and speaks 繁體中文', async () => {
    const { ctx, page, errors } = await signedInPage(browser, server, OWNER, workspaceId);

    await page.getByTestId('nav-customers').click();
    await page.getByTestId('customers-tab-segments').click();
    await expect.poll(() => page.url()).toMatch(/[?&]tab=segments/);
    await page.getByTestId('segments-empty').waitFor();
    await page.getByTestId('segment-new').click();
    await page.waitForURL(/\/segments\/new$/);

    // Nothing yet: the empty root holds everyone, and the preview counts all four people.
    await expect.poll(() => page.getByTestId('segment-preview-count').innerText(), LIVE).toBe('4 people');
    await page.getByTestId('segment-name').fill('TW repeat buyers');

    // Geographic → Country, then Behavioural → an event (an order, in the last 30 days by default).
    await page.getByTestId('segment-add').click();
    await page.getByTestId('segment-pick-geographic-country').click();
    const country = page.getByTestId('segment-condition').nth(0);
    expect(await country.getAttribute('data-kind')).toBe('trait');
    expect(await country.getByTestId('segment-trait-key').inputValue()).toBe('country');
    // A half-built condition is not sent: the preview asks for it to be completed.
    await expect.poll(() => page.getByTestId('segment-preview-count').innerText()).toBe('Complete the conditions to see a count.');
    await country.getByTestId('segment-trait-value').fill('TW');
    await page.getByTestId('segment-add').click();
    await page.getByTestId('segment-pick-event').click();
    const orders = page.getByTestId('segment-condition').nth(1);
    expect(await orders.getByTestId('segment-event-type').inputValue()).toBe('order');
    expect(await orders.getByTestId('segment-event-op').inputValue()).toBe('at_least');
    expect(await orders.getByTestId('segment-event-days').inputValue()).toBe('30');
    await orders.getByTestId('segment-event-count').fill('2');
    expect(await page.getByTestId('segment-match').inputValue()).toBe('all');

    // The live count, and its one member's name linking to the profile.
    await expect.poll(() => page.getByTestId('segment-preview-count').innerText(), LIVE).toBe('1 person');
    const sample = page.getByTestId('segment-preview-sample').getByRole('link');
    await expect.poll(() => sample.allInnerTexts()).toEqual(['林怡君']);
    expect(await sample.getAttribute('href')).toMatch(new RegExp(`/w/${workspaceId}/customers/`));

    // A bad number is caught next to its condition, and the preview waits for it.
    await orders.getByTestId('segment-event-days').fill('0');
    await expect.poll(() => orders.getByTestId('field-error').innerText()).toContain('A whole number of days');
    await orders.getByTestId('segment-event-days').fill('30');
    await expect.poll(() => page.getByTestId('segment-preview-count').innerText(), LIVE).toBe('1 person');
    await page.screenshot({ path: '/tmp/segment-builder.png', fullPage: true });

    // Save: the segment page, its build, then the count.
    await page.getByTestId('segment-save').click();
    await page.waitForURL(/\/segments\/(?!new)[^/]+$/);
    const segmentUrl = page.url();
    await expect.poll(() => page.getByTestId('page-title').innerText()).toBe('TW repeat buyers');
    const count = page.getByTestId('segment-member-count');
    const status = page.getByTestId('segment-overview').getByTestId('segment-status');
    await expect.poll(() => status.getAttribute('data-status'), LIVE).toBe('ready');
    await expect.poll(() => count.innerText(), LIVE).toBe('1');
    await expect.poll(() => page.getByTestId('segment-member').count(), LIVE).toBe(1);
    // The saved definition reads back into the builder.
    expect(await page.getByTestId('segment-condition').count()).toBe(2);
    expect(await page.getByTestId('segment-kind').first().innerText()).toBe('Live');

    // A second order for Chen Wei arrives through the API: the count moves without a reload.
    await page.evaluate(() => { (window as unknown as { notReloaded: boolean }).notReloaded = true; });
    await sendEvents([order('u-2', 'o-22', 0)]);
    await expect.poll(() => count.innerText(), LIVE).toBe('2');
    await expect.poll(() => page.getByTestId('segment-member').count(), LIVE).toBe(2);
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
    // The preview beside the saved definition follows too.
    await expect.poll(() => page.getByTestId('segment-preview-count').innerText(), LIVE).toBe('2 people');
    await page.getByTestId('segment-trend').waitFor();
    await page.screenshot({ path: '/tmp/segment-page.png', fullPage: true });

    // A nested group (unsaved): a survey score and a revenue with a typo, flagged at its row.
    await page.getByTestId('segment-add-group').click();
    const nested = page.getByTestId('segment-group').nth(1);
    expect(await nested.getByTestId('segment-match').inputValue()).toBe('any');
    await nested.getByTestId('segment-add-nested').click();
    await page.getByTestId('segment-pick-metric').click();
    await nested.getByTestId('segment-add-nested').click();
    await page.screenshot({ path: '/tmp/segment-picker.png' });
    await page.getByTestId('segment-pick-profile').click();
    const revenue = nested.getByTestId('segment-condition').nth(1);
    await revenue.getByTestId('segment-profile-field').selectOption('revenue');
    await revenue.getByTestId('segment-profile-value').fill('12o0');
    await expect.poll(() => revenue.getByTestId('field-error').innerText()).toContain('Must be a number');
    expect(await page.getByTestId('segment-preview-count').innerText()).toBe('Complete the conditions to see a count.');
    await nested.scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/tmp/segment-nested.png' });

    // The list shows it with its methods and count.
    await page.getByRole('link', { name: 'Segments' }).first().click();
    await page.waitForURL(/\/customers\?tab=segments$/);
    const row = page.getByTestId('segment-row');
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.getByTestId('segment-methods').innerText()).toMatch(/Behavioural\s+Geographic/);
    await expect.poll(() => row.getByTestId('segment-count').innerText(), LIVE).toBe('2');
    await page.screenshot({ path: '/tmp/segment-list.png' });

    // A snapshot: a static copy with today's two members, opened in place.
    await page.goto(segmentUrl);
    await page.getByTestId('segment-snapshot').click();
    await expect.poll(() => page.url(), LIVE).not.toBe(segmentUrl);
    await expect.poll(() => page.getByTestId('segment-overview').getByTestId('segment-kind').innerText()).toBe('Static');
    await expect.poll(() => page.getByTestId('segment-member-count').innerText(), LIVE).toBe('2');
    expect(await page.getByTestId('segment-snapshot').count()).toBe(1);
    expect(await page.getByTestId('segment-rebuild').count()).toBe(0);

    // 繁體中文: the page's labels follow at once.
    await page.getByTestId('lang-switch').selectOption('zh-Hant');
    await expect.poll(() => page.getByTestId('segment-overview').getByTestId('segment-kind').innerText()).toBe('靜態');
    expect(await page.getByTestId('segment-snapshot').innerText()).toBe('建立快照');
    await page.screenshot({ path: '/tmp/segment-snapshot-zh.png', fullPage: true });
    await page.goto(`${server.url}/w/${workspaceId}/customers?tab=segments`);
    await expect.poll(() => page.getByTestId('customers-tab-segments').innerText()).toBe('分群');
    await expect.poll(() => page.getByTestId('segment-row').count()).toBe(2);
    expect(await page.getByTestId('segment-table').innerText()).toContain('行為');

    expect(errors).toEqual([]);
    await ctx.close();
  });
});
