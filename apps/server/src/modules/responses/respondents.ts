/**
 * Respondents: the people we ask. Emails and names are personal data and are stored only
 * encrypted, with a keyed hash of the normalised email for look-ups (see platform/crypto).
 */
import type { Deps } from '../../deps.js';
import type { Trx } from '../../schema.js';
import { newId } from '../../platform/crypto/tokens.js';

export const normaliseEmail = (email: string) => email.trim().toLowerCase();

export async function upsertRespondent(
  deps: Deps, trx: Trx, workspaceId: string, who: { email?: string; name?: string; externalId?: string },
): Promise<string | null> {
  // An empty id names nobody; an id another respondent already holds is not taken over (unique index).
  const externalId = who.externalId || undefined;
  const externalFree = async () => !!externalId && !(await trx.selectFrom('respondents').select('id').where('workspace_id', '=', workspaceId).where('external_id', '=', externalId).executeTakeFirst());
  if (!who.email && !externalId) return null;
  const emailHash = who.email ? deps.cipher.lookupHash(normaliseEmail(who.email)) : null;
  let q = trx.selectFrom('respondents').select(['id', 'name_enc', 'external_id']).where('workspace_id', '=', workspaceId);
  q = emailHash ? q.where('email_hash', '=', emailHash) : q.where('external_id', '=', externalId!);
  const found = await q.executeTakeFirst();
  if (found) {
    const patch: { name_enc?: string; external_id?: string } = {};
    if (who.name && !found.name_enc) patch.name_enc = deps.cipher.encrypt(who.name);
    if (externalId && !found.external_id && (await externalFree())) patch.external_id = externalId;
    if (Object.keys(patch).length) await trx.updateTable('respondents').set(patch).where('id', '=', found.id).execute();
    return found.id;
  }
  const id = newId();
  // Two first answers of one new person arrive together: the second insert meets the first's row
  // (unique email hash / external id) and takes it instead of failing.
  const inserted = await trx.insertInto('respondents').values({
    id, workspace_id: workspaceId,
    email_enc: who.email ? deps.cipher.encrypt(normaliseEmail(who.email)) : null,
    email_hash: emailHash,
    name_enc: who.name ? deps.cipher.encrypt(who.name) : null,
    external_id: emailHash ? ((await externalFree()) ? externalId! : null) : externalId!,
    last_contacted_at: null,
    created_at: new Date().toISOString(),
  }).onConflict((oc) => oc.doNothing()).executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1) return id;
  return (await q.executeTakeFirst())?.id ?? null;
}

/** True when the respondent was invited or answered within the workspace's cooldown. */
export async function recentlyContacted(deps: Deps, workspaceId: string, who: { email?: string; externalId?: string }, cooldownDays: number): Promise<boolean> {
  if (cooldownDays <= 0 || (!who.email && !who.externalId)) return false;
  let q = deps.db.selectFrom('respondents').select('last_contacted_at').where('workspace_id', '=', workspaceId);
  q = who.email ? q.where('email_hash', '=', deps.cipher.lookupHash(normaliseEmail(who.email))) : q.where('external_id', '=', who.externalId!);
  const row = await q.executeTakeFirst();
  if (!row?.last_contacted_at) return false;
  return Date.parse(row.last_contacted_at) > Date.now() - cooldownDays * 86400_000;
}

export const markContacted = (trx: Trx, respondentId: string, at: string) =>
  trx.updateTable('respondents').set({ last_contacted_at: at }).where('id', '=', respondentId).execute();

/** Every encrypted column, for key rotation. */
export const ENCRYPTED_COLUMNS = [
  { table: 'respondents', id: 'id', columns: ['email_enc', 'name_enc'] },
] as const;
