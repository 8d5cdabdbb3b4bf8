/**
 * The survey builder's model, as pure functions so they are easy to test: new questions with
 * sensible ids, renames that keep follow-up conditions pointing at the right question, and the
 * clean-up that turns the editing draft into the body the server validates.
 */
import { isScored, type LocalizedText, type Question, type QuestionType, type SurveyDefinition, type SurveyInput } from '@touchpoint/shared';

export interface Draft { name: string; definition: SurveyDefinition }

/** Base ids per type; a second NPS becomes nps_2, and so on. */
const ID_BASE: Record<QuestionType, string> = {
  nps: 'nps', csat: 'csat', ces: 'ces', rating: 'rating',
  single_choice: 'choice', multiple_choice: 'choices', open_text: 'comment',
};

export const isChoice = (t: QuestionType) => t === 'single_choice' || t === 'multiple_choice';

export function nextId(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}_${n}`)) return `${base}_${n}`;
}

/** Whether an id is still the one we generated (then changing the type may rename it). */
export function isAutoId(id: string, type: QuestionType): boolean {
  return new RegExp(`^${ID_BASE[type]}(_\\d+)?$`).test(id);
}

/** Options are numbered option_1, option_2… skipping ids already used in the question. */
export function newOption(taken: string[]): { id: string; label: LocalizedText } {
  for (let n = 1; ; n++) if (!taken.includes(`option_${n}`)) return { id: `option_${n}`, label: {} };
}

export function newQuestion(type: QuestionType, takenIds: string[]): Question {
  const q: Question = { id: nextId(ID_BASE[type], takenIds), type, title: {}, required: type === 'nps' };
  if (isChoice(type)) {
    const first = newOption([]);
    q.options = [first, newOption([first.id])];
  }
  if (type === 'rating') q.scale = { min: 1, max: 5 };
  return q;
}

/** Changes a question's type, keeping its title and (for choice ↔ choice) its options. */
export function changeType(q: Question, type: QuestionType, takenIds: string[]): Question {
  const fresh = newQuestion(type, takenIds.filter((id) => id !== q.id));
  return {
    ...fresh,
    id: isAutoId(q.id, q.type) ? fresh.id : q.id,
    title: q.title,
    description: q.description,
    required: q.required,
    showIf: q.showIf,
    options: isChoice(type) ? (q.options?.length ? q.options : fresh.options) : undefined,
  };
}

export function updateQuestion(def: SurveyDefinition, index: number, next: Question): SurveyDefinition {
  const prev = def.questions[index];
  const questions = def.questions.map((q, i) => (i === index ? next : q));
  // A renamed question keeps the follow-ups that depend on it.
  if (prev && prev.id !== next.id) {
    for (const [i, q] of questions.entries())
      if (q.showIf?.questionId === prev.id) questions[i] = { ...q, showIf: { ...q.showIf, questionId: next.id } };
  }
  // A question that stops being scored cannot gate follow-ups any more.
  if (prev && isScored(prev.type) && !isScored(next.type)) return { ...def, questions: dropConditionsOn(questions, next.id) };
  return { ...def, questions };
}

export function addQuestion(def: SurveyDefinition, type: QuestionType): SurveyDefinition {
  return { ...def, questions: [...def.questions, newQuestion(type, def.questions.map((q) => q.id))] };
}

export function removeQuestion(def: SurveyDefinition, index: number): SurveyDefinition {
  const removed = def.questions[index];
  const rest = def.questions.filter((_, i) => i !== index);
  return { ...def, questions: removed ? dropConditionsOn(rest, removed.id) : rest };
}

function dropConditionsOn(questions: Question[], id: string): Question[] {
  return questions.map((q) => (q.showIf?.questionId === id ? { ...q, showIf: undefined } : q));
}

export function moveQuestion(def: SurveyDefinition, index: number, delta: -1 | 1): SurveyDefinition {
  const to = index + delta;
  if (to < 0 || to >= def.questions.length) return def;
  const questions = [...def.questions];
  [questions[index], questions[to]] = [questions[to], questions[index]];
  return { ...def, questions };
}

/** Scored questions before `index`: the ones a follow-up condition may name. */
export function conditionTargets(def: SurveyDefinition, index: number): Question[] {
  return def.questions.slice(0, index).filter((q) => isScored(q.type));
}

export function setLanguages(def: SurveyDefinition, languages: string[]): SurveyDefinition {
  if (!languages.length) return def;
  const defaultLanguage = languages.includes(def.defaultLanguage) ? def.defaultLanguage : languages[0];
  return { ...def, languages, defaultLanguage };
}

/** Keeps only the offered languages and drops blank translations (blank ≠ translated). */
function cleanText(text: LocalizedText | undefined, languages: string[]): LocalizedText | undefined {
  if (!text) return undefined;
  const out: LocalizedText = {};
  for (const l of languages) if (text[l]?.trim()) out[l] = text[l];
  return Object.keys(out).length ? out : undefined;
}

/** The body for POST/PATCH. Empty texts stay empty ({}), so the server names the field. */
export function toPayload(draft: Draft): SurveyInput {
  const { languages } = draft.definition;
  const def = draft.definition;
  return {
    name: draft.name.trim(),
    definition: {
      languages,
      defaultLanguage: def.defaultLanguage,
      ...(cleanText(def.intro, languages) ? { intro: cleanText(def.intro, languages) } : {}),
      thankYou: cleanText(def.thankYou, languages) ?? {},
      questions: def.questions.map((q) => {
        const out: Question = { id: q.id.trim(), type: q.type, title: cleanText(q.title, languages) ?? {}, required: !!q.required };
        const description = cleanText(q.description, languages);
        if (description) out.description = description;
        if (isChoice(q.type)) out.options = (q.options ?? []).map((o) => ({ id: o.id.trim(), label: cleanText(o.label, languages) ?? {} }));
        if (q.type === 'rating') out.scale = q.scale ?? { min: 1, max: 5 };
        if (q.showIf?.questionId) out.showIf = q.showIf;
        return out;
      }),
    },
  };
}

export const NPS_PRESETS = [
  { id: 'detractors', min: 0, max: 6 },
  { id: 'passives', min: 7, max: 8 },
  { id: 'promoters', min: 9, max: 10 },
] as const;
