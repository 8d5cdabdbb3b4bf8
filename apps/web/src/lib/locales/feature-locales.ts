/**
 * Larger features keep their strings in their own folders, so each can change without touching
 * the big per-language files: `cases/` (inbox and case page, under `cases.*`), `cases-admin/`
 * (rules, teams, SLA, loop numbers, under `casesAdmin.*`), `competitors/` (competitor records,
 * under `competitors.*`), `initiatives/` (the innovation portfolio and business cases, under
 * `initiatives.*`) and `strategy/` (gap analyses, SMART goals, target-market worksheets, under
 * `strategy.*`).
 */
import type { UiLanguage } from '@touchpoint/shared';
import casesEn from './cases/en.json';
import casesZhHant from './cases/zh-Hant.json';
import casesZhHans from './cases/zh-Hans.json';
import adminEn from './cases-admin/en.json';
import adminZhHant from './cases-admin/zh-Hant.json';
import adminZhHans from './cases-admin/zh-Hans.json';
import competitorsEn from './competitors/en.json';
import competitorsZhHant from './competitors/zh-Hant.json';
import competitorsZhHans from './competitors/zh-Hans.json';
import initiativesEn from './initiatives/en.json';
import initiativesZhHant from './initiatives/zh-Hant.json';
import initiativesZhHans from './initiatives/zh-Hans.json';
import strategyEn from './strategy/en.json';
import strategyZhHant from './strategy/zh-Hant.json';
import strategyZhHans from './strategy/zh-Hans.json';

const FEATURES = {
  cases: { en: casesEn, 'zh-Hant': casesZhHant, 'zh-Hans': casesZhHans },
  casesAdmin: { en: adminEn, 'zh-Hant': adminZhHant, 'zh-Hans': adminZhHans },
  competitors: { en: competitorsEn, 'zh-Hant': competitorsZhHant, 'zh-Hans': competitorsZhHans },
  initiatives: { en: initiativesEn, 'zh-Hant': initiativesZhHant, 'zh-Hans': initiativesZhHans },
  strategy: { en: strategyEn, 'zh-Hant': strategyZhHant, 'zh-Hans': strategyZhHans },
} as const;

type Mounted = { [K in keyof typeof FEATURES]: object };

export function withFeatureLocales<T extends object>(lng: UiLanguage, base: T): T & Mounted {
  const mounted = Object.fromEntries(Object.entries(FEATURES).map(([k, v]) => [k, v[lng]])) as Mounted;
  return { ...base, ...mounted };
}
