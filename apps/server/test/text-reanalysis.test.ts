/**
 * Re-analysis through the API on a real store: texts of an older model stay as they are until a
 * re-run is asked for; then exactly those are analysed again by the current model (new rows, new
 * analysis time), the rest is untouched, nothing is duplicated, another workspace's texts are not
 * touched, a restart resumes the run, and asking with nothing stale is a no-op.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TextAnalysisItem } from '@touchpoint/shared';
import { liveSurvey, startTestServer, textSettled, type Client, type TestServer } from './harness.js';
import { MODEL_VERSION, TextWorker } from '../src/modules/text-analytics/index.js';

const COMMENTS = ['The parcel arrived three days late.', '價格偏貴，但服務態度很好。', '退款一直没到账，请尽快处理！', 'Friendly staff and quick service.', 'The app keeps crashing at checkout.'];
const OLD = 'tp-older-model';

let s: TestServer;
type Ws = { id: string; owner: Client; sid: string };
let a: Ws;
let b: Ws;

async function workspaceWithTexts(n: number): Promise<Ws> {
  const w = await s.workspace();
  const sid = (await liveSurvey(w.owner, w.id)).id;
  const responses = Array.from({ length: n }, (_, i) => ({ answers: { nps: 9, comment: `${COMMENTS[i % COMMENTS.length]} #${i}` } }));
  const res = await w.owner.post(`/api/workspaces/${w.id}/surveys/${sid}/responses/batch`, { responses });
  expect(res.statusCode, res.body).toBe(201);
  return { id: w.id, owner: w.owner, sid };
}

const settle = () => textSettled(s);
const status = async (w: Ws) => (await w.owner.get(`/api/workspaces/${w.id}/text/status`)).json();
async function texts(w: Ws): Promise<TextAnalysisItem[]> {
  const res = await w.owner.get(`/api/workspaces/${w.id}/text/analyses?limit=200`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items;
}
/** Marks texts as made by an older model (only the version: their numbers stay what they are). */
async function age(w: Ws, ids: string[]) {
  await s.deps.db.updateTable('text_analyses').set({ model_version: OLD }).where('workspace_id', '=', w.id).where('id', 'in', ids).execute();
}
const audits = async (w: Ws, action: string) =>
  (await s.deps.db.selectFrom('audit_log').select('id').where('workspace_id', '=', w.id).where('action', '=', action).execute()).length;

beforeAll(async () => {
  s = await startTestServer({}, { textSettleMs: 0, textChunk: 4 });
  a = await workspaceWithTexts(23);
  b = await workspaceWithTexts(6);
  await settle();
});
afterAll(async () => { await s.destroy(); });

describe('re-analysis of texts made by an older model', () => {
  it('re-analyses exactly the older texts of this workspace, on request, with progress', async () => {
    const before = await texts(a);
    expect(before).toHaveLength(23);
    const older = before.filter((_, i) => i % 3 === 0);
    await age(a, older.map((t) => t.id));
    await age(b, (await texts(b)).map((t) => t.id));
    await settle();
    // Nothing happens by itself: results stay reproducible until a re-run is asked for.
    expect(await status(a)).toMatchObject({ analyzed: 23, otherModelVersions: older.length, reanalysis: null, analysing: true });

    const res = await a.owner.post(`/api/workspaces/${a.id}/text/reanalyze`, {});
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json().reanalysis).toMatchObject({ done: 0, total: older.length });
    await settle();

    expect(await status(a)).toMatchObject({ analyzed: 23, otherModelVersions: 0, reanalysis: null });
    const after = await texts(a);
    expect(after).toHaveLength(23);
    expect(new Set(after.map((t) => `${t.responseId}|${t.questionId}`)).size).toBe(23);
    expect(after.every((t) => t.modelVersion === MODEL_VERSION)).toBe(true);
    const byKey = new Map(after.map((t) => [`${t.responseId}|${t.questionId}`, t]));
    for (const t of before) {
      const now = byKey.get(`${t.responseId}|${t.questionId}`)!;
      if (older.some((o) => o.id === t.id)) {
        expect(now.id).not.toBe(t.id);
        expect(now.analyzedAt >= t.analyzedAt).toBe(true);
        expect(now.sentiment).toEqual(t.sentiment); // same text, same model as before: same numbers
      } else expect(now).toEqual(t);
    }
    expect(await audits(a, 'text.reanalysis_started')).toBe(1);
    expect(await audits(a, 'text.reanalyzed')).toBe(1);
    // The other workspace asked for nothing.
    expect(await status(b)).toMatchObject({ otherModelVersions: 6 });
  });

  it('answers null when every text is current, and resumes a run after a restart', async () => {
    const none = await a.owner.post(`/api/workspaces/${a.id}/text/reanalyze`, {});
    expect(none.statusCode).toBe(202);
    expect(none.json()).toEqual({ reanalysis: null });

    await s.text.stop();
    const res = await b.owner.post(`/api/workspaces/${b.id}/text/reanalyze`, {});
    expect(res.json().reanalysis).toMatchObject({ done: 0, total: 6 });
    expect((await status(b)).reanalysis).toMatchObject({ done: 0, total: 6 });
    // The restarted server's worker finds the stored job and finishes it (chunks of 4: two of them).
    const restarted = new TextWorker(s.deps, { chunk: 4, settleMs: 0 });
    await restarted.start();
    await restarted.idle();
    expect(await status(b)).toMatchObject({ otherModelVersions: 0, reanalysis: null, analyzed: 6 });
    await restarted.stop();
  });

  it('says when this server does not run the analysis', async () => {
    const off = await startTestServer({ textAnalysis: 'off' });
    try {
      const w = await off.workspace();
      const st = (await w.owner.get(`/api/workspaces/${w.id}/text/status`)).json();
      expect(st).toMatchObject({ analysing: false, reanalysis: null });
    } finally { await off.destroy(); }
  });
});
