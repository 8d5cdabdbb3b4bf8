/**
 * Alert rules: create, read, change, delete. Each write and its audit row share a transaction.
 * A patch is merged with the stored rule and the result validated as a whole, so a rule is
 * never stored half-valid. The webhook secret is encrypted at rest and never returned.
 */
import { AlertRuleInput, type AlertRule, type AlertRulePatch } from '@touchpoint/shared';
import type { Deps } from '../../deps.js';
import type { Actor } from '../../platform/http/access.js';
import { AppError, fromZodError, notFound, validationError, type FieldIssue } from '../../platform/http/errors.js';
import { newId } from '../../platform/crypto/tokens.js';
import { writeAudit } from '../../platform/audit.js';
import { getSurvey } from '../surveys/index.js';
import type { AlertRulesTable } from './alerts.tables.js';
import * as repo from './alerts.repo.js';
import { webhookUrlProblem } from './webhook-address.js';

interface Ctx { workspaceId: string; actor: Actor }

export function presentRule(row: AlertRulesTable): AlertRule {
  return {
    id: row.id, name: row.name, metric: row.metric, kind: row.kind, config: JSON.parse(row.config), filters: JSON.parse(row.filters),
    minResponses: row.min_responses, cooldownMinutes: row.cooldown_minutes, emailTo: JSON.parse(row.email_to),
    webhookUrl: row.webhook_url, webhookSecretSet: !!row.webhook_secret_enc, enabled: !!row.enabled,
    lastFiredAt: row.last_fired_at, lastEvaluatedAt: row.last_evaluated_at, lastResult: row.last_result ? JSON.parse(row.last_result) : null,
    createdAt: row.created_at, updatedAt: row.updated_at,
  } as AlertRule;
}

/**
 * Checks the parts a schema cannot see: the survey is this workspace's; a webhook has a secret and,
 * when it is new (`checkUrl`), an address the server may send to. A stored URL is not re-judged on
 * other changes, so a rule whose address is refused can still be renamed or turned off.
 */
async function checkReferences(deps: Deps, workspaceId: string, rule: AlertRuleInput, hasStoredSecret: boolean, checkUrl: boolean) {
  const issues: FieldIssue[] = [];
  if (rule.filters.surveyId) {
    try {
      await getSurvey(deps, workspaceId, rule.filters.surveyId);
    } catch (err) {
      if (!(err instanceof AppError) || err.statusCode !== 404) throw err;
      issues.push({ path: 'body.filters.surveyId', message: 'no such survey in this workspace' });
    }
  }
  const urlProblem = checkUrl && rule.webhookUrl && webhookUrlProblem(rule.webhookUrl, deps.config.alertWebhookAllowPrivate);
  if (urlProblem) issues.push({ path: 'body.webhookUrl', message: urlProblem });
  if (rule.webhookUrl && !rule.webhookSecret && !hasStoredSecret) issues.push({ path: 'body.webhookSecret', message: 'a webhook needs a secret to sign its requests' });
  if (issues.length) throw validationError(issues);
}

function toColumns(deps: Deps, rule: AlertRuleInput) {
  return {
    name: rule.name, metric: rule.metric, kind: rule.kind, filters: JSON.stringify(rule.filters), config: JSON.stringify(rule.config),
    min_responses: rule.minResponses, cooldown_minutes: rule.cooldownMinutes, email_to: JSON.stringify(rule.emailTo),
    webhook_url: rule.webhookUrl, enabled: rule.enabled ? 1 : 0,
    ...(rule.webhookSecret ? { webhook_secret_enc: deps.cipher.encrypt(rule.webhookSecret) } : {}),
  };
}

/** What the audit log keeps of a rule: its shape, never the secret. */
const auditDetails = (rule: AlertRuleInput) => ({ name: rule.name, metric: rule.metric, kind: rule.kind, config: rule.config, filters: rule.filters, webhook: !!rule.webhookUrl, emails: rule.emailTo.length });

export async function createRule(deps: Deps, ctx: Ctx, input: AlertRuleInput): Promise<AlertRule> {
  await checkReferences(deps, ctx.workspaceId, input, false, true);
  const now = new Date().toISOString();
  const row: AlertRulesTable = {
    id: newId(), workspace_id: ctx.workspaceId, webhook_secret_enc: null, ...toColumns(deps, input),
    last_fired_at: null, last_evaluated_at: null, last_result: null, created_at: now, updated_at: now,
  };
  await deps.db.transaction().execute(async (trx) => {
    await repo.insertRule(trx, row);
    await writeAudit(trx, { workspaceId: ctx.workspaceId, actor: ctx.actor, action: 'alert_rule.created', targetType: 'alert_rule', targetId: row.id, details: auditDetails(input) });
  });
  return presentRule(row);
}

export async function getRule(deps: Deps, workspaceId: string, id: string): Promise<AlertRule> {
  const row = await repo.findRule(deps.db, workspaceId, id);
  if (!row) throw notFound('alert_rule');
  return presentRule(row);
}

export async function listRules(deps: Deps, workspaceId: string): Promise<AlertRule[]> {
  return (await repo.listRules(deps.db, workspaceId)).map(presentRule);
}

export async function updateRule(deps: Deps, ctx: Ctx, id: string, patch: AlertRulePatch): Promise<AlertRule> {
  const row = await repo.findRule(deps.db, ctx.workspaceId, id);
  if (!row) throw notFound('alert_rule');
  const current = presentRule(row);
  const merged = {
    name: current.name, metric: current.metric, kind: current.kind, config: current.config, filters: current.filters,
    minResponses: current.minResponses, cooldownMinutes: current.cooldownMinutes, emailTo: current.emailTo,
    webhookUrl: current.webhookUrl, enabled: current.enabled, ...patch,
  };
  const parsed = AlertRuleInput.safeParse(merged);
  if (!parsed.success) throw fromZodError(parsed.error, 'body');
  const rule = parsed.data;
  await checkReferences(deps, ctx.workspaceId, rule, !!row.webhook_secret_enc, 'webhookUrl' in patch);
  const columns = { ...toColumns(deps, rule), updated_at: new Date().toISOString() };
  // Without a webhook the secret has no use; dropping it means a new URL needs a new secret.
  if (!rule.webhookUrl) Object.assign(columns, { webhook_secret_enc: null });
  await deps.db.transaction().execute(async (trx) => {
    const r = await repo.updateRule(trx, ctx.workspaceId, id, columns);
    if (!Number(r.numUpdatedRows)) throw notFound('alert_rule');
    await writeAudit(trx, { workspaceId: ctx.workspaceId, actor: ctx.actor, action: 'alert_rule.updated', targetType: 'alert_rule', targetId: id, details: { fields: Object.keys(patch), ...auditDetails(rule) } });
  });
  return getRule(deps, ctx.workspaceId, id);
}

export async function deleteRule(deps: Deps, ctx: Ctx, id: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const r = await repo.deleteRule(trx, ctx.workspaceId, id);
    if (!Number(r.numDeletedRows)) throw notFound('alert_rule');
    await writeAudit(trx, { workspaceId: ctx.workspaceId, actor: ctx.actor, action: 'alert_rule.deleted', targetType: 'alert_rule', targetId: id });
  });
}

/** The rule's webhook secret in clear, for signing a delivery. */
export function webhookSecretOf(deps: Deps, row: AlertRulesTable): string | null {
  return row.webhook_secret_enc ? deps.cipher.decrypt(row.webhook_secret_enc) : null;
}

/** Every encrypted column of this module, for key rotation. */
export const ENCRYPTED_COLUMNS = [
  { table: 'alert_rules', id: 'id', columns: ['webhook_secret_enc'] },
] as const;
