/**
 * Closed-loop cases: rules that open a case from an unhappy answer, the case itself (status,
 * priority, owner, team, linked answers, timeline), teams with business hours, agents with skills and
 * capacity, SLA policies per priority, reply templates, saved inbox views and the loop's numbers.
 * Server and web app validate with these same schemas.
 */
import { z } from 'zod';
import { UI_LANGUAGES } from './i18n.js';

export const CASE_PRIORITIES = ['urgent', 'high', 'normal', 'low'] as const;
export const CasePriority = z.enum(CASE_PRIORITIES);
export type CasePriority = z.infer<typeof CasePriority>;

/** The five built-in statuses; custom statuses each belong to one of open / waiting / resolved. */
export const CASE_CATEGORIES = ['new', 'open', 'waiting', 'resolved', 'closed'] as const;
export const CaseCategory = z.enum(CASE_CATEGORIES);
export type CaseCategory = z.infer<typeof CaseCategory>;
/** Categories in which a case still counts as open (one open case per customer per theme). */
export const OPEN_CATEGORIES: readonly CaseCategory[] = ['new', 'open', 'waiting'];

export const CASE_METRICS = ['nps', 'csat', 'ces'] as const;
export const CASE_CUES = ['anger', 'frustration', 'urgency'] as const;
/** The theme key of a case whose answer names no theme. */
export const GENERAL_THEME = 'general';

const MetaKey = z.string().regex(/^[A-Za-z0-9_.:-]{1,64}$/, 'letters, digits, _ . : - (1–64)');

export const CaseCondition = z.discriminatedUnion('kind', [
  // NPS ≤ 6, CSAT ≤ 2, CES ≥ 5 …
  z.object({ kind: z.literal('score'), metric: z.enum(CASE_METRICS), op: z.enum(['lte', 'gte']), value: z.number().int().min(0).max(10) }).strict(),
  // Negative sentiment on a theme of the taxonomy (any theme when none is named).
  z.object({ kind: z.literal('sentiment'), theme: z.string().min(1).max(64).optional() }).strict(),
  z.object({ kind: z.literal('cue'), cue: z.enum(CASE_CUES) }).strict(),
  z.object({ kind: z.literal('metadata'), key: MetaKey, op: z.enum(['eq', 'neq', 'in', 'contains']), value: z.union([z.string().max(200), z.array(z.string().max(200)).min(1).max(50)]) }).strict(),
  // The customer gave at least `count` negative answers (this one included) in the last `days` days.
  z.object({ kind: z.literal('history'), count: z.number().int().min(2).max(100), days: z.number().int().min(1).max(365) }).strict(),
]);
export type CaseCondition = z.infer<typeof CaseCondition>;

export const CaseTrigger = z.object({
  match: z.enum(['all', 'any']),
  conditions: z.array(CaseCondition).min(1).max(20),
}).strict();
export type CaseTrigger = z.infer<typeof CaseTrigger>;

const Emails = z.array(z.string().trim().toLowerCase().email().max(320)).max(20)
  .refine((list) => new Set(list).size === list.length, 'each address once');
const WebhookUrl = z.string().trim().max(2000).url().refine((u) => /^https?:\/\//i.test(u), 'an http:// or https:// address');
const Tag = z.string().trim().min(1).max(40);
const Id = z.string().min(1).max(64);

/** What a matching rule does: the case's priority, team and owner, tags, and who hears of it. */
export const CaseActions = z.object({
  priority: CasePriority.default('normal'),
  teamId: Id.nullable().default(null),
  /** auto: the team's assignment method; none: the unassigned queue; or one agent. */
  assign: z.union([z.literal('auto'), z.literal('none'), z.object({ userId: Id }).strict()]).default('auto'),
  tags: z.array(Tag).max(20).default([]),
  notifyEmails: Emails.default([]),
  webhookUrl: WebhookUrl.nullable().default(null),
  /** Shared with the receiver, who checks each request's HMAC signature with it. Never shown again. */
  webhookSecret: z.string().min(16, 'at least 16 characters').max(200).optional(),
}).strict();
export type CaseActions = z.infer<typeof CaseActions>;

export const CaseRuleInput = z.object({
  name: z.string().trim().min(1).max(120),
  enabled: z.boolean().default(true),
  trigger: CaseTrigger,
  actions: CaseActions.default({} as never),
}).strict();
export type CaseRuleInput = z.input<typeof CaseRuleInput>;

export interface CaseRule {
  id: string; name: string; enabled: boolean; position: number;
  trigger: CaseTrigger; actions: Omit<CaseActions, 'webhookSecret'> & { hasWebhookSecret: boolean };
  matches: number; lastMatchedAt: string | null; createdAt: string; updatedAt: string;
}

/** How many cases a rule would have opened over the last `days` days. */
export interface CaseDryRun {
  days: number; scanned: number; matched: number;
  /** Distinct customer × theme pairs: cases, after merging duplicates. */
  cases: number;
  byTheme: { theme: string; cases: number }[];
  samples: { responseId: string; createdAt: string; themes: string[]; nps: number | null; csat: number | null; ces: number | null }[];
}

// ── teams, agents, SLA ────────────────────────────────────────────────────────────────────────

const HHMM = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'HH:MM (00:00–24:00)');
const Span = z.object({ from: HHMM, to: HHMM }).strict().refine((s) => s.from < s.to, { message: 'from before to', path: ['to'] });
export const ASSIGNMENT_METHODS = ['round_robin', 'least_loaded', 'skill'] as const;

export const TeamInput = z.object({
  name: z.string().trim().min(1).max(120),
  timeZone: z.string().min(1).max(64),
  /** Sunday first: seven lists of working spans in local time; empty = closed. */
  hours: z.array(z.array(Span).max(4)).length(7),
  holidays: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD')).max(400).default([]),
  assignment: z.enum(ASSIGNMENT_METHODS).default('round_robin'),
  leadUserId: Id.nullable().default(null),
}).strict();
export type TeamInput = z.input<typeof TeamInput>;
export type Team = z.output<typeof TeamInput> & { id: string; createdAt: string; updatedAt: string };

export const AgentInput = z.object({
  teamId: Id.nullable().default(null),
  languages: z.array(z.enum(UI_LANGUAGES)).max(3).default([]),
  /** Free tags such as product:app or region:tw, matched against the case's metadata. */
  skills: z.array(z.string().trim().min(1).max(60)).max(30).default([]),
  capacity: z.number().int().min(1).max(500).default(20),
  availability: z.enum(['online', 'away']).default('online'),
}).strict();
export type AgentInput = z.input<typeof AgentInput>;
export type Agent = z.output<typeof AgentInput> & { userId: string; name: string; email: string; openCases: number };

export const SlaPolicyInput = z.object({
  firstResponseMinutes: z.number().int().min(1).max(525_600),
  resolutionMinutes: z.number().int().min(1).max(525_600),
  /** A warning when this share of the target has passed. */
  warnAtPercent: z.number().int().min(10).max(99).default(80),
  escalation: z.object({
    raisePriority: z.boolean().default(true),
    reassign: z.boolean().default(false),
    notifyLead: z.boolean().default(true),
  }).strict().default({ raisePriority: true, reassign: false, notifyLead: true }),
}).strict();
export type SlaPolicyInput = z.input<typeof SlaPolicyInput>;
export type SlaPolicy = z.output<typeof SlaPolicyInput> & { priority: CasePriority };
export const SlaPoliciesInput = z.object(Object.fromEntries(CASE_PRIORITIES.map((p) => [p, SlaPolicyInput])) as Record<CasePriority, typeof SlaPolicyInput>).strict();

// ── settings: custom statuses, resolution codes, templates, re-survey ───────────────────────

const Names = z.object({ en: z.string().trim().min(1).max(80), 'zh-Hant': z.string().trim().max(80).optional(), 'zh-Hans': z.string().trim().max(80).optional() }).strict();
export const CustomStatus = z.object({
  key: z.string().regex(/^[a-z][a-z0-9_]{1,39}$/, 'lower-case letters, digits, _ (2–40)').refine((k) => !(CASE_CATEGORIES as readonly string[]).includes(k), 'a built-in status'),
  names: Names,
  category: z.enum(['open', 'waiting', 'resolved']),
}).strict();
export type CustomStatus = z.infer<typeof CustomStatus>;

export const ReplyTemplate = z.object({
  id: z.string().regex(/^[a-z0-9_-]{1,40}$/, 'lower-case letters, digits, _ - (1–40)'),
  name: z.string().trim().min(1).max(80),
  /** Per language: subject and body; {{customer.name}}, {{case.number}}, {{agent.name}} are filled in. */
  bodies: z.object(Object.fromEntries(UI_LANGUAGES.map((l) => [l, z.object({ subject: z.string().max(200), body: z.string().max(10_000) }).strict().optional()])) as Record<(typeof UI_LANGUAGES)[number], z.ZodOptional<z.ZodObject<{ subject: z.ZodString; body: z.ZodString }>>>).strict(),
}).strict();
export type ReplyTemplate = z.infer<typeof ReplyTemplate>;

export const CaseSettingsInput = z.object({
  statuses: z.array(CustomStatus).max(20).default([]).refine((l) => new Set(l.map((s) => s.key)).size === l.length, 'each key once'),
  resolutionCodes: z.array(z.string().trim().min(1).max(60)).min(1).max(50).refine((l) => new Set(l).size === l.length, 'each code once'),
  templates: z.array(ReplyTemplate).max(50).refine((l) => new Set(l.map((t) => t.id)).size === l.length, 'each id once'),
  /** On closing, offer to send "was this resolved?" and a CSAT question (the default of the close dialog). */
  resurveyByDefault: z.boolean().default(true),
}).strict();
export type CaseSettingsInput = z.input<typeof CaseSettingsInput>;
export type CaseSettings = z.output<typeof CaseSettingsInput> & {
  /** The survey the re-survey sends (made on first use). */
  resurveySurveyId: string | null;
  /** Where raw MIME replies are posted (secret path). */
  inboundUrl: string;
  /** The reply-to address customers answer (plus-addressed per case). */
  replyAddress: string;
};

// ── cases ─────────────────────────────────────────────────────────────────────────────────────

export type SlaState = 'pending' | 'warning' | 'met' | 'breached';

export interface CaseSummary {
  id: string; number: number; title: string;
  status: string; category: CaseCategory; priority: CasePriority;
  teamId: string | null; ownerId: string | null; ownerName: string | null;
  customer: { key: string; name: string | null; email: string | null; profileId: string | null };
  language: string | null; theme: string; tags: string[];
  ruleId: string | null;
  rootCause: string | null; resolutionCode: string | null;
  sla: { firstResponse: SlaState; resolution: SlaState; firstResponseDueAt: string | null; resolutionDueAt: string | null; paused: boolean };
  firstRespondedAt: string | null; resolvedAt: string | null; closedAt: string | null;
  createdAt: string; updatedAt: string;
  /** Sent back with a change: a stale version answers 409. */
  version: number;
}

export interface CaseLinkedResponse {
  id: string; surveyId: string; surveyName: string | null; createdAt: string;
  nps: number | null; csat: number | null; ces: number | null;
  texts: { text: string; sentiment: number | null; label: string | null; themes: string[] }[];
  /** A re-survey answer sent on closing this case. */
  resurvey: boolean;
}

export const CASE_EVENT_KINDS = [
  'created', 'linked', 'assigned', 'status', 'priority', 'team', 'tags', 'title', 'note', 'email_out', 'email_in',
  'sla_warning', 'sla_breach', 'escalated', 'root_cause', 'resurvey_sent', 'resurvey_answered', 'reopened', 'notified',
] as const;
export type CaseEventKind = (typeof CASE_EVENT_KINDS)[number];

export interface CaseEvent {
  id: string; at: string; kind: CaseEventKind;
  actor: { kind: 'user' | 'system' | 'customer'; id: string | null; name: string | null };
  data: Record<string, unknown>;
}

export interface CaseDetail extends CaseSummary { responses: CaseLinkedResponse[]; timeline: CaseEvent[] }

export const CaseListQuery = z.object({
  category: z.union([CaseCategory, z.array(CaseCategory)]).optional(),
  status: z.string().max(40).optional(),
  priority: z.union([CasePriority, z.array(CasePriority)]).optional(),
  teamId: Id.optional(),
  /** An agent's id, `me`, or `none` (the unassigned queue). */
  owner: Id.optional(),
  theme: z.string().max(64).optional(),
  tag: Tag.optional(),
  sla: z.enum(['warning', 'breached', 'at_risk']).optional(),
  q: z.string().trim().max(200).optional(),
  sort: z.enum(['newest', 'oldest', 'due', 'priority']).default('newest'),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
}).strict();
export type CaseListQuery = z.input<typeof CaseListQuery>;
export interface CaseList { cases: CaseSummary[]; nextCursor: string | null; counts: Record<CaseCategory, number> }

export const CasePatch = z.object({
  /** The version the change was made on (a stale one answers 409); omitted, the change applies to the current one. */
  version: z.number().int().min(0).optional(),
  title: z.string().trim().min(1).max(200).optional(),
  status: z.string().min(1).max(40).optional(),
  priority: CasePriority.optional(),
  teamId: Id.nullable().optional(),
  ownerId: Id.nullable().optional(),
  tags: z.array(Tag).max(20).optional(),
  rootCause: z.string().min(1).max(64).nullable().optional(),
  resolutionCode: z.string().min(1).max(60).nullable().optional(),
  /** With status closed / a resolved status: send the re-survey. */
  resurvey: z.boolean().optional(),
}).strict();
export type CasePatch = z.infer<typeof CasePatch>;

export const CaseNoteInput = z.object({ body: z.string().trim().min(1).max(20_000) }).strict();
export const CaseReplyInput = z.object({
  body: z.string().trim().min(1).max(50_000),
  subject: z.string().trim().min(1).max(200).optional(),
  /** Waiting on the customer after sending (pauses the SLA clocks). */
  waitForCustomer: z.boolean().default(true),
}).strict();
export type CaseReplyInput = z.input<typeof CaseReplyInput>;

export const SavedViewInput = z.object({
  name: z.string().trim().min(1).max(80),
  filters: CaseListQuery.omit({ cursor: true, limit: true }),
  /** Shared with the workspace (anyone who sees it may remove it), or only for its author. */
  shared: z.boolean().default(false),
}).strict();
export type SavedViewInput = z.input<typeof SavedViewInput>;
export interface SavedView { id: string; name: string; filters: z.output<typeof SavedViewInput>['filters']; shared: boolean; mine: boolean }

// ── the loop's numbers ─────────────────────────────────────────────────────────────────────────

export const LoopMetricsQuery = z.object({
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD'),
  to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD'),
  by: z.enum(['team', 'agent', 'theme']).optional(),
  /** The zone whose local days `from` and `to` name (an IANA zone; UTC when absent). */
  tz: z.string().min(1).max(64).optional(),
}).strict();
export type LoopMetricsQuery = z.infer<typeof LoopMetricsQuery>;

export interface LoopNumbers {
  opened: number; closed: number;
  /** closed ÷ opened, cases opened in the period (null without any). */
  closureRate: number | null;
  /** Medians in minutes of wall-clock time. */
  timeToFirstResponse: number | null; timeToClose: number | null;
  /** SLA targets met ÷ targets decided (met or breached), first response and resolution together. */
  slaAttainment: number | null; slaDecided: number;
  /** Detractors whose next score is ≥ 7 or whose re-survey is positive, ÷ detractor cases closed. */
  recoveryRate: number | null; detractors: number; recovered: number;
}
export interface LoopMetrics {
  from: string; to: string; overall: LoopNumbers;
  groups: ({ key: string; label: string } & LoopNumbers)[];
  /** Root causes of the cases closed in the period, most frequent first, with the cumulative share. */
  pareto: { rootCause: string; label: string; count: number; cumulative: number }[];
}

/** A case opened by hand (a phone call, a social post): the customer by email when known. */
export const CaseCreateInput = z.object({
  title: z.string().trim().min(1).max(200),
  customerEmail: z.string().trim().toLowerCase().email().max(320).optional(),
  customerName: z.string().trim().min(1).max(200).optional(),
  language: z.enum(UI_LANGUAGES).optional(),
  priority: CasePriority.default('normal'),
  teamId: Id.nullable().default(null),
  ownerId: Id.nullable().default(null),
  theme: z.string().min(1).max(64).default(GENERAL_THEME),
  tags: z.array(Tag).max(20).default([]),
  note: z.string().trim().max(20_000).optional(),
}).strict();
export type CaseCreateInput = z.input<typeof CaseCreateInput>;
