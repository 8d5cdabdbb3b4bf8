import { isScored } from '../survey-logic.js';
export { SCALES, isScored, scaleOf } from '../survey-logic.js';
import { z } from 'zod';
import { LanguageTag, LocalizedText } from './i18n.js';

export const QUESTION_TYPES = ['nps', 'csat', 'ces', 'rating', 'single_choice', 'multiple_choice', 'open_text'] as const;
export const QuestionType = z.enum(QUESTION_TYPES);
export type QuestionType = z.infer<typeof QuestionType>;

const Id = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, 'lowercase letters, digits, _ or -, at most 40');

export const ChoiceOption = z.object({ id: Id, label: LocalizedText });
export type ChoiceOption = z.infer<typeof ChoiceOption>;

/** Shows a question only when an earlier scored question's answer lies in [min, max]. */
export const ShowIf = z.object({ questionId: Id, min: z.number().int(), max: z.number().int() });
export type ShowIf = z.infer<typeof ShowIf>;

export const Question = z.object({
  id: Id,
  type: QuestionType,
  title: LocalizedText,
  description: LocalizedText.optional(),
  required: z.boolean().default(false),
  options: z.array(ChoiceOption).max(50).optional(),
  scale: z.object({ min: z.number().int().min(0).max(10), max: z.number().int().min(1).max(10) }).optional(),
  showIf: ShowIf.optional(),
});
export type Question = z.infer<typeof Question>;

export const SurveyDefinition = z
  .object({
    languages: z.array(LanguageTag).min(1).max(20),
    defaultLanguage: LanguageTag,
    intro: LocalizedText.optional(),
    thankYou: LocalizedText,
    questions: z.array(Question).min(1).max(100),
  })
  .superRefine((def, ctx) => {
    if (!def.languages.includes(def.defaultLanguage))
      ctx.addIssue({ code: 'custom', path: ['defaultLanguage'], message: 'must be one of languages' });
    const seen = new Map<string, number>();
    def.questions.forEach((q, i) => {
      if (seen.has(q.id)) ctx.addIssue({ code: 'custom', path: ['questions', i, 'id'], message: 'duplicate question id' });
      seen.set(q.id, i);
      const choice = q.type === 'single_choice' || q.type === 'multiple_choice';
      if (choice && (!q.options || q.options.length < 2))
        ctx.addIssue({ code: 'custom', path: ['questions', i, 'options'], message: 'needs at least two options' });
      if (q.type === 'rating' && q.scale && q.scale.min >= q.scale.max)
        ctx.addIssue({ code: 'custom', path: ['questions', i, 'scale'], message: 'min must be below max' });
      if (q.showIf) {
        const at = seen.get(q.showIf.questionId);
        const target = at === undefined ? undefined : def.questions[at];
        if (!target || at === i || !isScored(target.type))
          ctx.addIssue({ code: 'custom', path: ['questions', i, 'showIf', 'questionId'], message: 'must name an earlier scored question' });
      }
    });
  });
export type SurveyDefinition = z.infer<typeof SurveyDefinition>;

export const SURVEY_STATUSES = ['draft', 'live', 'closed'] as const;
export const SurveyStatus = z.enum(SURVEY_STATUSES);
export type SurveyStatus = z.infer<typeof SurveyStatus>;

export const SurveyInput = z.object({
  name: z.string().trim().min(1).max(200),
  definition: SurveyDefinition,
});
export type SurveyInput = z.infer<typeof SurveyInput>;

export const Survey = z.object({
  id: z.string(),
  workspaceId: z.string(),
  publicId: z.string(),
  name: z.string(),
  status: SurveyStatus,
  definition: SurveyDefinition,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Survey = z.infer<typeof Survey>;

/** What the respondent page and the widget receive: no internal ids. */
export const PublicSurvey = z.object({
  publicId: z.string(),
  name: z.string(),
  status: SurveyStatus,
  definition: SurveyDefinition,
});
export type PublicSurvey = z.infer<typeof PublicSurvey>;

