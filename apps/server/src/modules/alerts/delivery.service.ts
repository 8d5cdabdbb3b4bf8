/**
 * Delivering alerts by email and webhook, at least once, with back-off. The queue is the alert
 * row itself: its per-channel status and `next_attempt_at`. A worker picks due rows, leases one
 * (so no second worker sends it meanwhile), tries every channel still pending, and records the
 * outcome and the next try. A crash between sending and recording only repeats a send, which
 * receivers tell apart by the alert id (`x-touchpoint-delivery`).
 *
 * Why not the outbox: it retries a failing handler on every tick, without back-off or a last
 * attempt, and one dead webhook would then be called four times a second for ever.
 * Webhooks go to public addresses only (webhook-send.ts); a refused one fails without retries.
 */
import type { AlertEvent, DeliveryStatus } from '@touchpoint/shared';
import type { Deps } from '../../deps.js';
import type { Actor } from '../../platform/http/access.js';
import { getWorkspace } from '../accounts/index.js';
import { getSurvey } from '../surveys/index.js';
import type { AlertEventsTable, AlertRulesTable } from './alerts.tables.js';
import * as repo from './alerts.repo.js';
import { createTestAlert } from './evaluate.service.js';
import { alertEmail, signWebhook, webhookPayload, type AlertContext } from './alert-message.js';
import { DELIVERY_LEASE_MS as LEASE_MS, retryDelay } from './evaluation.js';
import { presentEvent } from './events.service.js';
import { presentRule, webhookSecretOf } from './rules.service.js';
import { sendWebhook, WebhookRefused } from './webhook-send.js';

const WEBHOOK_TIMEOUT_MS = 5_000;

const iso = (ms: number) => new Date(ms).toISOString();
const open = (s: string) => s === 'pending' || s === 'retrying';

/** Attempts every delivery due at `nowMs` (tests pass a later time instead of waiting); returns how many. */
export async function deliverDue(deps: Deps, nowMs = Date.now(), limit = 20): Promise<number> {
  const rows = await repo.dueDeliveries(deps.db, iso(nowMs), limit);
  let attempted = 0;
  for (const row of rows) {
    if (!(await repo.leaseDelivery(deps.db, row.id, row.next_attempt_at!, iso(nowMs + LEASE_MS)))) continue;
    await attempt(deps, row, nowMs);
    attempted++;
  }
  return attempted;
}

/** A test alert for a rule, delivered before answering so the person sees whether it arrived. */
export async function sendTestAlert(deps: Deps, ctx: { workspaceId: string; actor: Actor }, ruleId: string): Promise<AlertEvent> {
  return deliverNow(deps, await createTestAlert(deps, ctx, ruleId));
}

/** A test alert's deliveries right away: it was stored already leased to its creator (see fireAlert). */
async function deliverNow(deps: Deps, row: AlertEventsTable): Promise<AlertEvent> {
  if (row.next_attempt_at) await attempt(deps, row, Date.now());
  const fresh = await repo.findEvent(deps.db, row.workspace_id, row.id);
  return presentEvent(fresh ?? row);
}

async function attempt(deps: Deps, row: AlertEventsTable, nowMs: number): Promise<void> {
  const s = { email_status: row.email_status, email_attempts: Number(row.email_attempts), webhook_status: row.webhook_status, webhook_attempts: Number(row.webhook_attempts) };
  const ruleRow = await repo.findRule(deps.db, row.workspace_id, row.rule_id);
  const errors: string[] = [];
  if (!ruleRow) {
    // The rule was deleted: its recipients and secret went with it.
    if (open(s.email_status)) s.email_status = 'skipped';
    if (open(s.webhook_status)) s.webhook_status = 'skipped';
  } else {
    const ctx = await contextOf(deps, row);
    const rule = presentRule(ruleRow);
    if (open(s.email_status)) {
      s.email_attempts++;
      try {
        if (!rule.emailTo.length) s.email_status = 'skipped';
        else {
          await deps.mailer.send({ to: rule.emailTo.join(', '), ...alertEmail(ctx) });
          s.email_status = 'delivered';
        }
      } catch (err) {
        errors.push(`email: ${describe(err)}`);
        s.email_status = failedOrRetrying(s.email_attempts);
      }
    }
    if (open(s.webhook_status)) {
      s.webhook_attempts++;
      try {
        if (!(await postWebhook(ruleRow, deps, ctx))) s.webhook_status = 'skipped';
        else s.webhook_status = 'delivered';
      } catch (err) {
        // A refused target stays refused: failed at once, not retried for half an hour.
        const refused = err instanceof WebhookRefused;
        errors.push(`webhook: ${refused ? `refused: ${err.message}` : describe(err)}`);
        s.webhook_status = refused ? 'failed' : failedOrRetrying(s.webhook_attempts);
      }
    }
  }
  const waits = [
    s.email_status === 'retrying' ? retryDelay(s.email_attempts) : null,
    s.webhook_status === 'retrying' ? retryDelay(s.webhook_attempts) : null,
  ].filter((w): w is number => w !== null);
  await repo.saveDelivery(deps.db, row.id, {
    ...s,
    next_attempt_at: waits.length ? iso(nowMs + Math.min(...waits)) : null,
    // The last failure stays on the row even after a later success: it explains the attempts.
    last_error: errors.length ? errors.join('; ').slice(0, 500) : row.last_error,
  });
  if (s.email_status !== row.email_status || s.webhook_status !== row.webhook_status) {
    const fresh = await repo.findEvent(deps.db, row.workspace_id, row.id);
    if (fresh) deps.hub.publish(`workspace:${row.workspace_id}`, 'alert', presentEvent(fresh));
  }
}

const failedOrRetrying = (attempts: number): DeliveryStatus => (retryDelay(attempts) === null ? 'failed' : 'retrying');

function describe(err: unknown): string {
  const e = err as Error & { cause?: { code?: string; message?: string } };
  const cause = e?.cause?.code ?? e?.cause?.message;
  return `${e?.message ?? String(err)}${cause ? ` (${cause})` : ''}`;
}

async function contextOf(deps: Deps, row: AlertEventsTable): Promise<AlertContext> {
  const event = presentEvent(row);
  const workspace = await getWorkspace(deps, row.workspace_id);
  let surveyName: string | null = null;
  if (event.rule.filters.surveyId) surveyName = await getSurvey(deps, row.workspace_id, event.rule.filters.surveyId).then((sv) => sv.name, () => null);
  return {
    event, surveyName,
    workspace: { id: workspace.id, name: workspace.name, language: workspace.settings.defaultLanguage },
    dashboardUrl: `${deps.publicUrl()}/w/${row.workspace_id}/dashboards`,
  };
}

/** POSTs the signed alert; false when the rule has no webhook (any more). Throws on failure. */
async function postWebhook(rule: AlertRulesTable, deps: Deps, ctx: AlertContext): Promise<boolean> {
  const secret = webhookSecretOf(deps, rule);
  if (!rule.webhook_url || !secret) return false;
  const body = JSON.stringify(webhookPayload(ctx));
  const timestamp = Math.floor(Date.now() / 1000);
  const status = await sendWebhook(rule.webhook_url, {
    'content-type': 'application/json', 'user-agent': 'Touchpoint-Alerts/1',
    'x-touchpoint-event': 'alert.fired', 'x-touchpoint-timestamp': String(timestamp),
    'x-touchpoint-signature': signWebhook(secret, timestamp, body), 'x-touchpoint-delivery': ctx.event.id,
  }, body, { allowPrivate: deps.config.alertWebhookAllowPrivate, timeoutMs: WEBHOOK_TIMEOUT_MS });
  if (status < 200 || status > 299) throw new Error(`HTTP ${status}`);
  return true;
}
