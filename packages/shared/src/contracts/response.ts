import { z } from 'zod';
import { LanguageTag } from './i18n.js';

export const CHANNELS = ['link', 'widget', 'email', 'api', 'import', 'sms', 'app', 'kiosk', 'other'] as const;
export const Channel = z.enum(CHANNELS);
export type Channel = z.infer<typeof Channel>;

/** One answer: a score, a choice id, several choice ids, or free text. */
export const AnswerValue = z.union([
  z.number().int().min(0).max(10),
  z.string().max(10_000),
  z.array(z.string().max(40)).max(50),
]);
export type AnswerValue = z.infer<typeof AnswerValue>;
export const Answers = z.record(z.string().max(40), AnswerValue);
export type Answers = z.infer<typeof Answers>;

const MetaKey = z.string().regex(/^[A-Za-z0-9_.:-]{1,64}$/, 'letters, digits, _ . : - (1–64)');
/** Free key-value metadata from the link or the widget (utm_source, plan, store …). */
export const Metadata = z
  .record(MetaKey, z.string().max(500))
  .refine((m) => Object.keys(m).length <= 50, 'at most 50 keys');
export type Metadata = z.infer<typeof Metadata>;

export const ResponseContext = z.object({
  channel: Channel.optional(),
  touchpoint: z.string().trim().max(100).optional(),
  language: LanguageTag.optional(),
  customerExternalId: z.string().trim().max(200).optional(),
  orderId: z.string().trim().max(200).optional(),
  metadata: Metadata.optional(),
});
export type ResponseContext = z.infer<typeof ResponseContext>;

/** Body of the public submit endpoint. A retry with the same idempotencyKey never makes a second response. */
export const PublicSubmission = ResponseContext.extend({
  idempotencyKey: z.string().regex(/^[A-Za-z0-9_-]{8,100}$/, '8–100 letters, digits, _ or -'),
  answers: Answers,
  /** false keeps a partial response that a later submission with the same key completes. */
  complete: z.boolean().default(true),
  inviteToken: z.string().max(200).optional(),
}).strict();
export type PublicSubmission = z.infer<typeof PublicSubmission>;

/** One response in the authenticated batch API and in imports. */
export const BatchResponse = ResponseContext.extend({
  idempotencyKey: z.string().regex(/^[A-Za-z0-9_-]{1,100}$/).optional(),
  answers: Answers,
  complete: z.boolean().default(true),
  respondent: z
    .object({ email: z.string().email().max(320).optional(), name: z.string().max(200).optional() })
    .strict()
    .optional(),
  submittedAt: z.iso.datetime({ offset: true }).optional(),
}).strict();
export type BatchResponse = z.infer<typeof BatchResponse>;

export const BatchRequest = z.object({ responses: z.array(BatchResponse).min(1).max(1000) }).strict();
export type BatchRequest = z.infer<typeof BatchRequest>;

export const RESPONSE_STATUSES = ['partial', 'complete'] as const;
export type ResponseStatus = (typeof RESPONSE_STATUSES)[number];

export const StoredResponse = z.object({
  id: z.string(),
  surveyId: z.string(),
  status: z.enum(RESPONSE_STATUSES),
  answers: Answers,
  channel: Channel,
  touchpoint: z.string().nullable(),
  language: z.string().nullable(),
  customerExternalId: z.string().nullable(),
  orderId: z.string().nullable(),
  metadata: Metadata,
  createdAt: z.string(),
  completedAt: z.string().nullable(),
});
export type StoredResponse = z.infer<typeof StoredResponse>;

export { visibleQuestions, validateAnswers, headlineScores, type AnswerIssue } from '../survey-logic.js';
