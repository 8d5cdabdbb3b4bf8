/**
 * CSV → batch responses. Columns named after question ids hold answers (multiple choice
 * separated by "|" or ";"); reserved columns: idempotency_key, channel, touchpoint, language,
 * customer_id, order_id, submitted_at, email, name, complete; "meta.<key>" columns become
 * metadata. Rows without idempotency_key get one derived from their content, so importing the
 * same file twice stores nothing twice.
 */
import crypto from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { BatchResponse, isScored, type Survey } from '@touchpoint/shared';
import type { FieldIssue } from '../../platform/http/errors.js';
import { formatPath } from '../../platform/http/errors.js';
import { checkBatch } from './batch.service.js';

export interface ParsedImport { items: BatchResponse[]; rowNumbers: number[]; errors: (FieldIssue & { row: number })[]; total: number }

const RESERVED = new Set(['idempotency_key', 'channel', 'touchpoint', 'language', 'customer_id', 'order_id', 'submitted_at', 'email', 'name', 'complete']);

export function parseCsv(text: string): Record<string, string>[] {
  return parse(text, { columns: (h: string[]) => h.map((c) => c.trim()), skip_empty_lines: true, bom: true, relax_column_count: true, trim: true });
}

export function rowsToResponses(survey: Survey, records: Record<string, string>[], firstRow = 2): ParsedImport {
  const byId = new Map(survey.definition.questions.map((q) => [q.id, q]));
  const out: ParsedImport = { items: [], rowNumbers: [], errors: [], total: records.length };
  records.forEach((rec, i) => {
    const row = firstRow + i;
    const answers: Record<string, unknown> = {};
    const metadata: Record<string, string> = {};
    for (const [col, raw] of Object.entries(rec)) {
      if (raw === undefined || raw === '') continue;
      if (col.startsWith('meta.')) { metadata[col.slice(5)] = raw; continue; }
      if (RESERVED.has(col)) continue;
      const q = byId.get(col);
      if (!q) { out.errors.push({ row, path: col, message: 'no question with this id' }); continue; }
      if (isScored(q.type)) answers[col] = /^-?\d+$/.test(raw) ? Number(raw) : raw;
      else if (q.type === 'multiple_choice') answers[col] = raw.split(/[|;]/).map((s) => s.trim()).filter(Boolean);
      else answers[col] = raw;
    }
    const candidate = {
      idempotencyKey: rec.idempotency_key || 'csv_' + crypto.createHash('sha256').update(survey.id + JSON.stringify(rec)).digest('base64url').slice(0, 32),
      answers,
      complete: rec.complete ? !/^(false|0|no|partial)$/i.test(rec.complete) : true,
      channel: rec.channel || 'import',
      touchpoint: rec.touchpoint || undefined,
      language: rec.language || undefined,
      customerExternalId: rec.customer_id || undefined,
      orderId: rec.order_id || undefined,
      submittedAt: rec.submitted_at ? normaliseDate(rec.submitted_at) : undefined,
      metadata: Object.keys(metadata).length ? metadata : undefined,
      respondent: rec.email || rec.name ? { email: rec.email || undefined, name: rec.name || undefined } : undefined,
    };
    const parsed = BatchResponse.safeParse(candidate);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) out.errors.push({ row, path: formatPath(issue.path), message: issue.message });
      return;
    }
    const semantic = checkBatch(survey, [parsed.data], 'row');
    if (semantic.length) {
      for (const s of semantic) out.errors.push({ row, path: s.path.replace(/^row\[0\]\./, ''), message: s.message });
      return;
    }
    out.items.push(parsed.data);
    out.rowNumbers.push(row);
  });
  return out;
}

/** Accepts ISO timestamps and plain "YYYY-MM-DD[ HH:MM[:SS]]" (read as UTC). */
function normaliseDate(raw: string): string {
  const plain = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}:\d{2}(?::\d{2})?))?$/.exec(raw);
  if (plain) return `${plain[1]}T${plain[2] ?? '00:00'}${plain[2]?.length === 5 ? ':00' : plain[2] ? '' : ':00'}Z`;
  return raw;
}
