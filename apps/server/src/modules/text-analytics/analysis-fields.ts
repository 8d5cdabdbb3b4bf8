/**
 * What one text's analysis stores, computed from `analyzeText` (pure: it runs on the analysis
 * thread, analysis.thread.mjs, and nowhere needs the store). Scores are rounded to 4 decimals so
 * that a re-run of the same model on the same text writes the same bytes.
 */
import { analyzeText, tagThemes, type CompiledTaxonomy } from '@touchpoint/text';

export interface ThemeTag { id: string; confidence: number }

export interface TextFields {
  language: string;
  score: number;
  label: string;
  keyPhrases: string[];
  aspects: { term: string; start: number; end: number; score: number; label: string }[];
  themes: ThemeTag[];
  cues: { anger: boolean; frustration: boolean; urgency: boolean };
  modelVersion: string;
}

const round = (x: number) => Math.round(x * 1e4) / 1e4;

export function textFields(text: string, taxonomy: CompiledTaxonomy): TextFields {
  const a = analyzeText(text, { taxonomy });
  return {
    language: a.language,
    score: round(a.sentiment.score),
    label: a.sentiment.label,
    keyPhrases: a.keyPhrases,
    aspects: a.aspects.map((x) => ({ term: x.term, start: x.start, end: x.end, score: round(x.sentiment), label: x.label })),
    themes: a.themes.map((t) => ({ id: t.id, confidence: round(t.confidence) })),
    cues: { anger: a.cues.anger, frustration: a.cues.frustration, urgency: a.cues.urgency },
    modelVersion: a.modelVersion,
  };
}

/** The themes step alone (what analyzeText does for themes): re-tags never re-run sentiment. */
export function themeTags(text: string, taxonomy: CompiledTaxonomy): ThemeTag[] {
  return tagThemes(text, taxonomy).map((t) => ({ id: t.id, confidence: round(t.confidence) }));
}
