/**
 * Customer 360: profiles, the events that feed them, and what the API answers about a person.
 * One intake takes every event (HTTP batches, file imports, MQTT, NATS), so these schemas are the
 * one definition of what an event may carry; server and web app validate with them.
 */
import { z } from 'zod';

export const IDENTIFIER_KINDS = ['email', 'phone', 'external', 'anonymous'] as const;
export type IdentifierKind = (typeof IDENTIFIER_KINDS)[number];

export const TRAIT_TYPES = ['string', 'number', 'date', 'boolean', 'list'] as const;
export type TraitType = (typeof TRAIT_TYPES)[number];
/** How a trait set differently on two merged profiles resolves: the newest value, the oldest, or both. */
export const TRAIT_RULES = ['latest', 'first', 'both'] as const;
export type TraitRule = (typeof TRAIT_RULES)[number];

export const CONSENT_PURPOSES = ['email', 'sms', 'phone', 'surveys', 'marketing', 'analytics'] as const;
export const ConsentPurpose = z.enum(CONSENT_PURPOSES);
export type ConsentPurpose = z.infer<typeof ConsentPurpose>;

export const TraitKey = z.string().regex(/^[A-Za-z][A-Za-z0-9_.]{0,63}$/, 'a letter, then letters, digits, _ or . (1–64)');
/** `name` is personal: it is stored encrypted and searchable, never in the plain trait map. */
export const TraitValue = z.union([
  z.string().max(1000),
  z.number().finite(),
  z.boolean(),
  z.array(z.string().max(200)).max(100),
  z.null(),
]);
export type TraitValue = z.infer<typeof TraitValue>;
export const Traits = z.record(TraitKey, TraitValue).refine((t) => Object.keys(t).length <= 100, 'at most 100 traits');
export type Traits = z.infer<typeof Traits>;

export const Consents = z.partialRecord(ConsentPurpose, z.boolean());
export type Consents = z.infer<typeof Consents>;

/** Free-form event properties: any JSON object, kept small. */
const Properties = z.record(z.string().min(1).max(64), z.unknown())
  .refine((p) => Object.keys(p).length <= 100, 'at most 100 properties')
  .refine((p) => JSON.stringify(p).length <= 16_384, 'at most 16 KB of properties');

const Id = z.string().trim().min(1).max(200);
export const Email = z.string().trim().max(254).email();
/** A phone number: an optional +, then digits with spaces, dashes, dots or brackets (7–15 digits). */
export const Phone = z.string().trim().max(40).refine((p) => /^\+?[0-9 ().-]+$/.test(p) && /^\d{7,15}$/.test(p.replace(/\D/g, '')), 'a phone number of 7–15 digits');

const EventBase = {
  /** Makes a retried event a no-op; defaults to the batch's key and the event's position in it. */
  idempotencyKey: z.string().min(1).max(128).optional(),
  /** The person's id in the sending system (an external id of `source`). */
  userId: Id.optional(),
  /** A device or browser id from before the person is known. */
  anonymousId: Id.optional(),
  /** Which system `userId` belongs to (e.g. shop, app, crm). */
  source: z.string().regex(/^[a-z0-9_.-]{1,32}$/, 'lower-case letters, digits, _ . - (1–32)').default('app'),
  /** When it happened; defaults to when it arrives. */
  timestamp: z.iso.datetime({ offset: true }).optional(),
};

/** Who the person is: identifiers, traits and consents. Email and phone are verified by default (the sender vouches). */
export const IdentifyEvent = z.object({
  type: z.literal('identify'), ...EventBase,
  email: Email.optional(), phone: Phone.optional(),
  /** An unverified email or phone is recorded on the profile but never merges two people. */
  verified: z.boolean().default(true),
  name: z.string().trim().min(1).max(200).optional(),
  traits: Traits.optional(),
  consents: Consents.optional(),
}).strict();

export const TrackEvent = z.object({
  type: z.literal('track'), ...EventBase,
  event: z.string().trim().min(1).max(100),
  properties: Properties.optional(),
}).strict();

export const PageEvent = z.object({
  type: z.literal('page'), ...EventBase,
  name: z.string().trim().min(1).max(200).optional(),
  url: z.string().max(2000).optional(),
  properties: Properties.optional(),
}).strict();

/** A purchase (or, with a negative revenue, a refund). Revenue counts towards CLV. */
export const OrderEvent = z.object({
  type: z.literal('order'), ...EventBase,
  orderId: Id,
  revenue: z.number().finite().min(-1e12).max(1e12),
  currency: z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as USD or TWD').default('USD'),
  properties: Properties.optional(),
}).strict();

const whoIsIt = (e: { userId?: string; anonymousId?: string; email?: string; phone?: string }) => !!(e.userId || e.anonymousId || e.email || e.phone);
export const CustomerEvent = z.discriminatedUnion('type', [IdentifyEvent, TrackEvent, PageEvent, OrderEvent])
  .refine(whoIsIt, { message: 'names nobody: give userId, anonymousId, email or phone', path: ['userId'] });
export type CustomerEvent = z.infer<typeof CustomerEvent>;
export type CustomerEventInput = z.input<typeof CustomerEvent>;
export const CUSTOMER_EVENT_TYPES = ['identify', 'track', 'page', 'order'] as const;
export type CustomerEventType = (typeof CUSTOMER_EVENT_TYPES)[number];

export const MAX_EVENTS_PER_BATCH = 1000;
export const EventBatch = z.object({ events: z.array(z.unknown()).min(1).max(MAX_EVENTS_PER_BATCH) }).strict();
export const EventBatchResult = z.object({ accepted: z.number().int(), duplicates: z.number().int(), profileIds: z.array(z.string().nullable()), merges: z.array(z.string()) });
export type EventBatchResult = z.infer<typeof EventBatchResult>;
/** The answer of POST …/events without ?wait=true: the batch is durably queued and will be applied. */
export interface EventBatchQueued { batchId: string; queued: number }
/** GET …/events/queue: acknowledged batches not yet applied, and those that failed to apply. */
export interface EventQueueStatus {
  queuedBatches: number; queuedEvents: number; oldestReceivedAt: string | null;
  failing: { batchId: string; events: number; attempts: number; error: string | null; nextAttemptAt: string | null; receivedAt: string }[];
}

export const TraitDefinitionInput = z.object({
  type: z.enum(TRAIT_TYPES),
  rule: z.enum(TRAIT_RULES).default('latest'),
}).strict();
export type TraitDefinitionInput = z.infer<typeof TraitDefinitionInput>;
export interface TraitDefinition { key: string; type: TraitType; rule: TraitRule; updatedAt: string }

export interface CustomerIdentifier {
  id: string; kind: IdentifierKind; source: string | null;
  /** Decrypted for readers with customers.read. */
  value: string; verified: boolean; profileId: string; createdAt: string;
}

export interface CustomerSummary {
  id: string; name: string | null; email: string | null; phone: string | null;
  lastSeenAt: string | null; orderCount: number;
  /** Revenue of the person's orders in `currency` (their largest), null with no orders. */
  clv: number; currency: string | null; latestNps: number | null;
}

export interface CustomerProfile extends CustomerSummary {
  /** Resolved over every merged profile by each trait's rule. */
  traits: Record<string, TraitValue>;
  consents: Record<string, { granted: boolean; at: string }>;
  identifiers: CustomerIdentifier[];
  /** The profiles merged into this one (ids stay valid: they answer with this profile). */
  mergedProfileIds: string[];
  firstSeenAt: string | null;
  revenueByCurrency: Record<string, number>;
  latestNpsAt: string | null;
  /** Filled by a later churn model; null until then. */
  churnRisk: number | null;
  createdAt: string;
}

export const MERGE_REASONS = ['email', 'phone', 'external', 'anonymous', 'manual'] as const;
export type MergeReason = (typeof MERGE_REASONS)[number];
export interface CustomerMerge {
  id: string; survivorId: string; absorbedId: string; reason: MergeReason;
  mergedAt: string; actor: string; unmergedAt: string | null;
}

export const TIMELINE_KINDS = ['identify', 'track', 'page', 'order', 'response', 'merge'] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];
export interface TimelineItem {
  id: string; kind: TimelineKind; at: string; profileId: string;
  /** Event name, page name, order id or survey name. */
  title: string | null;
  properties: Record<string, unknown>;
  revenue?: number; currency?: string;
  /** For responses: the survey, the scores and whether it is complete. */
  surveyId?: string; nps?: number | null; csat?: number | null; ces?: number | null;
}
export interface TimelinePage { items: TimelineItem[]; nextCursor: string | null }

export const TimelineQuery = z.object({
  kinds: z.string().regex(/^[a-z]+(,[a-z]+)*$/).optional()
    .refine((k) => !k || k.split(',').every((x) => (TIMELINE_KINDS as readonly string[]).includes(x)), `kinds among ${TIMELINE_KINDS.join(', ')}`),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
}).strict();

export const CustomerSearchQuery = z.object({
  q: z.string().trim().min(1).max(200),
  limit: z.coerce.number().int().min(1).max(100).default(20),
}).strict();

export const ManualMergeInput = z.object({ absorbedId: z.string().min(1).max(64) }).strict();
