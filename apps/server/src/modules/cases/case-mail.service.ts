/**
 * Talking to the customer by email. A reply is stored in the timeline first (committed, status
 * `sending`), then sent through SMTP with our own Message-ID and a plus-addressed Reply-To, and its
 * outcome recorded: a failed send stays visible on the case, never lost. A customer's answer comes
 * back as raw MIME (the inbound endpoint, or the IMAP poller); it finds its case by the reply
 * address, by the thread's Message-IDs, or by the subject tag with the sender's address, and is
 * stored once per Message-ID. A case waiting on the customer opens again (its clocks run again).
 */
import type { CaseEvent } from '@touchpoint/shared';
import type { Deps } from '../../deps.js';
import { AppError, conflict, notFound } from '../../platform/http/errors.js';
import { hashToken } from '../../platform/crypto/tokens.js';
import type { Actor } from '../../platform/http/access.js';
import { normaliseEmail } from '../responses/index.js';
import { caseMessageId, caseReplyAddress, findCaseToken, findCaseTokenInThread, parseSubjectTag, tagSubject } from './mail-address.js';
import { parseInboundMail } from './mail-inbound.js';
import { presentEvent } from './case-present.js';
import { changeCase, endPause, type Ctx } from './cases.service.js';
import type { CasesTable } from './cases.tables.js';
import * as repo from './cases.repo.js';
import * as setup from './setup.repo.js';
import { replyBase } from './setup.service.js';

export interface ReplyInput { body: string; subject?: string; waitForCustomer: boolean }

/** The last Message-IDs of the case's conversation, for In-Reply-To / References. */
async function threadIds(deps: Deps, caseId: string): Promise<string[]> {
  const events = await repo.timelineOf(deps.db, caseId);
  return events.filter((e) => e.kind === 'email_out' || e.kind === 'email_in').map((e) => (JSON.parse(e.data) as { messageId?: string }).messageId).filter((x): x is string => !!x).slice(-10);
}

export async function sendReply(deps: Deps, ctx: Ctx, caseId: string, input: ReplyInput): Promise<CaseEvent> {
  const found = await repo.findCase(deps.db, ctx.workspaceId, caseId);
  if (!found) throw notFound('case');
  if (!found.customer_email_enc) throw conflict('no_customer_email', 'this customer has no email address on record');
  const to = deps.cipher.decrypt(found.customer_email_enc);
  const subject = tagSubject(input.subject ?? found.title, found.number);
  const base = replyBase(deps);
  const messageId = caseMessageId(found.token, base);
  const references = await threadIds(deps, caseId);
  const eventId = await deps.db.transaction().execute(async (trx) => {
    const row = (await repo.findCase(trx, ctx.workspaceId, caseId, 'update'))!;
    const now = new Date().toISOString();
    const next: Partial<CasesTable> = {};
    if (!row.first_responded_at) next.first_responded_at = now;
    const events: Parameters<typeof changeCase>[5] = [{ kind: 'email_out', data: { to, subject, body: input.body, messageId, status: 'sending' } }];
    const target = input.waitForCustomer ? 'waiting' : row.category === 'new' ? 'open' : null;
    if (target && target !== row.category && (row.category === 'new' || row.category === 'open' || row.category === 'waiting')) {
      next.status = target; next.category = target;
      if (target === 'waiting') next.waiting_since = now;
      events.push({ kind: 'status', data: { from: row.status, to: target, category: target } });
    }
    await changeCase(deps, trx, ctx, row, next, events, { audit: 'case.reply_sent' });
    await repo.rememberMailId(trx, ctx.workspaceId, caseId, messageId, now);
    return (await repo.timelineOf(trx, caseId)).filter((e) => e.kind === 'email_out').pop()!.id;
  });
  let status: 'sent' | 'failed' = 'sent', error: string | undefined;
  try {
    await deps.mailer.send({ to, subject, text: input.body, messageId, replyTo: caseReplyAddress(base, found.token), inReplyTo: references[references.length - 1], references, headers: { 'X-Touchpoint-Case': String(found.number) } });
  } catch (err) {
    status = 'failed'; error = (err as Error).message;
  }
  const data = { to, subject, body: input.body, messageId, status, ...(error ? { error } : {}) };
  await repo.updateEventData(deps.db, eventId, data);
  deps.hub.publish(`workspace:${ctx.workspaceId}`, 'cases', { caseId, kind: 'email_out', at: new Date().toISOString() });
  return presentEvent((await repo.timelineOf(deps.db, caseId)).find((e) => e.id === eventId)!);
}

const CUSTOMER: Actor = { type: 'public', id: 'customer', label: 'customer' };

/**
 * A customer's email into its case. `workspaceId` is the inbound endpoint's workspace (from its
 * secret); a case of another workspace is never found. Null (a mailbox polled over IMAP serves every
 * workspace): only the reply address and the thread find the case, never a subject tag alone.
 * Returns the case and whether the message was new (false: the same Message-ID came before).
 */
export async function receiveMail(deps: Deps, scope: string | null, raw: Buffer): Promise<{ caseId: string; stored: boolean; autoReply: boolean }> {
  const mail = await parseInboundMail(raw);
  const base = replyBase(deps);
  const token = findCaseToken(mail.to, base) ?? findCaseTokenInThread(mail.inReplyTo, mail.references);
  let row = token ? await repo.findCaseByToken(deps.db, token) : undefined;
  if (!row && scope) {
    const number = parseSubjectTag(mail.subject);
    const candidate = number !== null ? await repo.findCaseByNumber(deps.db, scope, number) : undefined;
    // A subject tag alone is guessable: only the case's own customer may use it.
    if (candidate && mail.from && candidate.customer_email_hash === deps.cipher.lookupHash(normaliseEmail(mail.from.address))) row = candidate;
  }
  if (!row || (scope && row.workspace_id !== scope)) throw new AppError(404, 'case_not_found', 'no case of this workspace matches this message (reply address, thread or subject tag)');
  const caseId = row.id;
  const workspaceId = row.workspace_id;
  const messageId = mail.messageId ?? `sha256:${hashToken(raw.toString('latin1')).slice(0, 40)}`;
  const stored = await deps.db.transaction().execute(async (trx) => {
    const known = await trx.selectFrom('case_mail_ids').select('case_id').where('message_id', '=', messageId).executeTakeFirst();
    if (known) return false;
    const current = (await repo.findCase(trx, workspaceId, caseId, 'update'))!;
    const now = new Date().toISOString();
    const next: Partial<CasesTable> = {};
    const events: Parameters<typeof changeCase>[5] = [{ kind: 'email_in', data: { from: mail.from?.address ?? null, fromName: mail.from?.name ?? null, subject: mail.subject, body: mail.text, messageId, autoReply: mail.autoReply, attachments: mail.attachments } }];
    // An auto-reply (out of office) is kept but does not count as the customer answering.
    if (current.category === 'waiting' && !mail.autoReply) {
      next.status = 'open'; next.category = 'open'; next.waiting_since = null;
      next.sla_paused_ms = await endPause(trx, current, Date.parse(now));
      events.push({ kind: 'status', data: { from: current.status, to: 'open', category: 'open', reason: 'customer_replied' } });
    }
    await changeCase(deps, trx, { workspaceId, actor: { ...CUSTOMER, label: mail.from?.address ?? 'customer' } }, current, next, events, { audit: 'case.mail_received' });
    await repo.rememberMailId(trx, workspaceId, caseId, messageId, now);
    return true;
  });
  if (stored) deps.hub.publish(`workspace:${workspaceId}`, 'cases', { caseId, kind: 'email_in', at: new Date().toISOString() });
  return { caseId, stored, autoReply: mail.autoReply };
}

/** The workspace an inbound secret belongs to (404 for an unknown one). */
export async function workspaceOfInbound(deps: Deps, secret: string): Promise<string> {
  const row = await setup.settingsByInboundHash(deps.db, hashToken(secret));
  if (!row) throw new AppError(404, 'inbound_not_found', 'unknown inbound address');
  return row.workspace_id;
}
