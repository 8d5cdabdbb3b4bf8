/**
 * The facts closed-loop rules judge, read for a set of responses: scores, metadata, the analysed
 * open text (sentiment, themes, cues of every open-text answer, combined), who the customer is, and
 * on demand how many negative answers that customer gave lately. Reads only, through the responses
 * and text-analytics modules' public functions.
 */
import type { Deps } from '../../deps.js';
import { AppError } from '../../platform/http/errors.js';
import { analysesForCases } from '../text-analytics/index.js';
import { respondentContacts, responsesForCases, responsesOfPerson, type CaseSourceRow } from '../responses/index.js';
import { getSurvey } from '../surveys/index.js';
import { isNegative, type AnswerFacts } from './case-rules.js';

export interface CustomerRef {
  /** What "one open case per customer" counts: x:<customer id>, e:<email hash>, r:<respondent>, or a:<response> for an anonymous answer. */
  key: string;
  externalId: string | null; emailHash: string | null; emailEnc: string | null; nameEnc: string | null;
}

export interface ResponseFacts {
  row: CaseSourceRow; facts: AnswerFacts; customer: CustomerRef; hasText: boolean; metadata: Record<string, string>;
  /** The first negative open-text answer (else the first one): what a case's title quotes. */
  quote: string | null;
}

type TextRow = Awaited<ReturnType<typeof analysesForCases>>[number];

/** Several open-text answers make one: negative if any is, the negative ones' themes, cues of any. */
function combineTexts(rows: TextRow[]): AnswerFacts['text'] {
  if (!rows.length) return undefined;
  const negative = rows.filter((r) => r.sentiment_label === 'negative');
  const label = negative.length ? 'negative' : rows.some((r) => r.sentiment_label === 'positive') ? 'positive' : 'neutral';
  // Most confident first: the case's main theme is the first of these.
  const themesOf = (list: TextRow[]) => {
    const best = new Map<string, number>();
    for (const r of list) for (const t of JSON.parse(r.themes) as { id: string; confidence?: number }[]) best.set(t.id, Math.max(best.get(t.id) ?? 0, t.confidence ?? 0));
    return [...best].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([id]) => id);
  };
  const cues: Record<string, boolean> = {};
  for (const r of rows) for (const [k, v] of Object.entries(JSON.parse(r.cues) as Record<string, boolean>)) if (v) cues[k] = true;
  return { score: Math.min(...rows.map((r) => r.sentiment_score)), label, themes: themesOf(negative.length ? negative : rows), cues };
}

function stringMetadata(json: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(JSON.parse(json || '{}') as Record<string, unknown>)) if (v !== null && v !== undefined && typeof v !== 'object') out[k] = String(v);
  return out;
}

/** Open-text question ids per survey, read once per call. */
export function openTextQuestions(deps: Deps): (workspaceId: string, surveyId: string) => Promise<string[]> {
  const cache = new Map<string, Promise<string[]>>();
  return (workspaceId, surveyId) => {
    if (!cache.has(surveyId)) cache.set(surveyId, getSurvey(deps, workspaceId, surveyId).then((s) => s.definition.questions.filter((q) => q.type === 'open_text').map((q) => q.id), (err) => {
      if (err instanceof AppError && err.statusCode === 404) return [];
      throw err;
    }));
    return cache.get(surveyId)!;
  };
}

export async function hasOpenText(row: CaseSourceRow, questions: string[]): Promise<boolean> {
  const answers = JSON.parse(row.answers) as Record<string, unknown>;
  return questions.some((q) => typeof answers[q] === 'string' && (answers[q] as string).trim() !== '');
}

/** Facts of these responses (complete ones only), in the order given. */
export async function loadFacts(deps: Deps, workspaceId: string, ids: string[], rows?: CaseSourceRow[]): Promise<ResponseFacts[]> {
  const found = (rows ?? (await responsesForCases(deps.db, workspaceId, ids))).filter((r) => r.status === 'complete');
  const [texts, contacts] = await Promise.all([
    analysesForCases(deps.db, found.map((r) => r.id)),
    respondentContacts(deps.db, workspaceId, [...new Set(found.map((r) => r.respondent_id).filter((x): x is string => !!x))]),
  ]);
  const textsOf = new Map<string, TextRow[]>();
  for (const t of texts) textsOf.set(t.response_id, [...(textsOf.get(t.response_id) ?? []), t]);
  const contactOf = new Map(contacts.map((c) => [c.id, c]));
  const questions = openTextQuestions(deps);
  const out: ResponseFacts[] = [];
  for (const row of found) {
    const c = row.respondent_id ? contactOf.get(row.respondent_id) : undefined;
    const externalId = row.customer_external_id ?? c?.external_id ?? null;
    const key = externalId ? `x:${externalId}` : c?.email_hash ? `e:${c.email_hash}` : row.respondent_id ? `r:${row.respondent_id}` : `a:${row.id}`;
    const metadata = stringMetadata(row.metadata);
    const scores: AnswerFacts['scores'] = {};
    if (row.nps !== null) scores.nps = row.nps;
    if (row.csat !== null) scores.csat = row.csat;
    if (row.ces !== null) scores.ces = row.ces;
    const own = textsOf.get(row.id) ?? [];
    out.push({
      row, metadata, quote: (own.find((t) => t.sentiment_label === 'negative') ?? own[0])?.text ?? null, hasText: await hasOpenText(row, await questions(workspaceId, row.survey_id)),
      facts: { scores, text: combineTexts(own), metadata },
      customer: { key, externalId, emailHash: c?.email_hash ?? null, emailEnc: c?.email_enc ?? null, nameEnc: c?.name_enc ?? null },
    });
  }
  return out;
}

/**
 * Counts the customer's negative answers in the `days` before `at` (this one included), read once
 * per customer for the longest window any rule asks. Scores only: earlier texts' labels are not read.
 */
export async function negativeHistory(deps: Deps, workspaceId: string, f: ResponseFacts, maxDays: number): Promise<(days: number) => number> {
  const at = Date.parse(f.row.created_at);
  if (f.customer.key.startsWith('a:')) return () => (isNegative(f.facts) ? 1 : 0);
  const who = { externalIds: f.customer.externalId ? [f.customer.externalId] : [], emailHashes: f.customer.emailHash ? [f.customer.emailHash] : [] };
  const rows = who.externalIds.length || who.emailHashes.length ? await responsesOfPerson(deps.db, workspaceId, who, null, 500) : [];
  const since = at - maxDays * 86_400_000;
  const recent = rows.filter((r) => r.id !== f.row.id && Date.parse(r.created_at) >= since && Date.parse(r.created_at) <= at && r.status === 'complete' && isNegative({ scores: { nps: r.nps ?? undefined, csat: r.csat ?? undefined, ces: r.ces ?? undefined } }));
  const self = isNegative(f.facts) ? 1 : 0;
  return (days) => self + recent.filter((r) => Date.parse(r.created_at) >= at - days * 86_400_000).length;
}
