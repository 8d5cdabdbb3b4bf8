/**
 * Case rules: create, read, change, delete, and the dry run (how many cases a rule would have
 * opened over the last 30 days, duplicates merged as the live engine merges them: one per customer
 * per theme). Each write and its audit row share a transaction; the webhook secret is encrypted at
 * rest and never returned.
 */
import type { CaseDryRun, CaseRule } from '@touchpoint/shared';
import { CaseRuleInput } from '@touchpoint/shared';
import type { z } from 'zod';
import type { Deps } from '../../deps.js';
import type { Actor } from '../../platform/http/access.js';
import { notFound, validationError, type FieldIssue } from '../../platform/http/errors.js';
import { newId } from '../../platform/crypto/tokens.js';
import { writeAudit } from '../../platform/audit.js';
import { responsesForCasesBetween } from '../responses/index.js';
import { webhookUrlProblem } from '../alerts/index.js';
import type { CaseRulesTable } from './cases.tables.js';
import { loadFacts } from './case-facts.js';
import { planCase } from './case-opening.service.js';
import { listAgents } from './setup.service.js';
import * as repo from './setup.repo.js';

interface Ctx { workspaceId: string; actor: Actor }
type RuleInput = z.output<typeof CaseRuleInput>;

export const DRY_RUN_DAYS = 30;
const DRY_RUN_PAGE = 1000;

export function presentRule(row: CaseRulesTable): CaseRule {
  return {
    id: row.id, name: row.name, enabled: !!row.enabled, position: row.position, trigger: JSON.parse(row.trigger),
    actions: { ...JSON.parse(row.actions), hasWebhookSecret: !!row.webhook_secret_enc }, matches: row.matches, lastMatchedAt: row.last_matched_at,
    createdAt: row.created_at, updatedAt: row.updated_at,
  };
}

/** What a schema cannot see: the team and the agent are this workspace's; a webhook has a secret and an address we may call. */
async function checkReferences(deps: Deps, workspaceId: string, input: RuleInput, storedSecret: boolean) {
  const issues: FieldIssue[] = [];
  const a = input.actions;
  if (a.teamId && !(await repo.team(deps.db, workspaceId, a.teamId))) issues.push({ path: 'body.actions.teamId', message: 'no such team in this workspace' });
  if (typeof a.assign === 'object' && !(await listAgents(deps, workspaceId)).some((x) => x.userId === (a.assign as { userId: string }).userId)) issues.push({ path: 'body.actions.assign.userId', message: 'not an agent of this workspace' });
  const urlProblem = a.webhookUrl && webhookUrlProblem(a.webhookUrl, deps.config.alertWebhookAllowPrivate);
  if (urlProblem) issues.push({ path: 'body.actions.webhookUrl', message: urlProblem });
  if (a.webhookUrl && !a.webhookSecret && !storedSecret) issues.push({ path: 'body.actions.webhookSecret', message: 'a webhook needs a secret to sign its requests' });
  if (issues.length) throw validationError(issues);
}

function columns(deps: Deps, input: RuleInput) {
  const { webhookSecret, ...actions } = input.actions;
  return {
    name: input.name, enabled: input.enabled ? 1 : 0, trigger: JSON.stringify(input.trigger), actions: JSON.stringify(actions),
    ...(webhookSecret ? { webhook_secret_enc: deps.cipher.encrypt(webhookSecret) } : {}),
  };
}

export const listRules = async (deps: Deps, workspaceId: string) => (await repo.rules(deps.db, workspaceId)).map(presentRule);

export async function createRule(deps: Deps, ctx: Ctx, input: RuleInput): Promise<CaseRule> {
  await checkReferences(deps, ctx.workspaceId, input, false);
  const now = new Date().toISOString();
  const existing = await repo.rules(deps.db, ctx.workspaceId);
  const row: CaseRulesTable = {
    id: newId(), workspace_id: ctx.workspaceId, webhook_secret_enc: null, ...columns(deps, input), position: existing.length ? Math.max(...existing.map((r) => r.position)) + 1 : 0,
    matches: 0, last_matched_at: null, created_at: now, updated_at: now,
  };
  await deps.db.transaction().execute(async (trx) => {
    await repo.insertRule(trx, row);
    await writeAudit(trx, { workspaceId: ctx.workspaceId, actor: ctx.actor, action: 'case_rule.created', targetType: 'case_rule', targetId: row.id, details: { name: input.name, trigger: input.trigger } });
  });
  return presentRule(row);
}

export async function updateRule(deps: Deps, ctx: Ctx, id: string, input: RuleInput): Promise<CaseRule> {
  const row = await repo.rule(deps.db, ctx.workspaceId, id);
  if (!row) throw notFound('case_rule');
  await checkReferences(deps, ctx.workspaceId, input, !!row.webhook_secret_enc);
  const patch = { ...columns(deps, input), updated_at: new Date().toISOString(), ...(input.actions.webhookUrl ? {} : { webhook_secret_enc: null }) };
  await deps.db.transaction().execute(async (trx) => {
    await repo.updateRule(trx, ctx.workspaceId, id, patch);
    await writeAudit(trx, { workspaceId: ctx.workspaceId, actor: ctx.actor, action: 'case_rule.updated', targetType: 'case_rule', targetId: id, details: { name: input.name, trigger: input.trigger, enabled: input.enabled } });
  });
  return presentRule((await repo.rule(deps.db, ctx.workspaceId, id))!);
}

export async function deleteRule(deps: Deps, ctx: Ctx, id: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const r = await repo.deleteRule(trx, ctx.workspaceId, id);
    if (!Number(r.numDeletedRows)) throw notFound('case_rule');
    await writeAudit(trx, { workspaceId: ctx.workspaceId, actor: ctx.actor, action: 'case_rule.deleted', targetType: 'case_rule', targetId: id });
  });
}

/** The rule's webhook secret in clear, for signing a delivery. */
export const webhookSecretOf = (deps: Deps, row: CaseRulesTable) => (row.webhook_secret_enc ? deps.cipher.decrypt(row.webhook_secret_enc) : null);

/**
 * Runs an unsaved rule over the last 30 days of complete answers, as the engine would have judged
 * them (text facts as analysed now). Other rules are ignored: the question is what this one catches.
 */
export async function dryRun(deps: Deps, workspaceId: string, input: RuleInput, now = Date.now()): Promise<CaseDryRun> {
  const probe: CaseRulesTable = { id: 'dry-run', workspace_id: workspaceId, name: input.name, enabled: 1, position: 0, trigger: JSON.stringify(input.trigger), actions: JSON.stringify(input.actions), webhook_secret_enc: null, matches: 0, last_matched_at: null, created_at: '', updated_at: '' };
  const from = new Date(now - DRY_RUN_DAYS * 86_400_000).toISOString();
  const to = new Date(now).toISOString();
  let after: { at: string; id: string } | null = null;
  let scanned = 0, matched = 0;
  const keys = new Map<string, string>();
  const samples: CaseDryRun['samples'] = [];
  for (;;) {
    const rows = await responsesForCasesBetween(deps.db, workspaceId, from, to, after, DRY_RUN_PAGE);
    if (!rows.length) break;
    after = { at: rows[rows.length - 1].created_at, id: rows[rows.length - 1].id };
    scanned += rows.length;
    for (const f of await loadFacts(deps, workspaceId, [], rows)) {
      const plan = await planCase(deps, workspaceId, f, [probe]);
      if (!plan) continue;
      matched++;
      // As the engine merges: an answer joins the customer's case on any of its themes.
      const customerThemes = [...keys.keys()].filter((k) => k.startsWith(`${f.customer.key}|`)).map((k) => k.slice(f.customer.key.length + 1));
      if (!plan.themes.some((t) => customerThemes.includes(t)) && !customerThemes.includes(plan.theme)) keys.set(`${f.customer.key}|${plan.theme}`, plan.theme);
      if (samples.length < 10) samples.push({ responseId: f.row.id, createdAt: f.row.created_at, themes: plan.themes, nps: f.row.nps, csat: f.row.csat, ces: f.row.ces });
    }
    if (rows.length < DRY_RUN_PAGE) break;
  }
  const byTheme = new Map<string, number>();
  for (const theme of keys.values()) byTheme.set(theme, (byTheme.get(theme) ?? 0) + 1);
  return { days: DRY_RUN_DAYS, scanned, matched, cases: keys.size, byTheme: [...byTheme].map(([theme, cases]) => ({ theme, cases })).sort((a, b) => b.cases - a.cases || a.theme.localeCompare(b.theme)), samples };
}
