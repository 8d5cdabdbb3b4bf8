/** Showing survey content (written in the survey's languages) inside the admin UI (in the reader's). */
import { localize, pickLanguage } from '@touchpoint/shared/survey-logic';
import type { LocalizedText, SurveyDefinition, SurveyStatus } from '@touchpoint/shared';
import type { Tone } from '../../ui/Badge';

/** The survey language closest to the UI language: a zh-Hant reader sees zh-Hant titles when offered. */
export function readerLanguage(def: Pick<SurveyDefinition, 'languages' | 'defaultLanguage'>, uiLanguage: string): string {
  return pickLanguage(def.languages, [uiLanguage], def.defaultLanguage);
}

export function textIn(text: LocalizedText | undefined, lang: string, fallback: string): string {
  return localize(text, lang, fallback);
}

export const STATUS_TONE: Record<SurveyStatus, Tone> = { draft: 'neutral', live: 'success', closed: 'warning' };

/** Native names of the survey languages the builder offers. */
export const SURVEY_LANGUAGE_NAMES: Record<string, string> = { en: 'English', 'zh-Hant': '繁體中文', 'zh-Hans': '简体中文' };
export const languageLabel = (tag: string) => SURVEY_LANGUAGE_NAMES[tag] ?? tag;
