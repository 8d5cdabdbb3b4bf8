/**
 * The workspace taxonomy: themes defined by keywords and examples in any script. A workspace is
 * seeded with the starter taxonomy on first use. Every change bumps the version and, in the same
 * transaction, (re)starts the re-tag job at the beginning of history (retag.service.ts): a second
 * edit during a re-tag restarts it for the newer version, as older results would be stale anyway.
 */
import crypto from 'node:crypto';
import { compileTaxonomy, DEFAULT_TAXONOMY, type CompiledTaxonomy } from '@touchpoint/text';
import type { Theme, ThemeInput, ThemePatch, TaxonomyView, UiLanguage } from '@touchpoint/shared';
import type { Deps } from '../../deps.js';
import type { Trx } from '../../schema.js';
import type { Actor } from '../../platform/http/access.js';
import { conflict, notFound } from '../../platform/http/errors.js';
import { SYSTEM_ACTOR, writeAudit } from '../../platform/audit.js';
import { isUniqueViolation } from '../../platform/db/dialect.js';
import type { TextThemesTable } from './text.tables.js';
import * as repo from './taxonomy.repo.js';
import { countAnalyses } from './analyses.repo.js';

export interface Ctx { workspaceId: string; actor: Actor }

export function presentTheme(r: TextThemesTable): Theme {
  return { id: r.id, name: r.name, names: JSON.parse(r.names ?? '{}'), keywords: JSON.parse(r.keywords), examples: JSON.parse(r.examples), createdAt: r.created_at, updatedAt: r.updated_at };
}

/** Seeds the starter taxonomy once; a concurrent first use that lost the race just reads. */
export async function ensureTaxonomy(deps: Deps, workspaceId: string): Promise<void> {
  if (await repo.taxonomyVersion(deps.db, workspaceId)) return;
  const now = new Date().toISOString();
  try {
    await deps.db.transaction().execute(async (trx) => {
      await repo.insertTaxonomy(trx, workspaceId, now);
      await repo.insertThemes(trx, DEFAULT_TAXONOMY.map((t) => ({
        workspace_id: workspaceId, id: t.id, name: t.name, names: JSON.stringify(t.names), keywords: JSON.stringify(t.keywords), examples: JSON.stringify(t.examples), created_at: now, updated_at: now,
      })));
      await writeAudit(trx, { workspaceId, actor: SYSTEM_ACTOR, action: 'text_taxonomy.seeded', targetType: 'text_taxonomy', targetId: workspaceId, details: { themes: DEFAULT_TAXONOMY.map((t) => t.id) } });
    });
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
  }
}

export interface LoadedTaxonomy { version: number; compiled: CompiledTaxonomy; names: Map<string, string>; themes: Theme[] }

/** A theme's name in `lang` (Accept-Language), else its default name; undefined for a deleted theme. */
export function themeName(tax: LoadedTaxonomy, id: string, lang: UiLanguage | null): string | undefined {
  const fallback = tax.names.get(id);
  if (fallback === undefined || !lang) return fallback;
  return tax.themes.find((t) => t.id === id)?.names[lang] ?? fallback;
}
const compiledCache = new Map<string, LoadedTaxonomy>();

/** The compiled taxonomy of a version (compiling runs the aspect extractor over examples: cached). */
export async function loadTaxonomy(deps: Deps, workspaceId: string): Promise<LoadedTaxonomy> {
  await ensureTaxonomy(deps, workspaceId);
  return taxonomyIn(deps.db, workspaceId);
}

/** The same inside a transaction (the taxonomy exists; nothing is seeded here). */
export async function taxonomyIn(db: Deps['db'] | Trx, workspaceId: string): Promise<LoadedTaxonomy> {
  const v = (await repo.taxonomyVersion(db, workspaceId))!.version;
  const key = workspaceId;
  const hit = compiledCache.get(key);
  if (hit?.version === v) return hit;
  const themes = (await repo.listThemes(db, workspaceId)).map(presentTheme);
  const loaded = { version: v, compiled: compileTaxonomy(themes), names: new Map(themes.map((t) => [t.id, t.name])), themes };
  compiledCache.set(key, loaded);
  return loaded;
}

export async function getTaxonomy(deps: Deps, workspaceId: string): Promise<TaxonomyView> {
  await ensureTaxonomy(deps, workspaceId);
  const [v, themes, job] = await Promise.all([repo.taxonomyVersion(deps.db, workspaceId), repo.listThemes(deps.db, workspaceId), repo.getJob(deps.db, workspaceId, 'retag')]);
  return { version: v!.version, themes: themes.map(presentTheme), retag: repo.jobProgress(job) };
}

/** An id from the name ("Wait time" → wait-time); names without Latin letters get a random one. */
function themeIdFor(name: string): string {
  const slug = name.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 48);
  return slug || `theme-${crypto.randomBytes(3).toString('hex')}`;
}

/** The change, its audit row, the version bump and the re-tag's fresh cursor: one transaction. */
async function changeTaxonomy(deps: Deps, ctx: Ctx, write: (trx: Trx, now: string) => Promise<void>, audit: { action: string; targetId: string; details?: Record<string, unknown> }) {
  await ensureTaxonomy(deps, ctx.workspaceId);
  const now = new Date().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    const version = await repo.bumpVersion(trx, ctx.workspaceId, now);
    await write(trx, now);
    const total = await countAnalyses(trx, ctx.workspaceId);
    await repo.saveJob(trx, { workspace_id: ctx.workspaceId, kind: 'retag', cursor_at: '', cursor_id: '', done: 0, total, target_version: version, started_at: now });
    await writeAudit(trx, { workspaceId: ctx.workspaceId, actor: ctx.actor, action: audit.action, targetType: 'text_theme', targetId: audit.targetId, details: { ...audit.details, version } });
  });
}

export async function createTheme(deps: Deps, ctx: Ctx, input: ThemeInput): Promise<Theme> {
  const id = input.id ?? themeIdFor(input.name);
  try {
    await changeTaxonomy(deps, ctx, async (trx, now) => {
      await repo.insertThemes(trx, [{ workspace_id: ctx.workspaceId, id, name: input.name, names: JSON.stringify(input.names ?? {}), keywords: JSON.stringify(input.keywords), examples: JSON.stringify(input.examples), created_at: now, updated_at: now }]);
    }, { action: 'text_theme.created', targetId: id, details: { name: input.name, keywords: input.keywords.length, examples: input.examples.length } });
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict('theme_exists', `a theme with id "${id}" exists already`);
    throw err;
  }
  return presentTheme((await repo.findTheme(deps.db, ctx.workspaceId, id))!);
}

export async function updateTheme(deps: Deps, ctx: Ctx, id: string, patch: ThemePatch): Promise<Theme> {
  await ensureTaxonomy(deps, ctx.workspaceId);
  const current = await repo.findTheme(deps.db, ctx.workspaceId, id);
  if (!current) throw notFound('theme');
  const cols: Partial<TextThemesTable> = {
    ...(patch.name !== undefined ? { name: patch.name } : {}),
    ...(patch.names ? { names: JSON.stringify(patch.names) } : {}),
    ...(patch.keywords ? { keywords: JSON.stringify(patch.keywords) } : {}),
    ...(patch.examples ? { examples: JSON.stringify(patch.examples) } : {}),
  };
  await changeTaxonomy(deps, ctx, async (trx, now) => {
    const r = await repo.updateTheme(trx, ctx.workspaceId, id, { ...cols, updated_at: now });
    if (!Number(r.numUpdatedRows)) throw notFound('theme');
  }, { action: 'text_theme.updated', targetId: id, details: { fields: Object.keys(patch) } });
  return presentTheme((await repo.findTheme(deps.db, ctx.workspaceId, id))!);
}

export async function deleteTheme(deps: Deps, ctx: Ctx, id: string): Promise<void> {
  await ensureTaxonomy(deps, ctx.workspaceId);
  await changeTaxonomy(deps, ctx, async (trx) => {
    const r = await repo.deleteTheme(trx, ctx.workspaceId, id);
    if (!Number(r.numDeletedRows)) throw notFound('theme');
    await repo.deleteThemeTags(trx, ctx.workspaceId, id);
  }, { action: 'text_theme.deleted', targetId: id });
}
