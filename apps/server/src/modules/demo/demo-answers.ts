/**
 * Fills in one respondent's answers for any survey definition, walking the questions in order
 * the way the respondent page shows them: hidden follow-ups are skipped, required questions are
 * always answered, scores follow one underlying satisfaction so NPS, CSAT and CES agree with
 * each other, and open text is drawn from the corpus with a sentiment that matches the score.
 */
import { scaleOf, isScored, type Answers, type Question, type SurveyDefinition } from '@touchpoint/shared';
import { drawComment, type DemoLanguage, type Sentiment, type Theme } from './demo-corpus.js';
import { clamp, gaussian, hashString, WeightedPicker, type Rand } from './demo-random.js';

/** A definition plus what is worth computing once rather than per response. */
export interface PreparedSurvey {
  definition: SurveyDefinition;
  /** Per choice question: fixed, uneven option popularity (a real menu always has favourites). */
  optionPickers: Map<string, WeightedPicker<string>>;
}

export function prepareSurvey(definition: SurveyDefinition): PreparedSurvey {
  const optionPickers = new Map<string, WeightedPicker<string>>();
  for (const q of definition.questions) {
    if (!q.options?.length) continue;
    // Weights from a hash of the ids: stable across runs and seeds, different per option.
    optionPickers.set(q.id, new WeightedPicker(q.options.map((o) => [o.id, 1 + (hashString(`${q.id}/${o.id}`) % 6)] as const)));
  }
  return { definition, optionPickers };
}

export interface RespondentContext {
  rand: Rand;
  /** 0 (furious) … 1 (delighted): every score is this plus a little per-question noise. */
  satisfaction: number;
  language: DemoLanguage;
  /** What this respondent's comments are likely about (depends on the touchpoint). */
  themes: WeightedPicker<Theme>;
  /** questionId → option id the situation suggests (a store visit was ordered "in store" …). */
  choiceHints: Record<string, string>;
}

/** How often people bother with an optional question of each kind. */
const ANSWER_RATE = { scored: 0.9, single_choice: 0.82, multiple_choice: 0.78, open_text: 0.42, follow_up: 0.6 };

function scoreFor(q: Question, ctx: RespondentContext): number {
  const { min, max } = scaleOf(q);
  const u = clamp(ctx.satisfaction + 0.07 * gaussian(ctx.rand), 0, 1);
  return Math.round(min + u * (max - min));
}

/** Where a score sits on its scale, 0–1, so NPS 6, CSAT 3 and CES 4 all read as "unhappy". */
function normalised(q: Question, value: number): number {
  const { min, max } = scaleOf(q);
  return (value - min) / (max - min);
}

/** Detractors mostly complain, promoters mostly praise, but not always (people are mixed). */
function sentimentFor(rand: Rand, norm: number): Sentiment {
  const [negative, neutral] = norm < 0.65 ? [0.75, 0.2] : norm < 0.85 ? [0.22, 0.53] : [0.04, 0.16];
  const r = rand();
  return r < negative ? 'negative' : r < negative + neutral ? 'neutral' : 'positive';
}

function pickMany(rand: Rand, q: Question, picker: WeightedPicker<string>, hint: string | undefined): string[] {
  const available = q.options!.length;
  const r = rand();
  const wanted = Math.min(available, r < 0.5 ? 1 : r < 0.8 ? 2 : r < 0.95 ? 3 : 4);
  const chosen = new Set<string>();
  if (hint && rand() < 0.85) chosen.add(hint);
  for (let tries = 0; chosen.size < wanted && tries < 20; tries++) chosen.add(picker.pick(rand));
  // Keep the order the options appear in, as the respondent page submits them.
  return q.options!.map((o) => o.id).filter((id) => chosen.has(id));
}

function choiceFor(q: Question, prepared: PreparedSurvey, ctx: RespondentContext): string | string[] {
  const picker = prepared.optionPickers.get(q.id)!;
  const hint = q.options!.some((o) => o.id === ctx.choiceHints[q.id]) ? ctx.choiceHints[q.id] : undefined;
  if (q.type === 'multiple_choice') return pickMany(ctx.rand, q, picker, hint);
  return hint && ctx.rand() < 0.85 ? hint : picker.pick(ctx.rand);
}

/** The score a comment reacts to: the follow-up's trigger, else the latest score given. */
function drivingScore(q: Question, def: SurveyDefinition, answers: Answers, lastScored: Question | null): number | null {
  const trigger = q.showIf ? def.questions.find((x) => x.id === q.showIf!.questionId) : lastScored;
  if (!trigger) return null;
  const v = answers[trigger.id];
  return typeof v === 'number' ? normalised(trigger, v) : null;
}

export function fillAnswers(prepared: PreparedSurvey, ctx: RespondentContext): Answers {
  const def = prepared.definition;
  const answers: Answers = {};
  let lastScored: Question | null = null;
  for (const q of def.questions) {
    if (q.showIf) {
      const trigger = answers[q.showIf.questionId];
      if (typeof trigger !== 'number' || trigger < q.showIf.min || trigger > q.showIf.max) continue;
    }
    if (isScored(q.type)) {
      if (q.required || ctx.rand() < ANSWER_RATE.scored) {
        answers[q.id] = scoreFor(q, ctx);
        lastScored = q;
      }
    } else if (q.type === 'open_text') {
      const norm = drivingScore(q, def, answers, lastScored) ?? ctx.satisfaction;
      const sentiment = sentimentFor(ctx.rand, norm);
      // Unhappy customers are the likeliest to write something.
      const rate = (q.showIf ? ANSWER_RATE.follow_up : ANSWER_RATE.open_text) + (sentiment === 'negative' ? 0.12 : 0);
      if (q.required || ctx.rand() < rate)
        answers[q.id] = drawComment(ctx.rand, ctx.language, ctx.themes.pick(ctx.rand), sentiment).text;
    } else if (q.options?.length) {
      if (q.required || ctx.rand() < ANSWER_RATE[q.type as 'single_choice' | 'multiple_choice'])
        answers[q.id] = choiceFor(q, prepared, ctx);
    }
  }
  return answers;
}

/** A response abandoned part-way: only the first one or two answers, in question order. */
export function truncateAnswers(def: SurveyDefinition, answers: Answers, keep: number): Answers {
  const out: Answers = {};
  for (const q of def.questions) {
    if (Object.keys(out).length >= keep) break;
    if (q.id in answers) out[q.id] = answers[q.id];
  }
  return out;
}
