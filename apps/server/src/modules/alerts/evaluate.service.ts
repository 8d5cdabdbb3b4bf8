/**
 * Evaluation: read each rule's number for its segment through the metrics module, decide, and
 * fire. Firing claims the cool-down and stores the alert with its audit row in one transaction,
 * then publishes it to the workspace's live stream; delivery (email, webhook) follows apart.
 */
import type { AlertExpected, AlertMeasurement, AlertRule, AnomalyConfig } from '@touchpoint/shared';
import type { Deps } from '../../deps.js';
import type { Actor } from '../../platform/http/access.js';
import { newTimeOrderedId } from '../../platform/crypto/tokens.js';
import { SYSTEM_ACTOR, writeAudit } from '../../platform/audit.js';
import { getMetricSettings, localDay, queryMetrics, type MetricsQuery } from '../metrics/index.js';
import type { AlertEventsTable } from './alerts.tables.js';
import * as repo from './alerts.repo.js';
import {
  addDays, anomalyPeriods, closedWindowReported, coolDownCutoff, DELIVERY_LEASE_MS, coolDownOver, enoughAnswers, isAnomalous, judgesLowCount, metricValue,
  normalRange, ruleDue, SD_FLOOR, thresholdCrossed, thresholdWindow, volumeDropped, type Summary, type Touched,
} from './evaluation.js';
import { presentEvent } from './events.service.js';
import { getRule, presentRule } from './rules.service.js';

export interface Measured { measurement: AlertMeasurement; expected: AlertExpected | null; breached: boolean }

const NOTHING: Summary = { responses: 0, nps: { n: 0, nps: null }, csat: { n: 0, csat: null }, ces: { n: 0, mean: null }, sentiment: { n: 0, mean: null } };

function segment(rule: AlertRule): Pick<MetricsQuery, 'surveyIds' | 'channels' | 'meta'> {
  return { surveyIds: rule.filters.surveyId ? [rule.filters.surveyId] : undefined, channels: rule.filters.channel ? [rule.filters.channel] : undefined, meta: rule.filters.meta };
}

/** The rule's number now (`today` is the workspace's local day) and whether it calls for an alert. */
export async function measureRule(deps: Deps, workspaceId: string, rule: AlertRule, today: string): Promise<Measured> {
  if (rule.kind === 'anomaly') return measureAnomaly(deps, workspaceId, rule, rule.config, today);
  const complete = judgesLowCount(rule);
  const w = thresholdWindow(today, rule.config.windowDays, complete);
  const r = await queryMetrics(deps, workspaceId, { ...w, interval: 'total', ...segment(rule) });
  const { value, n } = metricValue(rule.metric, r.total);
  const breached = value !== null && enoughAnswers(rule.metric, n, rule.minResponses) && thresholdCrossed(rule.config.operator, value, rule.config.value);
  return {
    measurement: { value, n, ...w, interval: 'total', ...(complete ? { complete } : {}) },
    expected: { kind: 'threshold', operator: rule.config.operator, value: rule.config.value }, breached,
  };
}

/**
 * The current period so far against the periods before it; for the response count also the last
 * closed period against the ones before *it*, for a drop (one query reads both).
 */
async function measureAnomaly(deps: Deps, workspaceId: string, rule: AlertRule, cfg: AnomalyConfig, today: string): Promise<Measured> {
  const running = anomalyPeriods(today, cfg);
  const closed = rule.metric === 'responses' ? anomalyPeriods(addDays(running.current, -1), cfg) : null;
  const r = await queryMetrics(deps, workspaceId, { from: (closed ?? running).from, to: today, interval: cfg.interval, ...segment(rule) });
  const byPeriod = new Map((r.series[0]?.points ?? []).map((pt) => [pt.period, metricValue(rule.metric, pt)]));
  const read = (period: string) => byPeriod.get(period) ?? metricValue(rule.metric, NOTHING);
  const judge = (p: typeof running, to: string, complete: boolean): Measured => {
    const current = read(p.current);
    // Only periods with enough answers say what normal is; a quiet day's NPS of 3 answers says little.
    const baseline = p.baseline.map((period) => ({ period, ...read(period) }))
      .filter((b): b is { period: string; value: number; n: number } => b.value !== null && enoughAnswers(rule.metric, b.n, rule.minResponses));
    const range = normalRange(baseline.map((b) => b.value), cfg.sigmas, SD_FLOOR[rule.metric]);
    const breached = !!range && current.value !== null && enoughAnswers(rule.metric, current.n, rule.minResponses)
      && (complete ? volumeDropped(current.value, range) : isAnomalous(rule.metric, current.value, range));
    return {
      measurement: { value: current.value, n: current.n, from: p.current, to, interval: cfg.interval, ...(complete ? { complete } : {}) },
      expected: range && { kind: 'anomaly', ...range, sigmas: cfg.sigmas, baseline },
      breached,
    };
  };
  const now = judge(running, today, false);
  if (now.breached || !closed) return now;
  const last = judge(closed, closed.to, true);
  return last.breached ? last : now;
}

/**
 * Stores an alert for `rule`. A real alert first claims the cool-down (null when another
 * evaluation fired inside it); a test alert skips the cool-down and does not restart it.
 */
export async function fireAlert(deps: Deps, workspaceId: string, rule: AlertRule, m: Measured, opts: { test: boolean; actor: Actor }): Promise<AlertEventsTable | null> {
  const nowMs = Date.now();
  const now = new Date(nowMs).toISOString();
  const email = rule.emailTo.length ? 'pending' : 'none';
  const webhook = rule.webhookUrl ? 'pending' : 'none';
  const row: AlertEventsTable = {
    id: newTimeOrderedId(), workspace_id: workspaceId, rule_id: rule.id, fired_at: now, test: opts.test ? 1 : 0,
    value: m.measurement.value, n: m.measurement.n, expected: m.expected && JSON.stringify(m.expected),
    details: JSON.stringify({
      rule: { name: rule.name, metric: rule.metric, kind: rule.kind, filters: rule.filters },
      window: { from: m.measurement.from, to: m.measurement.to, interval: m.measurement.interval, ...(m.measurement.complete ? { complete: true } : {}) },
    }),
    email_status: email, email_attempts: 0, webhook_status: webhook, webhook_attempts: 0,
    // A real alert is due at once for the delivery queue; a test alert is leased to the request
    // that sends it right away (the queue takes it over only if that request dies).
    next_attempt_at: email === 'pending' || webhook === 'pending' ? (opts.test ? new Date(nowMs + DELIVERY_LEASE_MS).toISOString() : now) : null,
    last_error: null, acknowledged_at: null, acknowledged_by: null,
  };
  const stored = await deps.db.transaction().execute(async (trx) => {
    if (!opts.test && !(await repo.claimFiring(trx, rule.id, coolDownCutoff(rule.cooldownMinutes, nowMs), now))) return false;
    await repo.insertEvent(trx, row);
    await writeAudit(trx, {
      workspaceId, actor: opts.actor, action: opts.test ? 'alert.test_sent' : 'alert.fired', targetType: 'alert_rule', targetId: rule.id,
      details: { alertId: row.id, value: row.value, n: row.n },
    });
    return true;
  });
  if (!stored) return null;
  deps.hub.publish(`workspace:${workspaceId}`, 'alert', presentEvent(row));
  return row;
}

async function todayIn(deps: Deps, workspaceId: string, at: string): Promise<string> {
  return localDay(at, (await getMetricSettings(deps, workspaceId)).timeZone);
}

/**
 * Re-reads every enabled rule the arrivals (or the clock) could have moved and fires the ones
 * whose condition holds outside their cool-down; a window of whole days alerts once. One rule
 * failing (a bad filter, a query error) does not stop the others. `onFired` hands new alerts to
 * delivery.
 */
export async function evaluateWorkspace(deps: Deps, workspaceId: string, touched: Touched, onFired: (row: AlertEventsTable) => void, log: (err: unknown, msg: string) => void) {
  const rules = (await repo.enabledRules(deps.db, workspaceId)).map(presentRule).filter((r) => ruleDue(r, touched));
  if (!rules.length) return;
  // Recorded as the evaluation's time: whatever committed before it is in the numbers.
  const startedAt = new Date().toISOString();
  const { timeZone } = await getMetricSettings(deps, workspaceId);
  const today = localDay(startedAt, timeZone);
  for (const rule of rules) {
    try {
      const m = await measureRule(deps, workspaceId, rule, today);
      const reported = !!m.measurement.complete && closedWindowReported(rule.lastFiredAt && localDay(rule.lastFiredAt, timeZone), m.measurement.to);
      if (m.breached && !reported && coolDownOver(rule.lastFiredAt, rule.cooldownMinutes, Date.now())) {
        const row = await fireAlert(deps, workspaceId, rule, m, { test: false, actor: SYSTEM_ACTOR });
        if (row) onFired(row);
      }
      await repo.markEvaluated(deps.db, rule.id, startedAt, JSON.stringify(m.measurement));
    } catch (err) {
      log(err, `alert rule ${rule.id} could not be evaluated`);
    }
  }
}

/** A test alert: the rule's current number, stored as a test (delivery.service sends it). */
export async function createTestAlert(deps: Deps, ctx: { workspaceId: string; actor: Actor }, ruleId: string): Promise<AlertEventsTable> {
  const rule = await getRule(deps, ctx.workspaceId, ruleId);
  const m = await measureRule(deps, ctx.workspaceId, rule, await todayIn(deps, ctx.workspaceId, new Date().toISOString()));
  return (await fireAlert(deps, ctx.workspaceId, rule, m, { test: true, actor: ctx.actor }))!;
}
