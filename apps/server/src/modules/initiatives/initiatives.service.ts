/**
 * The portfolio: create, read, change and delete initiatives, and their business cases. Every
 * write and its audit row share a transaction; changes name the version they saw (409 when stale).
 * A patch is merged with the stored initiative and validated as a whole. Analyses are computed on
 * read from the stored input (`analyzeBusinessCase`), never stored, so a formula fix applies to
 * every case at once.
 */
import {
  analyzeBusinessCase, BusinessCaseInput, InitiativeInput,
  type BusinessCaseSummary, type DriverMeasurement, type Initiative, type InitiativeListQuery, type InitiativePatch, type InitiativeSummary,
} from '@touchpoint/shared';
import type { Deps } from '../../deps.js';
import type { Actor } from '../../platform/http/access.js';
import { conflict, fromZodError, notFound, validationError, type FieldIssue } from '../../platform/http/errors.js';
import { newTimeOrderedId } from '../../platform/crypto/tokens.js';
import { writeAudit } from '../../platform/audit.js';
import { listMembers } from '../accounts/index.js';
import type { InitiativesTable } from './initiatives.tables.js';
import * as repo from './initiatives.repo.js';
import { actualChange } from './actual-change.js';
import { fillMeasuredDrivers } from './measured-drivers.js';

export interface Ctx { workspaceId: string; actor: Actor }

const stale = () => conflict('initiative_changed', 'the initiative changed since you loaded it: reload and try again');

function fieldsOf(row: InitiativesTable): InitiativeInput {
  return {
    name: row.name, area: row.area as InitiativeInput['area'], priority: row.priority as InitiativeInput['priority'], why: row.why,
    budget: row.budget ? JSON.parse(row.budget) : null, expectedRoi: row.expected_roi === null ? null : Number(row.expected_roi),
    status: row.status as InitiativeInput['status'], valueScore: Number(row.value_score), costScore: Number(row.cost_score),
    ownerId: row.owner_id, launchDate: row.launch_date, expectedChange: row.expected_change ? JSON.parse(row.expected_change) : null,
  };
}

function toColumns(input: InitiativeInput) {
  return {
    name: input.name, area: input.area, priority: input.priority, why: input.why, budget: input.budget ? JSON.stringify(input.budget) : null,
    expected_roi: input.expectedRoi, status: input.status, value_score: input.valueScore, cost_score: input.costScore,
    owner_id: input.ownerId, launch_date: input.launchDate, expected_change: input.expectedChange ? JSON.stringify(input.expectedChange) : null,
  };
}

const caseOf = (row: InitiativesTable): BusinessCaseInput | null => (row.business_case ? BusinessCaseInput.parse(JSON.parse(row.business_case)) : null);

export function summarize(input: BusinessCaseInput): BusinessCaseSummary {
  const a = analyzeBusinessCase(input);
  return {
    currency: a.currency, periodUnit: input.periodUnit, npv: a.npv, roi: a.roi, irr: a.irr.value,
    paybackSimple: a.payback.simple, paybackDiscounted: a.payback.discounted, totalCost: a.totalCost,
  };
}

function presentSummary(row: InitiativesTable): InitiativeSummary {
  const bc = caseOf(row);
  return {
    id: row.id, version: Number(row.version), createdAt: row.created_at, updatedAt: row.updated_at, ...fieldsOf(row),
    hasBusinessCase: !!bc, summary: bc ? summarize(bc) : null,
  };
}

async function present(deps: Deps, workspaceId: string, row: InitiativesTable): Promise<Initiative> {
  const fields = fieldsOf(row);
  const bc = caseOf(row);
  const actual = fields.status === 'launched' && fields.launchDate && fields.expectedChange
    ? await actualChange(deps, workspaceId, fields.launchDate, fields.expectedChange) : null;
  return {
    ...presentSummary(row), businessCase: bc, businessCaseUpdatedAt: row.business_case_updated_at,
    measurements: JSON.parse(row.business_case_measured) as DriverMeasurement[], analysis: bc ? analyzeBusinessCase(bc) : null, actual,
  };
}

/** What a schema cannot see: the owner is a member of this workspace. */
async function checkReferences(deps: Deps, workspaceId: string, input: InitiativeInput) {
  const issues: FieldIssue[] = [];
  if (input.ownerId && !(await listMembers(deps, workspaceId)).some((m) => m.id === input.ownerId)) issues.push({ path: 'body.ownerId', message: 'not a member of this workspace' });
  if (issues.length) throw validationError(issues);
}

async function rowOrThrow(deps: Deps, workspaceId: string, id: string): Promise<InitiativesTable> {
  const row = await repo.findInitiative(deps.db, workspaceId, id);
  if (!row) throw notFound('initiative');
  return row as InitiativesTable;
}

const auditDetails = (i: InitiativeInput) => ({ name: i.name, area: i.area, priority: i.priority, status: i.status });

/** Makes initiatives (with an optional business case each) in one transaction. */
export async function insertInitiatives(deps: Deps, ctx: Ctx, items: { input: InitiativeInput; businessCase?: BusinessCaseInput | null }[], action = 'initiative.created'): Promise<InitiativesTable[]> {
  const now = new Date().toISOString();
  const rows: InitiativesTable[] = items.map(({ input, businessCase }) => ({
    // Time-ordered ids: a template's rows list in the order they were made.
    id: newTimeOrderedId(), workspace_id: ctx.workspaceId, ...toColumns(input),
    business_case: businessCase ? JSON.stringify(businessCase) : null, business_case_measured: '[]', business_case_updated_at: businessCase ? now : null,
    created_at: now, updated_at: now, version: 0,
  }));
  await deps.db.transaction().execute(async (trx) => {
    for (const [i, row] of rows.entries()) {
      await repo.insertInitiative(trx, row);
      await writeAudit(trx, { workspaceId: ctx.workspaceId, actor: ctx.actor, action, targetType: 'initiative', targetId: row.id, details: { ...auditDetails(items[i].input), businessCase: !!items[i].businessCase } });
    }
  });
  return rows;
}

export async function createInitiative(deps: Deps, ctx: Ctx, input: InitiativeInput): Promise<Initiative> {
  await checkReferences(deps, ctx.workspaceId, input);
  const [row] = await insertInitiatives(deps, ctx, [{ input }]);
  return present(deps, ctx.workspaceId, row);
}

export async function getInitiative(deps: Deps, workspaceId: string, id: string): Promise<Initiative> {
  return present(deps, workspaceId, await rowOrThrow(deps, workspaceId, id));
}

export async function listInitiatives(deps: Deps, workspaceId: string, q: InitiativeListQuery): Promise<{ items: InitiativeSummary[] }> {
  return { items: (await repo.listInitiatives(deps.db, workspaceId, q)).map((r) => presentSummary(r as InitiativesTable)) };
}

export async function updateInitiative(deps: Deps, ctx: Ctx, id: string, patch: InitiativePatch): Promise<Initiative> {
  const row = await rowOrThrow(deps, ctx.workspaceId, id);
  const { version, ...changes } = patch;
  if (version !== undefined && version !== Number(row.version)) throw stale();
  const parsed = InitiativeInput.safeParse({ ...fieldsOf(row), ...changes });
  if (!parsed.success) throw fromZodError(parsed.error, 'body');
  const input = parsed.data;
  if ('ownerId' in changes) await checkReferences(deps, ctx.workspaceId, input);
  await deps.db.transaction().execute(async (trx) => {
    if (!(await repo.updateAtVersion(trx, ctx.workspaceId, id, Number(row.version), { ...toColumns(input), updated_at: new Date().toISOString() }))) throw stale();
    await writeAudit(trx, { workspaceId: ctx.workspaceId, actor: ctx.actor, action: 'initiative.updated', targetType: 'initiative', targetId: id, details: { fields: Object.keys(changes), ...auditDetails(input) } });
  });
  return getInitiative(deps, ctx.workspaceId, id);
}

export async function deleteInitiative(deps: Deps, ctx: Ctx, id: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const r = await repo.deleteInitiative(trx, ctx.workspaceId, id);
    if (!Number(r.numDeletedRows)) throw notFound('initiative');
    await writeAudit(trx, { workspaceId: ctx.workspaceId, actor: ctx.actor, action: 'initiative.deleted', targetType: 'initiative', targetId: id });
  });
}

/** Stores a business case: measured drivers filled (and what was measured, when), then the input as JSON. */
export async function putBusinessCase(deps: Deps, ctx: Ctx, id: string, input: BusinessCaseInput, version?: number): Promise<Initiative> {
  const row = await rowOrThrow(deps, ctx.workspaceId, id);
  if (version !== undefined && version !== Number(row.version)) throw stale();
  const filled = await fillMeasuredDrivers(deps, ctx.workspaceId, input);
  const now = new Date().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    const ok = await repo.updateAtVersion(trx, ctx.workspaceId, id, Number(row.version), {
      business_case: JSON.stringify(filled.input), business_case_measured: JSON.stringify(filled.measurements), business_case_updated_at: now, updated_at: now,
    });
    if (!ok) throw stale();
    await writeAudit(trx, {
      workspaceId: ctx.workspaceId, actor: ctx.actor, action: 'initiative.business_case_saved', targetType: 'initiative', targetId: id,
      details: { currency: input.currency, periodUnit: input.periodUnit, periods: input.periods, costs: input.costs.length, benefits: input.benefits.length, measured: filled.measurements.length },
    });
  });
  return getInitiative(deps, ctx.workspaceId, id);
}
