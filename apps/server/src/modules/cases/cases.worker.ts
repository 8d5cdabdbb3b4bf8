/**
 * The background side of closed-loop cases, on worker nodes:
 *  - answers are judged by the rules when they are submitted (without open text, or when this
 *    deployment does not analyse text) and when their text has been analysed;
 *  - answers also decide the recovery of earlier cases (a follow-up answer, a customer's next score);
 *  - an opened case notifies the rule's addresses and webhook;
 *  - the SLA clock: cases whose next SLA instant has come get their warning or breach, and a breach
 *    escalates as the priority's policy says (raise the priority, reassign, tell the team lead).
 * Handlers are safe to repeat (outbox delivery is at-least-once, and two worker processes may both
 * deliver): judging is marked per response, and a breach is recorded once per case and target.
 */
import type { Deps } from '../../deps.js';
import type { DomainEvent } from '../../platform/events/outbox.js';
import { SYSTEM_ACTOR } from '../../platform/audit.js';
import { listMembers } from '../accounts/index.js';
import { sendWebhook, signWebhook, WebhookRefused } from '../alerts/index.js';
import { candidatesFor, judgeResponses } from './case-opening.service.js';
import { loadFacts } from './case-facts.js';
import { noteAnswers } from './resurvey.service.js';
import { pickAgent, skillsOf } from './assignment.js';
import { changeCase, slaColumns } from './cases.service.js';
import type { CasesTable } from './cases.tables.js';
import * as repo from './cases.repo.js';
import * as setup from './setup.repo.js';
import { listPolicies } from './setup.service.js';
import { webhookSecretOf } from './rules.service.js';
import { receiveMail } from './case-mail.service.js';
import { ImapPoller, type ImapPollerConfig } from './imap-poller.js';
import { AppError } from '../../platform/http/errors.js';

export interface CasesWorkerOptions { slaEveryMs?: number; log: (err: unknown, msg: string) => void }

/** imap://user:pass@host:port/MAILBOX → the poller's settings (imaps: TLS, port 993 by default). */
export function imapConfigOf(url: string): ImapPollerConfig {
  const u = new URL(url);
  const secure = u.protocol === 'imaps:';
  return {
    host: u.hostname, port: u.port ? Number(u.port) : secure ? 993 : 143, secure,
    user: decodeURIComponent(u.username), password: decodeURIComponent(u.password),
    mailbox: decodeURIComponent(u.pathname.replace(/^\//, '')) || 'INBOX',
  };
}

/** The ids events carry, per workspace, each once, in order. */
function byWorkspace<P>(events: DomainEvent[], idsOf: (payload: P) => string[]): Map<string, string[]> {
  const out = new Map<string, Set<string>>();
  for (const e of events) for (const id of idsOf(e.payload as P)) out.set(e.workspaceId, (out.get(e.workspaceId) ?? new Set()).add(id));
  return new Map([...out].map(([w, ids]) => [w, [...ids]]));
}

const RAISE: Record<string, string> = { low: 'normal', normal: 'high', high: 'urgent', urgent: 'urgent' };

export class CasesWorker {
  private timer: NodeJS.Timeout | null = null;
  private imap: ImapPoller | null = null;
  private sweeping: Promise<void> | null = null;
  constructor(private readonly deps: Deps, private readonly opts: CasesWorkerOptions) {}

  listen(): void {
    const { deps } = this;
    // All the answers one drain found, per workspace: the rules, members, agents and facts are read
    // once for them, and their cases open in one transaction (see case-opening.service.ts).
    deps.outbox.onBatch('responses.response.submitted', async (events: DomainEvent[]) => {
      for (const [workspaceId, ids] of byWorkspace(events, (p: { responseId: string; status: string }) => (p.status === 'complete' ? [p.responseId] : []))) {
        const facts = await loadFacts(deps, workspaceId, ids);
        // Workspaces that never set up cases have no settings row: nothing to recover.
        if (await setup.settingsRow(deps.db, workspaceId)) {
          const touched = await noteAnswers(deps, workspaceId, facts.map((f) => ({ ...f.row, customerKey: f.customer.key })));
          for (const caseId of touched) deps.hub.publish(`workspace:${workspaceId}`, 'cases', { caseId, kind: 'recovery', at: new Date().toISOString() });
        }
        await judgeResponses(deps, workspaceId, ids, { awaitText: deps.config.textAnalysis === 'on', facts });
      }
    });
    deps.outbox.onBatch('text.analyzed', async (events: DomainEvent[]) => {
      for (const [workspaceId, ids] of byWorkspace(events, (p: { responseIds?: string[] }) => p.responseIds ?? [])) await judgeResponses(deps, workspaceId, ids, { awaitText: false });
    });
    deps.outbox.on('cases.case.opened', (e: DomainEvent) => this.notifyOpened(e.workspaceId, (e.payload as { caseId: string }).caseId));
    deps.outbox.on('cases.case.changed', (e: DomainEvent) => {
      deps.hub.publish(`workspace:${e.workspaceId}`, 'cases', { caseId: (e.payload as { caseId: string }).caseId, kind: 'changed', at: new Date().toISOString() });
    });
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.sweep(), this.opts.slaEveryMs ?? 15_000);
    this.timer.unref();
    const url = this.deps.config.casesImapUrl;
    if (url) {
      this.imap = new ImapPoller(imapConfigOf(url), (raw) => this.fromMailbox(raw), { onError: (err) => this.opts.log(err, 'case mailbox poll failed') });
      this.imap.start(this.deps.config.casesImapEveryMs);
    }
  }

  /**
   * One message from the polled mailbox. A message no case matches, or one that cannot be read, is
   * a lasting answer: it resolves (the poller marks it seen) instead of coming back every poll.
   */
  private async fromMailbox(raw: Buffer): Promise<void> {
    try {
      await receiveMail(this.deps, null, raw);
    } catch (err) {
      if (err instanceof AppError && err.statusCode < 500) { this.opts.log(err, 'case mailbox: message set aside'); return; }
      throw err;
    }
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.imap?.stop();
    this.imap = null;
    await this.sweeping;
  }

  /** One pass of the SLA clock over every case whose next SLA instant has come (tests call it). */
  async sweep(now = Date.now()): Promise<number> {
    if (this.sweeping) { await this.sweeping; return 0; }
    let n = 0;
    this.sweeping = (async () => {
      for (;;) {
        const due = await repo.casesDueForSla(this.deps.db, new Date(now).toISOString(), 100);
        for (const c of due) n += (await this.tick(c.workspace_id, c.id, now)) ? 1 : 0;
        if (due.length < 100) break;
      }
    })().catch((err) => this.opts.log(err, 'SLA sweep failed'));
    await this.sweeping;
    this.sweeping = null;
    return n;
  }

  private async tick(workspaceId: string, caseId: string, now: number): Promise<boolean> {
    const { deps } = this;
    const notify: { to: string; subject: string; text: string }[] = [];
    // Read before the transaction: on SQLite a read on another handle inside it would wait for it.
    const members = await listMembers(deps, workspaceId);
    const changed = await deps.db.transaction().execute(async (trx) => {
      const row = await repo.findCase(trx, workspaceId, caseId, 'update');
      if (!row || !row.sla_next_at || Date.parse(row.sla_next_at) > now) return false;
      const sla = await slaColumns(deps, trx, row, now);
      const events: Parameters<typeof changeCase>[5] = [];
      const next: Partial<CasesTable> = {};
      const breached: string[] = [];
      for (const [target, before, after] of [['first_response', row.sla_first_state, sla.sla_first_state], ['resolution', row.sla_resolution_state, sla.sla_resolution_state]] as const) {
        if (after === before) continue;
        if (after === 'warning') events.push({ kind: 'sla_warning', data: { target, dueAt: target === 'first_response' ? sla.first_response_due_at : sla.resolution_due_at } });
        if (after === 'breached') { events.push({ kind: 'sla_breach', data: { target } }); breached.push(target); }
      }
      if (breached.length) {
        const policy = (await listPolicies(deps, trx, workspaceId)).find((p) => p.priority === row.priority)!;
        const done: string[] = [];
        if (policy.escalation.raisePriority && RAISE[row.priority] !== row.priority) { next.priority = RAISE[row.priority]; done.push('priority'); events.push({ kind: 'priority', data: { from: row.priority, to: next.priority, reason: 'sla_breach' } }); }
        if (policy.escalation.reassign) {
          const team = row.team_id ? await setup.team(trx, workspaceId, row.team_id) : undefined;
          const candidates = await candidatesFor(trx, workspaceId, row.team_id, members);
          const to = pickAgent(candidates, 'least_loaded', { language: row.language, skills: skillsOf({}) }, team?.last_assigned_user_id ?? null, row.owner_id ? [row.owner_id] : []);
          if (to) { next.owner_id = to; done.push('reassigned'); events.push({ kind: 'assigned', data: { from: row.owner_id, to, toName: members.find((m) => m.id === to)?.name ?? null, method: 'escalation' } }); }
        }
        if (policy.escalation.notifyLead && row.team_id) {
          const lead = (await setup.team(trx, workspaceId, row.team_id))?.lead_user_id;
          const person = members.find((m) => m.id === lead);
          if (person) { done.push('lead_notified'); notify.push({ to: person.email, subject: `SLA breached: case #${row.number} ${row.title}`, text: `Case #${row.number} breached its ${breached.join(' and ').replace(/_/g, ' ')} target.\n\n${deps.publicUrl()}/w/${workspaceId}/cases/${row.id}` }); }
        }
        if (done.length) events.push({ kind: 'escalated', data: { actions: done, targets: breached } });
      }
      if (!events.length) {
        // Nothing announced (e.g. a clock already decided): only the next instant moves.
        await repo.updateCase(trx, row.id, { sla_next_at: sla.sla_next_at });
        return false;
      }
      await changeCase(deps, trx, { workspaceId, actor: SYSTEM_ACTOR }, row, next, events, { audit: 'case.sla', now });
      return true;
    });
    for (const m of notify) await deps.mailer.send(m).catch((err) => this.opts.log(err, 'SLA escalation mail failed'));
    return changed;
  }

  /** Tells the rule's addresses and webhook of a new case; the outcome goes on the timeline. */
  private async notifyOpened(workspaceId: string, caseId: string): Promise<void> {
    const { deps } = this;
    const row = await repo.findCase(deps.db, workspaceId, caseId);
    const rule = row?.rule_id ? await setup.rule(deps.db, workspaceId, row.rule_id) : undefined;
    if (!row || !rule) return;
    const timeline = await repo.timelineOf(deps.db, caseId);
    if (timeline.some((e) => e.kind === 'notified')) return; // a redelivered event
    const actions = JSON.parse(rule.actions) as { notifyEmails: string[]; webhookUrl: string | null };
    if (!actions.notifyEmails.length && !actions.webhookUrl) return;
    const link = `${deps.publicUrl()}/w/${workspaceId}/cases/${row.id}`;
    const outcome: Record<string, unknown> = { emails: [] as { to: string; ok: boolean }[] };
    for (const to of actions.notifyEmails) {
      const ok = await deps.mailer.send({ to, subject: `New case #${row.number} (${row.priority}): ${row.title}`, text: `Rule "${rule.name}" opened case #${row.number} on ${row.theme}.\n\n${link}` }).then(() => true, (err) => { this.opts.log(err, 'case notification mail failed'); return false; });
      (outcome.emails as { to: string; ok: boolean }[]).push({ to, ok });
    }
    const secret = webhookSecretOf(deps, rule);
    if (actions.webhookUrl && secret) {
      const body = JSON.stringify({ event: 'case.opened', workspaceId, case: { id: row.id, number: row.number, title: row.title, priority: row.priority, theme: row.theme, ruleId: rule.id, url: link, createdAt: row.created_at } });
      const timestamp = Math.floor(Date.now() / 1000);
      try {
        const status = await sendWebhook(actions.webhookUrl, { 'content-type': 'application/json', 'x-touchpoint-timestamp': String(timestamp), 'x-touchpoint-signature': signWebhook(secret, timestamp, body), 'x-touchpoint-delivery': row.id }, body, { allowPrivate: deps.config.alertWebhookAllowPrivate, timeoutMs: 5000 });
        outcome.webhook = { status, ok: status >= 200 && status < 300 };
      } catch (err) {
        outcome.webhook = { ok: false, error: err instanceof WebhookRefused ? `refused: ${err.message}` : (err as Error).message };
      }
    }
    await deps.db.transaction().execute(async (trx) => {
      const current = await repo.findCase(trx, workspaceId, caseId, 'update');
      if (current) await changeCase(deps, trx, { workspaceId, actor: SYSTEM_ACTOR }, current, {}, [{ kind: 'notified', data: outcome }], { audit: '' });
    });
  }
}
