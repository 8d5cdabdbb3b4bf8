/**
 * Driver analysis under a dashboard's filters: which themes pull NPS, CSAT or CES down or up.
 * Every response with a score in the filters counts (so the overall number is the dashboard's);
 * its themes are those of its analysed open-text answers still in the taxonomy (a theme deleted
 * since tagging is left out, as the explorer does). The numbers are formulas/drivers.ts over them:
 * from per-score counts the store sums, or, under a metadata or customer-segment filter (matched in code), from the rows.
 */
import { DriverCounter, driversFromCounts, type UiLanguage, type DriverMetric, type DriversResult, type DriversView } from '@touchpoint/shared';
import type { Deps } from '../../deps.js';
import { addDays, getMetricSettings, startOfLocalDay } from '../metrics/index.js';
import { scoreCounts, scoredResponses, themesOfResponses, type DriverFilter } from './drivers.repo.js';
import { loadTaxonomy, themeName } from './taxonomy.service.js';

export interface DriversQuery {
  metric: DriverMetric;
  /** Local days in the time zone (the workspace's by default), both inclusive. */
  from: string; to: string; timeZone?: string;
  surveyIds?: string[]; channels?: string[];
  meta?: { key: string; value: string };
  /** Only answers from members of this customer segment (matched in code, like a metadata filter). */
  segmentId?: string;
}

/** Responses per page: the theme look-up binds one parameter per response, far below every store's limit. */
const PAGE = 2_000;

export async function themeDrivers(deps: Deps, workspaceId: string, q: DriversQuery, lang: UiLanguage | null = null): Promise<DriversView> {
  const timeZone = q.timeZone ?? (await getMetricSettings(deps, workspaceId)).timeZone;
  const tax = await loadTaxonomy(deps, workspaceId);
  const f: DriverFilter = {
    workspaceId, metric: q.metric, surveyIds: q.surveyIds, channels: q.channels,
    startAt: startOfLocalDay(q.from, timeZone), endAt: startOfLocalDay(addDays(q.to, 1), timeZone),
  };
  const names = tax.names;
  const result = q.meta || q.segmentId ? await fromRows(deps, f, q, names) : await fromCounts(deps, f, names);
  return {
    metric: q.metric, from: q.from, to: q.to, timeZone, n: result.n, tagged: result.tagged, overall: result.overall,
    themes: result.themes.map(({ theme, ...rest }) => ({ id: theme, name: themeName(tax, theme, lang)!, ...rest })),
  };
}

/** The store sums per score; only the themes still in the taxonomy are asked for. */
async function fromCounts(deps: Deps, f: DriverFilter, names: ReadonlyMap<string, string>): Promise<DriversResult> {
  const min = f.metric === 'nps' ? 0 : 1;
  const c = await scoreCounts(deps.db, f, [...names.keys()]);
  const all: number[] = [];
  for (const r of c.overall) all[Number(r.score) - min] = Number(r.n);
  const byTheme = new Map<string, number[]>();
  for (const r of c.byTheme) {
    const h = byTheme.get(r.theme_id) ?? [];
    h[Number(r.score) - min] = Number(r.n);
    byTheme.set(r.theme_id, h);
  }
  return driversFromCounts(f.metric, { all, byTheme, tagged: c.tagged });
}

/** With a metadata or segment filter: pages of responses, matched here, and their themes by response id. */
async function fromRows(deps: Deps, f: DriverFilter, { meta, segmentId }: Pick<DriversQuery, 'meta' | 'segmentId'>, names: ReadonlyMap<string, string>): Promise<DriversResult> {
  const counter = new DriverCounter(f.metric);
  let after: { created_at: string; id: string } | null = null;
  for (;;) {
    const page = await scoredResponses(deps.db, f, after, PAGE);
    // Matched as the metrics' row path does: the key's value, as a string.
    let kept = meta ? page.filter((r) => metaOf(r.metadata)[meta.key] === meta.value) : page;
    if (segmentId && deps.segmentResponses) { const inSegment = await deps.segmentResponses(f.workspaceId, segmentId, kept); kept = kept.filter((r) => inSegment.has(r.id)); }
    const themes = new Map<string, string[]>();
    for (const t of await themesOfResponses(deps.db, f.workspaceId, kept.map((r) => r.id))) {
      if (!names.has(t.theme_id)) continue;
      const list = themes.get(t.response_id);
      if (list) list.push(t.theme_id); else themes.set(t.response_id, [t.theme_id]);
    }
    for (const r of kept) counter.add(Number(r.score), themes.get(r.id) ?? []);
    if (page.length < PAGE) break;
    after = page[page.length - 1];
  }
  return counter.result();
}

function metaOf(text: string): Record<string, unknown> {
  try { return JSON.parse(text || '{}') ?? {}; } catch { return {}; }
}
