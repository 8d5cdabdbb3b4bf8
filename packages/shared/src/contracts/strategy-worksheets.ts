/** The target-market worksheet (the course's "Template 3"): segmentation choices linked to segments, and the digital engagement strategy. */
import { z } from 'zod';
import { StrategyRef, StrategyRowId, StrategyText } from './strategy.js';

// ───────────────────────────── Target-market worksheet ─────────────────────────────

export const SEGMENTATION_BASES = ['demographic', 'geographic', 'psychographic', 'behavioural'] as const;
export const SegmentationBasis = z.enum(SEGMENTATION_BASES);
export type SegmentationBasis = z.infer<typeof SegmentationBasis>;

/** Suggestions for the platform field; any name is accepted. */
export const ENGAGEMENT_PLATFORMS = ['LINE', 'WeChat', 'Instagram', 'Facebook', 'Shopee', 'Xiaohongshu', 'Douyin', 'own app', 'email', 'web'] as const;

export const SegmentationRowInput = z.object({
  id: StrategyRowId.optional(),
  basis: SegmentationBasis,
  description: StrategyText(2000).default(''),
  segmentId: StrategyRef.nullable().default(null),
  sizeEstimate: StrategyText(200).default(''),
  attractiveness: StrategyText(2000).default(''),
}).strict();
export type SegmentationRowInput = z.input<typeof SegmentationRowInput>;

export const EngagementRowInput = z.object({
  id: StrategyRowId.optional(),
  platform: z.string().trim().min(1).max(100),
  tactics: StrategyText(2000).default(''),
  content: StrategyText(2000).default(''),
  kpi: StrategyText(500).default(''),
  budget: z.number().finite().min(0).max(1e12).nullable().default(null),
}).strict();
export type EngagementRowInput = z.input<typeof EngagementRowInput>;

const WorksheetFields = {
  name: z.string().trim().min(1).max(200),
  segmentation: z.array(SegmentationRowInput).max(30),
  persona: StrategyText(5000),
  engagement: z.array(EngagementRowInput).max(30),
  positioning: StrategyText(2000),
  currency: z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as TWD, HKD, CNY'),
};

export const WorksheetInput = z.object({
  name: WorksheetFields.name,
  segmentation: WorksheetFields.segmentation.default([]),
  persona: WorksheetFields.persona.default(''),
  engagement: WorksheetFields.engagement.default([]),
  positioning: WorksheetFields.positioning.default(''),
  currency: WorksheetFields.currency.default('TWD'),
}).strict();
export type WorksheetInput = z.input<typeof WorksheetInput>;

export const WorksheetPatch = z.object({
  name: WorksheetFields.name.optional(),
  segmentation: WorksheetFields.segmentation.optional(),
  persona: WorksheetFields.persona.optional(),
  engagement: WorksheetFields.engagement.optional(),
  positioning: WorksheetFields.positioning.optional(),
  currency: WorksheetFields.currency.optional(),
  version: z.number().int().min(1).optional(),
}).strict();
export type WorksheetPatch = z.input<typeof WorksheetPatch>;

export type SegmentationRow = z.output<typeof SegmentationRowInput> & {
  id: string;
  /** The linked customer segment as it is now; `missing` when it was deleted. */
  segment: { id: string; name: string; memberCount: number } | null;
  segmentMissing: boolean;
};
export type EngagementRow = z.output<typeof EngagementRowInput> & { id: string };

export interface Worksheet {
  id: string;
  name: string;
  segmentation: SegmentationRow[];
  persona: string;
  engagement: EngagementRow[];
  positioning: string;
  currency: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}
export interface WorksheetSummary { id: string; name: string; segments: number; platforms: string[]; version: number; updatedAt: string }
