/**
 * Customer 360 in a real browser: events sent through the API (an anonymous page view, an identify
 * with a Traditional-Chinese name, an order, then an identify that joins the anonymous id so the two
 * profiles merge) and a survey answer; the person found by the Simplified name, the profile with its
 * identifiers, CLV and timeline, a merged id's address replaced by the person's, the timeline
 * filtered to orders (in the URL), a trait declared, an unmerge and a merge by hand, and 繁體中文.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { cli, launchChromium, startServer, submitPublic, workspaceWithLiveSurvey, type RunningServer, signedInPage } from './support.js';

const OWNER = { email: 'customers@lotus.example', password: 'a-long-test-password' };
const SCREENSHOT = '/tmp/customers-profile.png';

let server: RunningServer;
let browser: Browser;
let workspaceId: string;
let anonymousProfileId: string;
let eventsKey: string;

async function sendEvents(key: string, events: unknown[]): Promise<{ accepted: number; profileIds: string[]; merges: string[] }> {
  const res = await fetch(`${server.url}/api/workspaces/${workspaceId}/events?wait=true`, {
    method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: JSON.stringify({ events }),
  });
  expect(res.status, await res.clone().text()).toBe(202);
  return res.json();
}

const ago = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchChromium()]);
  let publicId: string;
  ({ workspaceId, publicId } = await workspaceWithLiveSurvey(server, OWNER, {
    name: 'After delivery',
    definition: { languages: ['en'], defaultLanguage: 'en', thankYou: { en: 'Thanks' }, questions: [{ id: 'nps', type: 'nps', required: true, title: { en: 'How likely are you to recommend us?' } }] },
  }));
  const key = (await cli(server.dataDir, ['api-key', 'create', '--workspace', workspaceId, '--name', 'shop', '--scopes', 'events:write'])).trim();
  eventsKey = key;

  const first = await sendEvents(key, [
    { type: 'page', anonymousId: 'anon-7f3', name: 'Pricing', url: 'https://lotus.example/pricing', timestamp: ago(72) },
    {
      type: 'identify', userId: 'shop-1001', source: 'shop', name: '陳美玲', email: 'meiling@lotus.example', phone: '+886 912 345 678',
      traits: { tier: 'gold', tags: ['tea', 'vip'], newsletter: true, birthday: '1988-04-02' }, consents: { email: true, sms: false }, timestamp: ago(48),
    },
    { type: 'order', userId: 'shop-1001', source: 'shop', orderId: 'A-1001', revenue: 1280, currency: 'TWD', properties: { items: 3 }, timestamp: ago(24) },
  ]);
  expect(first.accepted).toBe(3);
  expect(first.merges).toEqual([]);
  anonymousProfileId = first.profileIds[0];
  // The shop learns who was browsing: one identify names both ids, and the two profiles become one.
  const join = await sendEvents(key, [{ type: 'identify', userId: 'shop-1001', source: 'shop', anonymousId: 'anon-7f3', timestamp: ago(1) }]);
  expect(join.merges).toHaveLength(1);
  // Her survey answer, found by her shop id.
  expect(await submitPublic(server, publicId, { idempotencyKey: 'e2e-customer-nps', channel: 'email', customerExternalId: 'shop-1001', answers: { nps: 9 } })).toBe(201);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('customers in the browser', () => {
  it('finds a person by the Simplified name, shows the profile and timeline, unmerges and merges, and speaks 繁體中文', async () => {
    const { ctx, page, errors } = await signedInPage(browser, server, OWNER, workspaceId);

    // Trait definitions: birthday is a date, and the first value set wins when profiles disagree.
    await page.getByTestId('nav-customers').click();
    await page.waitForURL(/\/customers$/);
    await page.getByTestId('customers-tab-traits').click();
    await expect.poll(() => page.url()).toMatch(/[?&]tab=traits/);
    await page.getByTestId('traits-empty').waitFor();
    await page.getByTestId('trait-key').fill('birthday');
    await page.getByTestId('trait-type').selectOption('date');
    await page.getByTestId('trait-rule').selectOption('first');
    await page.getByTestId('save-trait').click();
    const traitRow = page.locator('[data-testid="trait-row"][data-key="birthday"]');
    await traitRow.waitFor();
    expect(await traitRow.innerText()).toMatch(/Date\s+First value/);

    // People: without a query, the people seen last (one person after the merge).
    await page.getByTestId('customers-tab-people').click();
    await expect.poll(() => page.getByTestId('customer-row').count()).toBe(1);
    expect(await page.getByTestId('customer-results-caption').innerText()).toBe('People seen most recently');

    // The Simplified name finds the Traditional one; the query is kept in the URL.
    await page.getByTestId('customer-search').fill('陈美玲');
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('陈美玲');
    await expect.poll(() => page.getByTestId('customer-results-caption').innerText()).toBe('Results for “陈美玲”');
    const row = page.getByTestId('customer-row');
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.innerText()).toContain('陳美玲');
    expect(await row.innerText()).toContain('meiling@lotus.example');
    const personId = await row.getAttribute('data-id');
    await page.getByTestId('customer-search').fill('nobody-like-this');
    await page.getByTestId('customer-empty').waitFor();
    await page.getByTestId('customer-search').fill('陈美玲');
    await expect.poll(() => row.count()).toBe(1);
    // A reload (or a shared link) searches again from the URL.
    await page.reload();
    await expect.poll(() => row.count()).toBe(1);
    expect(await page.getByTestId('customer-search').inputValue()).toBe('陈美玲');
    await page.screenshot({ path: '/tmp/customers-search.png' });
    await page.getByTestId('customer-link').first().click();
    await page.waitForURL(new RegExp(`/customers/${personId}$`));

    // The profile: name, identifiers, numbers, traits by type, consents.
    await expect.poll(() => page.getByTestId('page-title').innerText()).toBe('陳美玲');
    const identifiers = page.getByTestId('identifier');
    await expect.poll(() => identifiers.count()).toBe(4);
    const idText = await page.getByTestId('identifiers').innerText();
    for (const s of ['meiling@lotus.example', '+886 912 345 678', 'External ID · shop', 'shop-1001', 'Anonymous ID', 'anon-7f3', 'Verified', 'From a merged profile', '1 merged profile']) expect(idText).toContain(s);
    expect(await page.getByTestId('stat-clv').innerText()).toContain('NT$1,280');
    expect(await page.getByTestId('stat-orders').innerText()).toContain('1');
    expect(await page.getByTestId('stat-nps').innerText()).toContain('9');
    expect(await page.getByTestId('stat-churn').innerText()).toMatch(/—\s+Not computed yet/);
    expect(await page.locator('[data-testid="trait"][data-key="birthday"]').innerText()).toContain('Apr 2, 1988');
    expect(await page.locator('[data-testid="trait"][data-key="tags"]').innerText()).toMatch(/tea\s+vip/);
    expect(await page.locator('[data-testid="trait"][data-key="newsletter"]').innerText()).toContain('Yes');
    expect(await page.locator('[data-testid="consent"][data-purpose="sms"]').innerText()).toContain('Refused');

    // The timeline: the answer, the merge, the order, both identifies and the page view, newest first.
    const items = page.getByTestId('timeline-item');
    await expect.poll(() => items.evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')))).toEqual(['response', 'merge', 'identify', 'order', 'identify', 'page']);
    expect(await page.locator('[data-testid="timeline-item"][data-kind="order"]').getByTestId('timeline-revenue').innerText()).toBe('NT$1,280');
    expect(await page.locator('[data-testid="timeline-item"][data-kind="order"]').innerText()).toContain('Order A-1001');
    expect(await page.locator('[data-testid="timeline-item"][data-kind="merge"]').innerText()).toContain('Same anonymous ID');
    const response = page.locator('[data-testid="timeline-item"][data-kind="response"]');
    expect(await response.innerText()).toContain('After delivery');
    expect(await response.getByTestId('timeline-nps').innerText()).toBe('NPS 9');
    expect(await response.getByTestId('timeline-results').getAttribute('href')).toMatch(/\/surveys\/[^/]+\/results$/);
    await page.screenshot({ path: SCREENSHOT, fullPage: true });

    // Only orders: the kinds go into the URL and survive a reload.
    await page.locator('[data-testid="kind-chip"][data-value="order"]').click();
    await expect.poll(() => new URL(page.url()).searchParams.get('kinds')).toBe('order');
    await expect.poll(() => items.evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')))).toEqual(['order']);
    await page.reload();
    await expect.poll(() => items.evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')))).toEqual(['order']);
    expect(await page.locator('[data-testid="kind-chip"][data-value="order"]').getAttribute('aria-pressed')).toBe('true');
    await page.locator('[data-testid="kind-chip"][data-value="all"]').click();
    await expect.poll(() => new URL(page.url()).searchParams.get('kinds')).toBeNull();
    await expect.poll(() => items.count()).toBe(6);

    // The merged profile's own address answers with the person, and the URL becomes the person's.
    await page.goto(`${server.url}/w/${workspaceId}/customers/${anonymousProfileId}`);
    await page.waitForURL(new RegExp(`/customers/${personId}$`));
    await expect.poll(() => page.getByTestId('page-title').innerText()).toBe('陳美玲');

    // Unmerge, confirmed: the anonymous profile is a person of its own again.
    const merge = page.locator(`[data-testid="merge-row"][data-absorbed="${anonymousProfileId}"]`);
    await merge.getByTestId('unmerge').click();
    await page.getByTestId('unmerge-modal').getByTestId('confirm-unmerge').click();
    await page.getByTestId('toast-success').filter({ hasText: 'Unmerged' }).waitFor();
    await expect.poll(() => page.getByTestId('merged-profile').count()).toBe(0);
    await expect.poll(() => identifiers.count()).toBe(3);
    expect(await page.getByTestId('identifiers').innerText()).not.toContain('anon-7f3');
    expect(await merge.getByTestId('merge-undone').innerText()).toBe('Undone');
    expect(await merge.getByTestId('unmerge').count()).toBe(0);
    await expect.poll(() => items.evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')))).toEqual(['response', 'merge', 'identify', 'order', 'identify']);

    // And merged again by hand, with the profile id pasted into the form.
    await page.getByTestId('merge-id').fill(anonymousProfileId);
    await page.getByTestId('merge-submit').click();
    await page.getByTestId('toast-success').filter({ hasText: 'Merged into this person' }).waitFor();
    await expect.poll(() => page.getByTestId('merged-profile').count()).toBe(1);
    await expect.poll(() => page.getByTestId('merge-row').count()).toBe(2);
    expect(await page.getByTestId('merges').innerText()).toContain('Merged by hand');

    // 繁體中文.
    await page.getByTestId('lang-switch').selectOption('zh-Hant');
    await expect.poll(() => page.getByTestId('side-nav').innerText()).toContain('顧客');
    expect(await page.getByTestId('identifiers').innerText()).toContain('識別資訊');
    expect(await page.getByTestId('identifiers').innerText()).toContain('外部 ID · shop');
    expect(await page.getByTestId('timeline').innerText()).toContain('時間軸');
    expect(await page.locator('[data-testid="kind-chip"][data-value="order"]').innerText()).toBe('訂單');
    expect(await page.getByTestId('merges').innerText()).toContain('合併紀錄');
    expect(await page.getByTestId('merges').innerText()).toContain('手動合併');
    expect(await page.getByTestId('stat-churn').innerText()).toMatch(/流失風險[\s\S]*尚未計算/);
    expect(await page.locator('[data-testid="trait"][data-key="birthday"]').innerText()).toContain('1988年4月2日');
    await page.evaluate(() => window.scrollTo(0, 0)); // full-page shots repeat a sticky header scrolled away
    await page.screenshot({ path: '/tmp/customers-profile-zh-Hant.png', fullPage: true });

    expect(errors).toEqual([]);
    await ctx.close();
  });

  it('pages a long timeline with "Load more", without repeating an item', async () => {
    const views = Array.from({ length: 30 }, (_, i) => ({ type: 'track', userId: 'app-42', event: 'Viewed product', properties: { n: i }, timestamp: ago(100 - i) }));
    const sent = await sendEvents(eventsKey, views);
    const id = sent.profileIds[0];
    const { ctx, page, errors } = await signedInPage(browser, server, OWNER, workspaceId);
    await page.goto(`${server.url}/w/${workspaceId}/customers/${id}`);
    const items = page.getByTestId('timeline-item');
    await expect.poll(() => items.count()).toBe(25);
    expect(await page.getByTestId('page-title').innerText()).toBe('Unnamed customer');
    expect(await items.first().innerText()).toContain('n: 29'); // newest first
    await page.getByTestId('timeline-more').click();
    await expect.poll(() => items.count()).toBe(30);
    expect(await items.last().innerText()).toContain('n: 0');
    expect(await page.getByTestId('timeline-more').count()).toBe(0);
    expect(errors).toEqual([]);
    await ctx.close();
  });

  it('exports a person as JSON and erases them after typing their id', async () => {
    const sent = await sendEvents(eventsKey, [{ type: 'identify', userId: 'gone-1', name: '林小華', email: 'lin.xh@lotus.example' }, { type: 'order', userId: 'gone-1', orderId: 'G-1', revenue: 50, currency: 'TWD' }]);
    const id = sent.profileIds[0];
    const { ctx, page, errors } = await signedInPage(browser, server, OWNER, workspaceId, { acceptDownloads: true });
    await page.goto(`${server.url}/w/${workspaceId}/customers/${id}`);
    const card = page.getByTestId('person-data');
    const [download] = await Promise.all([page.waitForEvent('download'), card.getByTestId('person-export').click()]);
    expect(download.suggestedFilename()).toBe(`customer-${id}.json`);
    const data = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
    expect(data.person).toMatchObject({ id, name: '林小華', email: 'lin.xh@lotus.example' });
    expect(data.events.map((e: { type: string }) => e.type).sort()).toEqual(['identify', 'order']);

    await card.getByTestId('person-erase').click();
    const modal = page.getByTestId('erase-modal');
    expect(await modal.getByTestId('confirm-erase').isDisabled()).toBe(true);
    await modal.getByTestId('erase-id').fill(id);
    await modal.getByTestId('confirm-erase').click();
    await page.waitForURL(new RegExp(`/w/${workspaceId}/customers$`));
    await page.getByTestId('customer-search').fill('林小華');
    await expect.poll(() => page.getByTestId('customer-empty').count(), { timeout: 5_000 }).toBe(1);
    expect((await fetch(`${server.url}/api/workspaces/${workspaceId}/customers/${id}`, { headers: { cookie: (await ctx.cookies()).map((c) => `${c.name}=${c.value}`).join('; ') } })).status).toBe(404);
    expect(errors).toEqual([]);
    await ctx.close();
  });
});
