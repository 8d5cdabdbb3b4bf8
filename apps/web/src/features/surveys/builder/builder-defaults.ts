/**
 * Starting content for new surveys and questions. Standard NPS / CSAT / CES wording is filled in
 * every offered language the UI has translations for, so a bilingual survey starts bilingual.
 */
import i18next from 'i18next';
import { UI_LANGUAGES, type LocalizedText, type QuestionType, type SurveyDefinition } from '@touchpoint/shared';
import { newQuestion, type Draft } from './builder-state';

const DEFAULT_TITLE_KEYS: Partial<Record<QuestionType, string>> = {
  nps: 'builder.defaults.nps',
  csat: 'builder.defaults.csat',
  ces: 'builder.defaults.ces',
};

function inLanguages(key: string, languages: string[]): LocalizedText {
  const out: LocalizedText = {};
  for (const l of languages) if ((UI_LANGUAGES as readonly string[]).includes(l)) out[l] = i18next.getFixedT(l)(key);
  return out;
}

export function defaultTitle(type: QuestionType, languages: string[]): LocalizedText {
  const key = DEFAULT_TITLE_KEYS[type];
  return key ? inLanguages(key, languages) : {};
}

export function initialDraft(uiLanguage: string): Draft {
  const languages = [uiLanguage];
  const nps = newQuestion('nps', []);
  return {
    name: '',
    definition: {
      languages,
      defaultLanguage: uiLanguage,
      thankYou: inLanguages('builder.defaults.thankYou', languages),
      questions: [{ ...nps, title: defaultTitle('nps', languages) }],
    },
  };
}

/**
 * When a language is ticked, standard texts still in their default wording (NPS/CSAT/CES titles,
 * the thank-you message) get that language's default wording too. Anything a person has written
 * is left alone: we cannot translate it, and guessing would be worse than a visible gap.
 */
export function withDefaultTexts(def: SurveyDefinition, previousLanguages: string[]): SurveyDefinition {
  const added = def.languages.filter((l) => !previousLanguages.includes(l) && (UI_LANGUAGES as readonly string[]).includes(l));
  if (!added.length) return def;
  const fill = (text: LocalizedText | undefined, key: string): LocalizedText | undefined => {
    const current = Object.entries(text ?? {}).filter(([, v]) => v.trim());
    const untouched = current.length > 0 && current.every(([l, v]) => (UI_LANGUAGES as readonly string[]).includes(l) && v === i18next.getFixedT(l)(key));
    if (!untouched) return text;
    return { ...text, ...inLanguages(key, added.filter((l) => !text?.[l]?.trim())) };
  };
  return {
    ...def,
    thankYou: fill(def.thankYou, 'builder.defaults.thankYou') ?? def.thankYou,
    questions: def.questions.map((q) => {
      const key = DEFAULT_TITLE_KEYS[q.type];
      return key ? { ...q, title: fill(q.title, key) ?? q.title } : q;
    }),
  };
}
