/** Customer 360 tables (migration 0009). Times are ISO-8601 text; JSON columns are text. */
import type { CustomerTransportsTable } from './transports/transports.tables.js';
export interface CustomersTable {
  id: string; workspace_id: string;
  /** The cluster's root when this profile was merged into another; null on a root. */
  merged_into: string | null;
  name_enc: string | null;
  /** JSON { key: { v, at } }: each value with the event time that set it. */
  traits: string;
  /** JSON { purpose: { granted, at } }. */
  consents: string;
  /** JSON { currency: revenue } of this profile's own orders. */
  revenue: string;
  order_count: number;
  first_seen_at: string | null;
  last_seen_at: string | null;
  churn_risk: number | null;
  created_at: string; updated_at: string;
}

export interface CustomerIdentifiersTable {
  id: string; workspace_id: string; customer_id: string;
  kind: 'email' | 'phone' | 'external' | 'anonymous';
  /** The external id's system; '' for the other kinds. */
  source: string;
  value_hash: string; value_enc: string;
  verified: number;
  created_at: string;
}

export interface CustomerNameTokensTable { workspace_id: string; token_hash: string; customer_id: string }

export interface CustomerEventsTable {
  id: string; workspace_id: string; customer_id: string;
  type: 'identify' | 'track' | 'page' | 'order';
  name: string | null; properties: string;
  revenue: number | null; currency: string | null;
  idempotency_key: string; transport: string;
  occurred_at: string; received_at: string;
}

export interface CustomerMergesTable {
  id: string; workspace_id: string; survivor_id: string; absorbed_id: string;
  reason: string; actor: string; merged_at: string;
  unmerged_at: string | null; unmerged_by: string | null;
}

export interface CustomerTraitDefinitionsTable { workspace_id: string; key: string; type: string; rule: string; updated_at: string }

export interface CustomerImportsTable {
  id: string; workspace_id: string; format: 'csv' | 'jsonl'; file_name: string;
  /** sha256 of the file: event keys derive from it, so importing the same file again stores nothing twice. */
  file_hash: string;
  size_bytes: number;
  /** CSV header (JSON array), read once, so a resumed import can start mid-file. */
  columns: string | null;
  status: 'running' | 'done' | 'failed';
  /** Byte offset of the first record not yet stored. */
  cursor_bytes: number;
  records: number; accepted: number; duplicates: number; invalid: number;
  /** JSON [{ line, path, message }]: the first invalid records, for the report. */
  errors: string;
  /** JSON Actor: who started it (the audit rows of its batches name them). */
  actor: string;
  created_at: string; updated_at: string; finished_at: string | null;
}

export interface CustomerSegmentsTable {
  id: string; workspace_id: string; name: string; description: string;
  kind: 'live' | 'static';
  /** JSON SegmentDefinition. */
  definition: string;
  member_count: number;
  status: 'building' | 'ready';
  /** The last root id a full evaluation has done; null when none runs. */
  build_cursor: string | null;
  build_done: number; build_total: number;
  built_at: string | null;
  snapshot_of: string | null;
  created_by: string; created_at: string; updated_at: string;
}
export interface CustomerSegmentMembersTable { segment_id: string; customer_id: string; workspace_id: string; added_at: string }
export interface CustomerSegmentCountsTable { segment_id: string; day: string; members: number }
export interface CustomerSegmentQueueTable { workspace_id: string; customer_id: string; queued_at: string }
export interface CustomerJobsTable { name: string; cursor: string; updated_at: string }

/** Migration 0013: an acknowledged HTTP batch waiting to be applied (see intake-queue.ts). */
export interface CustomerIntakeQueueTable {
  id: string; workspace_id: string;
  /** JSON Actor. */
  actor: string;
  transport: string;
  event_count: number;
  /** JSON array of validated events, each with its idempotencyKey set. */
  events: string;
  attempts: number;
  error: string | null;
  next_attempt_at: string | null;
  received_at: string;
}

export interface CustomersTables {
  customers: CustomersTable;
  customer_identifiers: CustomerIdentifiersTable;
  customer_name_tokens: CustomerNameTokensTable;
  customer_events: CustomerEventsTable;
  customer_merges: CustomerMergesTable;
  customer_trait_definitions: CustomerTraitDefinitionsTable;
  customer_imports: CustomerImportsTable;
  customer_segments: CustomerSegmentsTable;
  customer_segment_members: CustomerSegmentMembersTable;
  customer_segment_counts: CustomerSegmentCountsTable;
  customer_segment_queue: CustomerSegmentQueueTable;
  customer_jobs: CustomerJobsTable;
  customer_transports: CustomerTransportsTable;
  customer_intake_queue: CustomerIntakeQueueTable;
}
