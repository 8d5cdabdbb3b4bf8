/**
 * Sentiment at 1M analysed texts on SQLite (`npx tsx metrics/sentiment.ts` from bench/; BENCH_SENTIMENT_ROWS
 * responses, default 1,090,000, of which ~92 % complete, each with one analysed answer): what the
 * cube design costs and buys.
 * - a two-year sentiment trend (by week and by month, by channel) from the cube, from the response rows
 *   (the planner's exact fallback), and as the best case of a query-time join (text_analyses ⋈ responses
 *   grouped by UTC day in SQL: what "no cube" would have to do on every dashboard load, before any time zone);
 * - the cube recount with the sentiment sums read per page;
 * - the analysis store's extra work: 500 responses' analyses replaced with and without recordAnalysisChanges.
 * Rows are synthetic (synthetic.ts, seed 11); scores are spread over −1…1 from a hash of the id.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { sql } from 'kysely';
import { loadConfig } from '../../apps/server/src/platform/config.js';
import { createDeps } from '../../apps/server/src/server.js';
import { createWorkspaceWithOwner } from '../../apps/server/src/modules/accounts/index.js';
import { createSurvey } from '../../apps/server/src/modules/surveys/index.js';
import { INSERT_NEW_RESPONSE_SQL, responseParams } from '../../apps/server/src/modules/responses/response-rows.js';
import { recountNow, updateMetricSettings } from '../../apps/server/src/modules/metrics/settings.service.js';
import { queryMetrics } from '../../apps/server/src/modules/metrics/metrics.service.js';
import { recordAnalysisChanges } from '../../apps/server/src/modules/metrics/index.js';
import { SYSTEM_ACTOR } from '../../apps/server/src/platform/audit.js';
import { syntheticChunks } from './synthetic.js';

const ROWS = Number(process.env.BENCH_SENTIMENT_ROWS ?? 1_090_000);
const END = '2026-01-01T00:00:00.000Z';
const log = (s: string) => console.log(s);
const q = (id: string, type: string) => ({ id, type, required: false, title: { en: id } });
const SURVEY = { languages: ['en'], defaultLanguage: 'en', thankYou: { en: 'Thanks' }, questions: [q('nps', 'nps'), q('comment', 'open_text')] };

function scoreOf(id: string): number {
  const h = crypto.createHash('sha1').update(id).digest();
  return Math.round(((h.readUInt16BE(0) / 65535) * 2 - 1) * 1e4) / 1e4;
}
const labelOf = (s: number) => (s > 0.15 ? 'positive' : s < -0.15 ? 'negative' : 'neutral');

async function median(runs: number, f: () => Promise<unknown>): Promise<number> {
  await f();
  const t: number[] = [];
  for (let i = 0; i < runs; i++) { const a = performance.now(); await f(); t.push(performance.now() - a); }
  return t.sort((a, b) => a - b)[Math.floor(t.length / 2)];
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tp-sentiment-'));
const config = loadConfig({ ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'silent' });
const { deps, store } = await createDeps(config);
const db = store.sqlite!;
const { workspaceId } = await createWorkspaceWithOwner(deps, { name: 'Sentiment bench', ownerEmail: 's@example.com', password: 'sentiment-bench-password' });
const ctx = { workspaceId, actor: { ...SYSTEM_ACTOR, label: 'bench' } };
const surveyIds: string[] = [];
for (let i = 1; i <= 5; i++) surveyIds.push((await createSurvey(deps, ctx, { name: `S${i}`, definition: SURVEY } as never, 'live')).id);
const metric = { timeZone: 'Asia/Taipei', dimensions: ['plan'] };
await updateMetricSettings(deps, ctx, metric);

let started = Date.now(), texts = 0;
db.pragma('cache_size = -1000000'); db.pragma('synchronous = OFF');
const insertResponse = db.prepare(INSERT_NEW_RESPONSE_SQL);
const insertText = db.prepare(`INSERT INTO text_analyses (id, workspace_id, response_id, survey_id, question_id, text, text_hash, language, sentiment_score, sentiment_label, key_phrases, aspects, themes, cues, nps, model_version, taxonomy_version, analyzed_at, created_at)
  VALUES (?, ?, ?, ?, 'comment', 'x', 'h', 'en', ?, ?, '[]', '[]', '[]', '{}', ?, 'bench', 0, ?, ?)`);
for (const chunk of syntheticChunks({ count: ROWS, seed: 11, workspaceId, surveyIds, end: END, months: 24 }, 10_000)) {
  db.transaction(() => {
    for (const r of chunk) {
      insertResponse.run(responseParams(r));
      if (r.status !== 'complete') continue;
      const s = scoreOf(r.id);
      insertText.run(crypto.randomUUID(), workspaceId, r.id, r.survey_id, s, labelOf(s), r.nps, r.created_at, r.created_at);
      texts++;
    }
  })();
}
db.pragma(`synchronous = ${config.sqliteSynchronous}`);
log(`loaded ${ROWS} responses, ${texts} analysed texts in ${((Date.now() - started) / 1000).toFixed(0)} s`);

started = Date.now();
const built = (await recountNow(deps, ctx, metric)).rebuilt;
log(`cube recount (sentiment sums read per page): ${((Date.now() - started) / 1000).toFixed(0)} s, ${built.cellWrites} cell writes`);

const base = { from: '2024-01-01', to: '2025-12-31' } as const;
const trend = (interval: 'week' | 'month', forceRows = false) => () => queryMetrics(deps, workspaceId, { ...base, interval, by: 'channel', compare: 'previous', forceRows });
const check = await queryMetrics(deps, workspaceId, { ...base, interval: 'total' });
const rowsCheck = await queryMetrics(deps, workspaceId, { ...base, interval: 'total', forceRows: true });
log(`two years: ${check.total.sentiment.n} texts, mean ${check.total.sentiment.mean?.toFixed(6)} ± ${(check.total.sentiment.ci!.high - check.total.sentiment.mean!).toFixed(6)} (source ${check.source}); from the rows: ${rowsCheck.total.sentiment.n} texts, mean ${rowsCheck.total.sentiment.mean?.toFixed(6)}`);
log(`2-year sentiment trend by week, by channel, with the previous 2 years: cube ${(await median(7, trend('week'))).toFixed(1)} ms`);
log(`2-year sentiment trend by month, by channel, with the previous 2 years: cube ${(await median(7, trend('month'))).toFixed(1)} ms`);
log(`the same by month from the response rows (exact fallback): ${(await median(1, trend('month', true))).toFixed(0)} ms`);
const joinQuery = () => sql`SELECT substr(r.created_at, 1, 10) AS day, r.channel, count(*) AS n, sum(a.sentiment_score) AS s, sum(a.sentiment_score * a.sentiment_score) AS s2
  FROM text_analyses a JOIN responses r ON r.id = a.response_id
  WHERE a.workspace_id = ${workspaceId} AND a.created_at >= '2024-01-01' AND a.created_at < '2026-01-01' GROUP BY 1, 2`.execute(deps.db);
log(`query-time join, best case (UTC days, one SQL aggregate, no previous period): ${(await median(3, joinQuery)).toFixed(0)} ms`);

// The analysis store's extra work: replace 500 responses' analyses, with and without the cube's call.
const all = (db.prepare('SELECT response_id AS id FROM text_analyses WHERE workspace_id = ? LIMIT 10000').all(workspaceId) as { id: string }[]).map((r) => r.id);
let offset = 0;
const replace = (wrapped: boolean) => async () => {
  const ids = all.slice(offset, (offset += 500));
  await deps.db.transaction().execute(async (trx) => {
    const write = async () => {
      await trx.updateTable('text_analyses').set({ sentiment_score: sql`-sentiment_score` }).where('response_id', 'in', ids).execute();
    };
    if (wrapped) await recordAnalysisChanges(trx, ids, write); else await write();
  });
};
const plain = await median(9, replace(false)), cubed = await median(9, replace(true));
log(`500 responses' analyses replaced: ${plain.toFixed(1)} ms alone, ${cubed.toFixed(1)} ms with recordAnalysisChanges (+${(cubed - plain).toFixed(1)} ms per chunk)`);

await store.close();
if (process.env.BENCH_METRICS_KEEP !== '1') fs.rmSync(dataDir, { recursive: true, force: true });
