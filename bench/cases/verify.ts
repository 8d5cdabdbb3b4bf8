/**
 * What the cases bench reads back from the store (through a probe connection of its own, never the
 * nodes under test): the invariants of "one open case per customer per theme" and the times at
 * which each answer became part of a case.
 */
import type { Probe } from '../customers/procs.js';

const OPEN = `('new','open','waiting')`;

export interface Invariants {
  responses: number; detractors: number; promoters: number;
  detractorCustomers: number; openCases: number; allCases: number;
  /** (customer, theme) pairs with more than one open case, and with more than one case at all. */
  duplicateOpen: number; duplicateAny: number;
  /** Detractor answers linked to no case or to several; promoter answers linked to any. */
  detractorsNotOnce: number; promotersLinked: number;
  /** Links whose case belongs to another customer than the answer. */
  wrongCustomer: number;
  judgedMarks: number; unassigned: number; linkedRows: number;
}

export async function invariants(probe: Probe, workspaceId: string): Promise<Invariants> {
  const one = async (sql: string) => Number((await probe.all<{ n: string | number }>(sql, [workspaceId]))[0].n);
  return {
    responses: await one(`select count(*) n from responses where workspace_id = ?`),
    detractors: await one(`select count(*) n from responses where workspace_id = ? and nps <= 6`),
    promoters: await one(`select count(*) n from responses where workspace_id = ? and nps >= 9`),
    detractorCustomers: await one(`select count(distinct customer_external_id) n from responses where workspace_id = ? and nps <= 6`),
    openCases: await one(`select count(*) n from cases where workspace_id = ? and category in ${OPEN}`),
    allCases: await one(`select count(*) n from cases where workspace_id = ?`),
    duplicateOpen: await one(`select count(*) n from (select 1 from cases where workspace_id = ? and category in ${OPEN} group by customer_key, theme having count(*) > 1) d`),
    duplicateAny: await one(`select count(*) n from (select 1 from cases where workspace_id = ? group by customer_key, theme having count(*) > 1) d`),
    detractorsNotOnce: await one(`select count(*) n from responses r where r.workspace_id = ? and r.nps <= 6 and (select count(*) from case_responses cr where cr.response_id = r.id) <> 1`),
    promotersLinked: await one(`select count(*) n from case_responses cr join responses r on r.id = cr.response_id where cr.workspace_id = ? and r.nps >= 7`),
    wrongCustomer: await one(`select count(*) n from case_responses cr join responses r on r.id = cr.response_id join cases c on c.id = cr.case_id where cr.workspace_id = ? and c.customer_key <> 'x:' || r.customer_external_id`),
    judgedMarks: await one(`select count(*) n from case_judged_responses where workspace_id = ?`),
    unassigned: await one(`select count(*) n from cases where workspace_id = ? and owner_id is null`),
    linkedRows: await one(`select count(*) n from case_responses where workspace_id = ?`),
  };
}

/** Failures of the target's invariants, as lines; empty when all hold. */
export function failures(v: Invariants, expected: { responses: number }): string[] {
  const out: string[] = [];
  if (v.responses !== expected.responses) out.push(`stored ${v.responses} answers, ${expected.responses} were acknowledged`);
  if (v.openCases !== v.detractorCustomers) out.push(`${v.openCases} open cases for ${v.detractorCustomers} customers who sent a detractor answer`);
  if (v.duplicateOpen) out.push(`${v.duplicateOpen} (customer, theme) pairs with two or more open cases`);
  if (v.duplicateAny) out.push(`${v.duplicateAny} (customer, theme) pairs with two or more cases`);
  if (v.detractorsNotOnce) out.push(`${v.detractorsNotOnce} detractor answers not linked to exactly one case`);
  if (v.promotersLinked) out.push(`${v.promotersLinked} promoter answers linked to a case`);
  if (v.wrongCustomer) out.push(`${v.wrongCustomer} answers linked to another customer's case`);
  if (v.judgedMarks !== v.responses) out.push(`${v.judgedMarks} judged marks for ${v.responses} answers`);
  return out;
}

export async function counts(probe: Probe, workspaceId: string): Promise<{ responses: number; judged: number; pendingOutbox: number }> {
  const [r] = await probe.all<{ responses: string; judged: string; pending: string }>(
    `select (select count(*) from responses where workspace_id = ?) responses,
            (select count(*) from case_judged_responses where workspace_id = ?) judged,
            (select count(*) from outbox where processed_at is null) pending`, [workspaceId, workspaceId]);
  return { responses: Number(r.responses), judged: Number(r.judged), pendingOutbox: Number(r.pending) };
}

export interface AnswerTimes { id: string; createdAt: number; nps: number; linkedAt: number | null; kind: string | null }

/** Per answer: when it was stored, and when it became part of a case (its case_responses row). */
export async function answerTimes(probe: Probe, workspaceId: string): Promise<AnswerTimes[]> {
  const rows = await probe.all<{ id: string; created_at: string; nps: number; linked_at: string | null; kind: string | null }>(
    `select r.id, r.created_at, r.nps, cr.created_at linked_at, cr.kind from responses r
     left join case_responses cr on cr.response_id = r.id where r.workspace_id = ?`, [workspaceId]);
  return rows.map((r) => ({ id: r.id, createdAt: Date.parse(r.created_at), nps: Number(r.nps), linkedAt: r.linked_at ? Date.parse(r.linked_at) : null, kind: r.kind }));
}

export interface Dist { n: number; p50: number; p95: number; p99: number; max: number }
export function dist(values: number[]): Dist {
  const v = [...values].sort((a, b) => a - b);
  const at = (q: number) => (v.length ? v[Math.min(v.length - 1, Math.ceil(q * v.length) - 1)] : NaN);
  return { n: v.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: v.length ? v[v.length - 1] : NaN };
}
