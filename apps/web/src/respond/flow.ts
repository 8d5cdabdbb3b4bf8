import { validateAnswers, visibleQuestions } from '@touchpoint/shared/survey-logic';
import type { Answers, AnswerValue, Question, SurveyDefinition } from '@touchpoint/shared';

/**
 * The runner keeps every answer the respondent typed, even for follow-ups that a later score
 * change hid, so switching the score back restores them. What is validated and sent is this view:
 * no blank answers and nothing for hidden questions (the server rejects those).
 */
export function effectiveAnswers(def: SurveyDefinition, draft: Answers): Answers {
  let current: Answers = {};
  for (const [id, v] of Object.entries(draft)) if (!isBlank(v)) current[id] = v;
  // A hidden follow-up may itself gate another one, so prune until nothing changes.
  for (;;) {
    const visible = new Set(visibleQuestions(def, current).map((q) => q.id));
    const hidden = Object.keys(current).filter((id) => !visible.has(id));
    if (!hidden.length) return current;
    current = { ...current };
    for (const id of hidden) delete current[id];
  }
}

function isBlank(v: AnswerValue | undefined): boolean {
  return v === undefined || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);
}

export function withAnswer(draft: Answers, id: string, value: AnswerValue | undefined): Answers {
  const next = { ...draft };
  if (value === undefined) delete next[id];
  else next[id] = value;
  return next;
}

export interface Screen {
  questions: Question[];
  index: number;
  question: Question;
  isFirst: boolean;
  isLast: boolean;
}

/** The question shown at a position among those currently visible (clamped into range). */
export function screenAt(def: SurveyDefinition, draft: Answers, index: number): Screen {
  const questions = visibleQuestions(def, effectiveAnswers(def, draft));
  const i = Math.max(0, Math.min(index, questions.length - 1));
  return { questions, index: i, question: questions[i], isFirst: i === 0, isLast: i === questions.length - 1 };
}

/** First validation message per question id, optionally only for some questions. */
export function issuesByQuestion(
  def: SurveyDefinition,
  answers: Answers,
  complete: boolean,
  only?: readonly string[],
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of validateAnswers(def, answers, complete)) {
    const id = String(issue.path[1]);
    if ((!only || only.includes(id)) && !(id in out)) out[id] = issue.message;
  }
  return out;
}

/** Position of the first visible question that has an error, or -1. */
export function firstErrorIndex(questions: readonly Question[], errors: Record<string, string>): number {
  return questions.findIndex((q) => q.id in errors);
}
