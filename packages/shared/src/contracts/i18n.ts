import { z } from 'zod';

/** Languages the UI and surveys are written in. Survey text may add other BCP 47 tags. */
export const UI_LANGUAGES = ['en', 'zh-Hant', 'zh-Hans'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

export const LanguageTag = z
  .string()
  .regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, 'must be a language tag such as en or zh-Hant');

/** Text in several languages, keyed by language tag: { en: "…", "zh-Hant": "…" }. */
export const LocalizedText = z
  .record(LanguageTag, z.string().max(2000))
  .refine((v) => Object.keys(v).length > 0, 'needs text in at least one language');
export type LocalizedText = z.infer<typeof LocalizedText>;
export { pickLanguage, localize } from '../survey-logic.js';

