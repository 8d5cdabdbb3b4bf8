/**
 * A person's rights over their data: an export of everything stored about them (every merged
 * profile, identifiers decrypted, events, merges, survey answers) and an erasure of it all in one
 * transaction (profiles with their identifiers, name tokens, events and merge rows by foreign key;
 * their survey answers and respondent rows through the responses module, the metric cube following).
 * Both leave an audit row that names the person's id and the counts, never their data.
 */
import type { Deps } from '../../deps.js';
import type { Actor } from '../../platform/http/access.js';
import { writeAudit } from '../../platform/audit.js';
import { appendEvent } from '../../platform/events/outbox.js';
import { lockKey } from '../../platform/db/dialect.js';
import { erasePersonResponses, personResponsesForExport } from '../responses/index.js';
import { erasePersonCases, personCasesForExport } from '../cases/index.js';
import { getProfile, personKeys, personOf, rootOrThrow } from './profiles.service.js';
import * as repo from './customers.repo.js';
import { leaveSegments } from './segments.repo.js';
import { eventsPendingFor, queueSettled } from './intake-queue.js';
import { conflict } from '../../platform/http/errors.js';

interface Ctx { workspaceId: string; actor: Actor }

/** How long an erasure waits for the workspace's queued events before it asks to be retried (409). */
const ERASE_WAITS_FOR_QUEUE_MS = 5000;

export async function exportPerson(deps: Deps, ctx: Ctx, id: string) {
  const profile = await getProfile(deps, ctx.workspaceId, id);
  const members = [profile.id, ...profile.mergedProfileIds];
  const events = await deps.db.selectFrom('customer_events').selectAll().where('customer_id', 'in', members).orderBy('occurred_at').orderBy('id').execute();
  const merges = await repo.mergesOf(deps.db, ctx.workspaceId, members);
  const answers = await personResponsesForExport(deps.db, ctx.workspaceId, personKeys(deps, profile.identifiers));
  const cases = await personCasesForExport(deps.db, ctx.workspaceId, personKeys(deps, profile.identifiers));
  await deps.writes.run((trx) => writeAudit(trx, { workspaceId: ctx.workspaceId, actor: ctx.actor, action: 'customers.exported', targetType: 'customer', targetId: profile.id, details: { profiles: members.length, events: events.length, responses: answers.responses.length } }));
  return {
    exportedAt: new Date().toISOString(),
    person: profile,
    events: events.map((e) => ({ id: e.id, profileId: e.customer_id, type: e.type, name: e.name, properties: JSON.parse(e.properties), revenue: e.revenue, currency: e.currency, occurredAt: e.occurred_at, receivedAt: e.received_at, transport: e.transport })),
    merges: merges.map((m) => ({ id: m.id, survivorId: m.survivor_id, absorbedId: m.absorbed_id, reason: m.reason, mergedAt: m.merged_at, unmergedAt: m.unmerged_at })),
    respondents: answers.respondents,
    responses: answers.responses,
    cases,
  };
}

export async function erasePerson(deps: Deps, ctx: Ctx, id: string): Promise<{ profiles: number; events: number; responses: number; respondents: number; cases: number }> {
  // Identifiers are read (and decrypted) before the transaction; the transaction reads the person again.
  // Events the workspace's door acknowledged may name this person: let them be applied first.
  await queueSettled(deps, ctx.workspaceId, ERASE_WAITS_FOR_QUEUE_MS);
  const keys = personKeys(deps, (await personOf(deps, ctx.workspaceId, id)).identifiers);
  const result = await deps.writes.run(async (trx) => {
    await lockKey(trx, `customers:${ctx.workspaceId}`);
    const pending = await eventsPendingFor(trx, ctx.workspaceId);
    if (pending) throw conflict('events_pending', `${pending} events of this workspace are still being applied and may name this person; erase again in a few seconds`);
    const root = await rootOrThrow(trx, ctx.workspaceId, id);
    const members = await repo.clusterMembers(trx, ctx.workspaceId, root);
    const events = Number((await trx.selectFrom('customer_events').select((eb) => eb.fn.countAll<number>().as('n')).where('customer_id', 'in', members).executeTakeFirstOrThrow()).n);
    const answers = await erasePersonResponses(trx, ctx.workspaceId, keys);
    // Their cases hold their address, name and messages: they go too.
    const cases = await erasePersonCases(trx, ctx.workspaceId, keys);
    // Merge rows name two profiles; both go with the person (and rows tying them to anyone else).
    await trx.deleteFrom('customer_merges').where('survivor_id', 'in', members).execute();
    await trx.deleteFrom('customer_merges').where('absorbed_id', 'in', members).execute();
    // Segment counts are maintained with their members: take the person out first (the foreign key would, silently).
    await leaveSegments(trx, members, new Date().toISOString());
    // By primary key alone: `members` are this workspace's (clusterMembers above), and with `workspace_id = ?`
    // beside an IN list of 5 or more, SQLite walks the whole workspace instead (see clustersOf).
    await trx.deleteFrom('customers').where('id', 'in', members).execute();
    const counts = { profiles: members.length, events, responses: answers.responses, respondents: answers.respondents, cases };
    await writeAudit(trx, { workspaceId: ctx.workspaceId, actor: ctx.actor, action: 'customers.erased', targetType: 'customer', targetId: root, details: counts });
    await appendEvent(trx, ctx.workspaceId, 'customers.person.erased', { id: root });
    for (const surveyId of answers.surveys) await appendEvent(trx, ctx.workspaceId, 'responses.response.deleted', { surveyId, erasure: true });
    return counts;
  });
  deps.outbox.wake();
  return result;
}
