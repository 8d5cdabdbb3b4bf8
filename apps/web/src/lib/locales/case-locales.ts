/**
 * The closed-loop screens keep their strings in their own files (`cases/` for the inbox and the
 * case page under `cases.*`, `cases-admin/` for rules, teams, SLA and loop numbers under
 * `casesAdmin.*`), so the two halves can change without touching the big per-language files.
 */
import type { UiLanguage } from '@touchpoint/shared';
import casesEn from './cases/en.json';
import casesZhHant from './cases/zh-Hant.json';
import casesZhHans from './cases/zh-Hans.json';
import adminEn from './cases-admin/en.json';
import adminZhHant from './cases-admin/zh-Hant.json';
import adminZhHans from './cases-admin/zh-Hans.json';

const CASES = { en: casesEn, 'zh-Hant': casesZhHant, 'zh-Hans': casesZhHans } as const;
const ADMIN = { en: adminEn, 'zh-Hant': adminZhHant, 'zh-Hans': adminZhHans } as const;

export function withCaseLocales<T extends object>(lng: UiLanguage, base: T): T & { cases: object; casesAdmin: object } {
  return { ...base, cases: CASES[lng], casesAdmin: ADMIN[lng] };
}
