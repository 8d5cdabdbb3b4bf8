/**
 * Theme names per UI language: the starter themes come named in en / 繁 / 简; the explorer names
 * themes in the language the request prefers (Accept-Language), falling back to the default name;
 * names are created and changed with the theme and checked field by field.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TextAnalysisItem, Theme } from '@touchpoint/shared';
import { startTestServer, textSettled, workspaceWithAnalysedAnswers, type Client, type TestServer } from './harness.js';

let s: TestServer;
let w: { id: string; owner: Client };

beforeAll(async () => {
  s = await startTestServer({}, { textSettleMs: 0 });
  w = await workspaceWithAnalysedAnswers(s, [{ answers: { nps: 3, comment: 'The parcel arrived three days late and the checkout crashed' } }]);
});
afterAll(async () => { await s.destroy(); });

const explore = async (acceptLanguage?: string) => {
  const res = await w.owner.request({ method: 'GET', url: `/api/workspaces/${w.id}/text/analyses`, headers: acceptLanguage ? { 'accept-language': acceptLanguage } : {} });
  expect(res.statusCode, res.body).toBe(200);
  const page = res.json() as { items: TextAnalysisItem[]; facets: { themes: { id: string; name: string }[] } };
  const names = (id: string) => [page.items[0].themes.find((t) => t.id === id)?.name, page.facets.themes.find((t) => t.id === id)?.name];
  return names;
};

describe('theme names per language', () => {
  it('names starter themes in the language asked for, the default name otherwise', async () => {
    const themes = (await w.owner.get(`/api/workspaces/${w.id}/text/themes`)).json().themes as Theme[];
    expect(themes.find((t) => t.id === 'delivery')?.names).toEqual({ en: 'Delivery', 'zh-Hant': '物流配送', 'zh-Hans': '物流配送' });
    expect((await explore())('delivery')).toEqual(['Delivery', 'Delivery']);
    expect((await explore('zh-TW,zh;q=0.9'))('app-website')).toEqual(['App／網站', 'App／網站']);
    expect((await explore('zh-CN'))('app-website')).toEqual(['App／网站', 'App／网站']);
    expect((await explore('fr-FR'))('app-website')).toEqual(['App/Website', 'App/Website']);
  });

  it('creates and changes names with the theme, field by field', async () => {
    const bad = await w.owner.post(`/api/workspaces/${w.id}/text/themes`, { name: 'Lateness', keywords: ['late'], names: { 'zh-Hant': '', fr: 'Retard' } });
    expect(bad.statusCode).toBe(400);
    const paths = (bad.json().error.details as { path: string }[]).map((d) => d.path).join(' ');
    expect(paths).toMatch(/names/);

    const made = await w.owner.post(`/api/workspaces/${w.id}/text/themes`, { id: 'lateness', name: 'Lateness', keywords: ['late'], names: { 'zh-Hant': '延誤' } });
    expect(made.statusCode, made.body).toBe(201);
    expect(made.json().names).toEqual({ 'zh-Hant': '延誤' });
    await textSettled(s);
    expect((await explore('zh-Hant'))('lateness')).toEqual(['延誤', '延誤']);
    expect((await explore('zh-Hans'))('lateness')).toEqual(['Lateness', 'Lateness']);

    const patched = await w.owner.patch(`/api/workspaces/${w.id}/text/themes/lateness`, { names: { 'zh-Hant': '延遲', 'zh-Hans': '延迟' } });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json().names).toEqual({ 'zh-Hant': '延遲', 'zh-Hans': '延迟' });
    await textSettled(s);
    expect((await explore('zh-Hans'))('lateness')).toEqual(['延迟', '延迟']);
  });
});
