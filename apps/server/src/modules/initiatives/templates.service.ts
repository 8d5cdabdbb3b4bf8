/** The starter templates as records: each call makes new initiatives (no idempotence wanted). */
import { analyzeBusinessCase, shopeeTemplate, type BusinessCaseInput, type Initiative, type InitiativeSummary, type UiLanguage } from '@touchpoint/shared';
import type { Deps } from '../../deps.js';
import { workspaceToday } from '../strategy/index.js';
import { getInitiative, insertInitiatives, listInitiatives, type Ctx } from './initiatives.service.js';
import { innovationAreaInputs, shopeeInput } from './templates.js';

export async function createInnovationAreas(deps: Deps, ctx: Ctx, lang: UiLanguage): Promise<{ items: InitiativeSummary[] }> {
  const rows = await insertInitiatives(deps, ctx, innovationAreaInputs(lang).map((input) => ({ input })), 'initiative.created_from_template');
  const ids = new Set(rows.map((r) => r.id));
  return { items: (await listInitiatives(deps, ctx.workspaceId, {})).items.filter((i) => ids.has(i.id)) };
}

/** The Shopee case's line labels in the UI language (the formula's template is in English). */
const SHOPEE_LABELS: Record<Exclude<UiLanguage, 'en'>, Record<string, string>> = {
  'zh-Hant': { build: '推薦引擎開發', cloud: '雲端基礎設施', training: '員工培訓', maintenance: '維護', revenue: '推薦帶來的額外營收', savings: '營運成本節省' },
  'zh-Hans': { build: '推荐引擎开发', cloud: '云基础设施', training: '员工培训', maintenance: '维护', revenue: '推荐带来的额外营收', savings: '运营成本节省' },
};

export function shopeeCase(today: string, lang: UiLanguage): BusinessCaseInput {
  const input = shopeeTemplate(today);
  if (lang === 'en') return input;
  const names = SHOPEE_LABELS[lang];
  const label = <T extends { id: string; label: string }>(l: T): T => ({ ...l, label: names[l.id] ?? l.label });
  return { ...input, costs: input.costs.map(label), benefits: input.benefits.map(label) };
}

export async function createShopeeExample(deps: Deps, ctx: Ctx, lang: UiLanguage): Promise<Initiative> {
  const businessCase = shopeeCase(await workspaceToday(deps, ctx.workspaceId), lang);
  const a = analyzeBusinessCase(businessCase);
  const [row] = await insertInitiatives(deps, ctx, [{ input: shopeeInput(lang, a.totalCost, a.currency), businessCase }], 'initiative.created_from_template');
  return getInitiative(deps, ctx.workspaceId, row.id);
}
