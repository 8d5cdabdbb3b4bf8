/**
 * Survey logic shared by the server, the web app, the respondent page and the widget.
 * Zod-free on purpose (types only): the widget bundle must stay tiny.
 */
import type { Question, QuestionType, SurveyDefinition } from './contracts/survey.js';
import type { AnswerValue, Answers } from './contracts/response.js';
import type { LocalizedText } from './contracts/i18n.js';

/** The fixed scale of each scored question type; rating takes its own. */
export const SCALES: Record<'nps' | 'csat' | 'ces', { min: number; max: number }> = {
  nps: { min: 0, max: 10 },
  csat: { min: 1, max: 5 },
  ces: { min: 1, max: 7 },
};

export function isScored(t: QuestionType): t is 'nps' | 'csat' | 'ces' | 'rating' {
  return t === 'nps' || t === 'csat' || t === 'ces' || t === 'rating';
}

export function scaleOf(q: Question): { min: number; max: number } {
  if (q.type === 'nps' || q.type === 'csat' || q.type === 'ces') return SCALES[q.type];
  return q.scale ?? { min: 1, max: 5 };
}

/**
 * Picks the best language from a list of candidates (link parameter first, then the
 * browser's languages) among those a survey offers. zh-TW/zh-HK map to zh-Hant, zh-CN/zh-SG to zh-Hans.
 */
export function pickLanguage(offered: readonly string[], wanted: readonly string[], fallback: string): string {
  const canon = (tag: string) => {
    const t = tag.trim().toLowerCase();
    if (t === 'zh-tw' || t === 'zh-hk' || t === 'zh-mo' || t.startsWith('zh-hant')) return 'zh-hant';
    if (t === 'zh' || t === 'zh-cn' || t === 'zh-sg' || t.startsWith('zh-hans')) return 'zh-hans';
    return t;
  };
  const byCanon = new Map(offered.map((o) => [canon(o), o]));
  for (const w of wanted) {
    const c = canon(w);
    const exact = byCanon.get(c);
    if (exact) return exact;
    const base = c.split('-')[0];
    for (const [k, v] of byCanon) if (k.split('-')[0] === base) return v;
  }
  return offered.includes(fallback) ? fallback : (offered[0] ?? fallback);
}

/** Text of a LocalizedText in a language, falling back to a default and then any language. */
export function localize(text: LocalizedText | undefined, lang: string, fallback = 'en'): string {
  if (!text) return '';
  return text[lang] ?? text[fallback] ?? Object.values(text)[0] ?? '';
}

export interface AnswerIssue {
  path: (string | number)[];
  message: string;
}

/** Questions a respondent sees given the answers so far (follow-ups by score range). */
export function visibleQuestions(def: SurveyDefinition, answers: Answers): Question[] {
  return def.questions.filter((q) => {
    if (!q.showIf) return true;
    const v = answers[q.showIf.questionId];
    return typeof v === 'number' && v >= q.showIf.min && v <= q.showIf.max;
  });
}

/**
 * Checks answers against a survey: types, scales, option ids, required questions (only when
 * complete and only those visible), and no answers to unknown or hidden questions.
 */
export function validateAnswers(def: SurveyDefinition, answers: Answers, complete: boolean): AnswerIssue[] {
  const issues: AnswerIssue[] = [];
  const byId = new Map(def.questions.map((q) => [q.id, q]));
  const visible = new Set(visibleQuestions(def, answers).map((q) => q.id));
  for (const [id, value] of Object.entries(answers)) {
    const q = byId.get(id);
    const path = ['answers', id];
    if (!q) { issues.push({ path, message: 'no such question in this survey' }); continue; }
    if (!visible.has(id)) { issues.push({ path, message: 'question is not shown for these answers' }); continue; }
    const problem = checkValue(q, value);
    if (problem) issues.push({ path, message: problem });
  }
  if (complete) {
    for (const q of def.questions) {
      if (q.required && visible.has(q.id) && isEmpty(answers[q.id]))
        issues.push({ path: ['answers', q.id], message: 'required' });
    }
  }
  return issues;
}

function isEmpty(v: AnswerValue | undefined): boolean {
  return v === undefined || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);
}

function checkValue(q: Question, v: AnswerValue): string | null {
  if (isScored(q.type)) {
    const { min, max } = scaleOf(q);
    if (typeof v !== 'number' || !Number.isInteger(v)) return `must be an integer from ${min} to ${max}`;
    return v < min || v > max ? `must be from ${min} to ${max}` : null;
  }
  const ids = new Set((q.options ?? []).map((o) => o.id));
  if (q.type === 'single_choice') {
    if (typeof v !== 'string' || !ids.has(v)) return 'must be one of the option ids';
    return null;
  }
  if (q.type === 'multiple_choice') {
    if (!Array.isArray(v) || v.some((x) => !ids.has(x))) return 'must be a list of option ids';
    return new Set(v).size === v.length ? null : 'option ids must not repeat';
  }
  return typeof v === 'string' ? null : 'must be text';
}

/** The first NPS, CSAT and CES answers, stored beside the response so metrics need no JSON parsing. */
export function headlineScores(def: SurveyDefinition, answers: Answers): { nps: number | null; csat: number | null; ces: number | null } {
  const pick = (t: 'nps' | 'csat' | 'ces') => {
    const q = def.questions.find((x) => x.type === t && typeof answers[x.id] === 'number');
    return q ? (answers[q.id] as number) : null;
  };
  return { nps: pick('nps'), csat: pick('csat'), ces: pick('ces') };
}

