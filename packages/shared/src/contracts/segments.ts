/**
 * Customer segments: who belongs is a definition of conditions in AND/OR groups over a person's
 * traits (demographic, psychographic, geographic attributes), behaviour (events and orders),
 * survey metrics and consents. The four classic methods are labels on conditions, so the builder can
 * offer each method's usual attributes; evaluation does not depend on them.
 */
import { z } from 'zod';
import { ConsentPurpose, TraitKey } from './customers.js';

export const SEGMENT_METHODS = ['demographic', 'behavioural', 'psychographic', 'geographic'] as const;
export type SegmentMethod = (typeof SEGMENT_METHODS)[number];

/** Attributes the builder suggests per method (any trait key may be typed instead). */
export const METHOD_TRAITS: Record<Exclude<SegmentMethod, 'behavioural'>, readonly string[]> = {
  demographic: ['age', 'gender', 'income', 'education', 'occupation'],
  psychographic: ['interests', 'lifestyle', 'values'],
  geographic: ['country', 'region', 'city', 'district'],
};

export const TRAIT_OPS = ['eq', 'neq', 'in', 'not_in', 'contains', 'gt', 'gte', 'lt', 'lte', 'between', 'exists', 'not_exists', 'within_days', 'before', 'after'] as const;
export type TraitOp = (typeof TRAIT_OPS)[number];
const Scalar = z.union([z.string().max(200), z.number().finite(), z.boolean()]);

export const TraitCondition = z.object({
  kind: z.literal('trait'),
  method: z.enum(SEGMENT_METHODS).default('demographic'),
  key: TraitKey,
  op: z.enum(TRAIT_OPS),
  /** eq/neq/contains/gt…/before/after: one value; in/not_in/between: a list (between: [low, high]); within_days: a number of days. */
  value: z.union([Scalar, z.array(Scalar).min(1).max(100)]).optional(),
}).strict().superRefine((c, ctx) => {
  const list = Array.isArray(c.value);
  if (c.op === 'exists' || c.op === 'not_exists') return;
  if (c.value === undefined) ctx.addIssue({ code: 'custom', path: ['value'], message: `"${c.op}" needs a value` });
  else if ((c.op === 'in' || c.op === 'not_in') && !list) ctx.addIssue({ code: 'custom', path: ['value'], message: 'a list of values' });
  else if (c.op === 'between' && (!list || (c.value as unknown[]).length !== 2)) ctx.addIssue({ code: 'custom', path: ['value'], message: 'two values: [low, high]' });
  else if (c.op === 'within_days' && (typeof c.value !== 'number' || !Number.isInteger(c.value) || c.value < 1 || c.value > 36500)) ctx.addIssue({ code: 'custom', path: ['value'], message: 'a whole number of days (1–36500)' });
  else if (!['in', 'not_in', 'between'].includes(c.op) && list) ctx.addIssue({ code: 'custom', path: ['value'], message: 'one value, not a list' });
});

export const EVENT_COUNT_OPS = ['at_least', 'at_most', 'exactly'] as const;
export const EventCondition = z.object({
  kind: z.literal('event'),
  method: z.literal('behavioural').default('behavioural'),
  /** 'any' counts every event; 'order' counts orders (their name is the order id, so `name` is ignored). */
  type: z.enum(['any', 'track', 'page', 'order']),
  name: z.string().trim().min(1).max(200).optional(),
  op: z.enum(EVENT_COUNT_OPS),
  count: z.number().int().min(0).max(1_000_000),
  /** In the last `days` days; absent: ever. */
  days: z.number().int().min(1).max(36500).optional(),
}).strict();

export const PROFILE_FIELDS = ['order_count', 'revenue', 'days_since_last_seen', 'days_since_first_seen', 'churn_risk'] as const;
export const ProfileCondition = z.object({
  kind: z.literal('profile'),
  method: z.literal('behavioural').default('behavioural'),
  field: z.enum(PROFILE_FIELDS),
  op: z.enum(['gt', 'gte', 'lt', 'lte', 'between', 'eq']),
  value: z.union([z.number().finite(), z.tuple([z.number().finite(), z.number().finite()])]),
  /** revenue: in this currency (ISO 4217); absent: the person's largest. */
  currency: z.string().regex(/^[A-Z]{3}$/).optional(),
}).strict().superRefine((c, ctx) => {
  if ((c.op === 'between') !== Array.isArray(c.value)) ctx.addIssue({ code: 'custom', path: ['value'], message: c.op === 'between' ? 'two numbers: [low, high]' : 'one number' });
});

export const METRIC_BANDS = { nps: ['promoter', 'passive', 'detractor'], csat: ['satisfied', 'neutral', 'dissatisfied'], ces: ['easy', 'neutral', 'hard'] } as const;
export const MetricCondition = z.object({
  kind: z.literal('metric'),
  method: z.literal('behavioural').default('behavioural'),
  metric: z.enum(['nps', 'csat', 'ces']),
  /** The person's latest answer of this metric (within `days`, if given) is in the band or range. */
  band: z.string().optional(),
  min: z.number().finite().optional(),
  max: z.number().finite().optional(),
  days: z.number().int().min(1).max(36500).optional(),
}).strict().superRefine((c, ctx) => {
  const bands = METRIC_BANDS[c.metric] as readonly string[];
  if (c.band !== undefined && !bands.includes(c.band)) ctx.addIssue({ code: 'custom', path: ['band'], message: `one of ${bands.join(', ')}` });
  if (c.band === undefined && c.min === undefined && c.max === undefined) ctx.addIssue({ code: 'custom', path: ['band'], message: 'a band, or min and/or max' });
});

export const ConsentCondition = z.object({
  kind: z.literal('consent'),
  method: z.literal('behavioural').default('behavioural'),
  purpose: ConsentPurpose,
  state: z.enum(['granted', 'refused', 'unknown']),
}).strict();

export const SegmentCondition = z.discriminatedUnion('kind', [TraitCondition, EventCondition, ProfileCondition, MetricCondition, ConsentCondition]);
export type SegmentCondition = z.infer<typeof SegmentCondition>;
export interface SegmentGroup { kind: 'group'; match: 'all' | 'any'; conditions: (SegmentCondition | SegmentGroup)[] }

const MAX_DEPTH = 3;
const MAX_CONDITIONS = 50;
export const SegmentGroup: z.ZodType<SegmentGroup> = z.lazy(() => z.object({
  kind: z.literal('group'),
  match: z.enum(['all', 'any']),
  conditions: z.array(z.union([SegmentCondition, SegmentGroup])).max(MAX_CONDITIONS),
}).strict()) as z.ZodType<SegmentGroup>;

function depthAndCount(g: SegmentGroup, depth = 1): { depth: number; count: number } {
  let d = depth, n = 0;
  for (const c of g.conditions) {
    if (c.kind === 'group') { const r = depthAndCount(c, depth + 1); d = Math.max(d, r.depth); n += r.count; } else n++;
  }
  return { depth: d, count: n };
}

/** The root group: an empty `all` group matches everyone. */
export const SegmentDefinition = SegmentGroup.superRefine((g, ctx) => {
  const { depth, count } = depthAndCount(g);
  if (depth > MAX_DEPTH) ctx.addIssue({ code: 'custom', path: ['conditions'], message: `groups nest at most ${MAX_DEPTH} deep` });
  if (count > MAX_CONDITIONS) ctx.addIssue({ code: 'custom', path: ['conditions'], message: `at most ${MAX_CONDITIONS} conditions` });
});
export type SegmentDefinition = SegmentGroup;

export const SegmentInput = z.object({
  name: z.string().trim().min(1).max(120),
  description: z.string().trim().max(1000).default(''),
  kind: z.enum(['live', 'static']).default('live'),
  definition: SegmentDefinition,
}).strict();
export type SegmentInput = z.input<typeof SegmentInput>;

export const SegmentPreviewInput = z.object({ definition: SegmentDefinition }).strict();

export interface Segment {
  id: string; name: string; description: string; kind: 'live' | 'static';
  definition: SegmentDefinition;
  /** The methods its conditions use (for the list). */
  methods: SegmentMethod[];
  memberCount: number;
  status: 'building' | 'ready';
  progress: { done: number; total: number } | null;
  builtAt: string | null; snapshotOf: string | null;
  createdAt: string; updatedAt: string;
}
export interface SegmentTrendPoint { day: string; members: number }
export interface SegmentPreview { count: number; evaluated: number; people: number; exact: boolean; sample: { id: string; name: string | null }[] }

/** Every method a definition's conditions use, in the canonical order. */
export function methodsOf(g: SegmentGroup): SegmentMethod[] {
  const used = new Set<SegmentMethod>();
  const walk = (x: SegmentGroup) => { for (const c of x.conditions) { if (c.kind === 'group') walk(c); else used.add(c.method); } };
  walk(g);
  return SEGMENT_METHODS.filter((m) => used.has(m));
}
