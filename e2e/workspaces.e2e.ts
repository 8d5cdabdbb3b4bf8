/**
 * A second workspace made from the workspace menu in a real browser: an empty name is refused
 * under the field, a named one is created, opened, and listed in the menu beside the first.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, screenshotPath, signedInPage, startServer, workspaceWithLiveSurvey, type RunningServer } from './support.js';

const OWNER = { email: 'two@lotus.example', password: 'a-long-test-password' };
let server: RunningServer;
let browser: Browser;
let workspaceId: string;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchChromium()]);
  ({ workspaceId } = await workspaceWithLiveSurvey(server, OWNER, {
    name: 'First',
    definition: { languages: ['en'], defaultLanguage: 'en', thankYou: { en: 'Thanks' }, questions: [{ id: 'nps', type: 'nps', required: true, title: { en: 'Recommend us?' } }] },
  }));
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('workspaces', () => {
  it('makes a second workspace from the menu and opens it', async () => {
    const { page, ctx, errors } = await signedInPage(browser, server, OWNER, workspaceId);
    await page.getByTestId('workspace-switcher').click();
    await page.getByTestId('new-workspace').click();
    const modal = page.getByTestId('create-workspace-modal');
    await modal.getByTestId('create-workspace').click();
    await expect.poll(() => modal.getByTestId('field-error').count()).toBeGreaterThan(0);
    await modal.getByTestId('workspace-name-input').fill('Lotus Mart Taipei');
    await modal.getByTestId('create-workspace').click();
    await expect.poll(() => new URL(page.url()).pathname).not.toBe(`/w/${workspaceId}`);
    expect(new URL(page.url()).pathname).toMatch(/^\/w\/[0-9a-f-]{36}/);
    await expect.poll(() => page.getByTestId('workspace-switcher').innerText()).toContain('Lotus Mart Taipei');
    await page.getByTestId('workspace-switcher').click();
    await expect.poll(() => page.getByTestId('workspace-option').count()).toBe(2);
    await page.screenshot({ path: screenshotPath('workspaces-menu.png') });
    expect(errors).toEqual([]);
    await ctx.close();
  });
});
