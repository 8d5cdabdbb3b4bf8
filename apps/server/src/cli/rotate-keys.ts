/**
 * `touchpoint keys rotate`: adds a fresh active key, re-encrypts every encrypted column with it
 * (in batches, each in a transaction), then keeps the old keys so nothing half-done is unreadable.
 */
import { sql } from 'kysely';
import type { Deps } from '../deps.js';
import { FieldCipher, loadKeyRing, rotateRing, saveKeyRing, type KeyRing } from '../platform/crypto/field-cipher.js';
import { ENCRYPTED_COLUMNS } from '../modules/responses/index.js';
import { ALERT_ENCRYPTED_COLUMNS } from '../modules/alerts/index.js';
import { CUSTOMER_ENCRYPTED_COLUMNS } from '../modules/customers/index.js';
import { CASE_ENCRYPTED_COLUMNS } from '../modules/cases/index.js';

export async function rotateKeys(deps: Deps, onProgress?: (table: string, done: number) => void): Promise<{ ring: KeyRing; reencrypted: number; fromEnv: boolean }> {
  const fromEnv = Boolean(deps.config.encryptionKeys);
  const ring = rotateRing(loadKeyRing(deps.config.encryptionKeys, deps.config.dataDir));
  const cipher = new FieldCipher(ring);
  // Save first: if re-encryption stops half-way, every value is still readable with the ring.
  if (!fromEnv) saveKeyRing(deps.config.dataDir, ring);
  let total = 0;
  for (const spec of [...ENCRYPTED_COLUMNS, ...ALERT_ENCRYPTED_COLUMNS, ...CUSTOMER_ENCRYPTED_COLUMNS, ...CASE_ENCRYPTED_COLUMNS]) {
    let after = '';
    for (;;) {
      const rows = await deps.db.selectFrom(spec.table as 'respondents').select([sql.ref<string>(spec.id).as('id'), ...spec.columns.map((c) => sql.ref<string | null>(c).as(c))])
        .where(sql.ref(spec.id), '>', after).orderBy(sql.ref(spec.id)).limit(500).execute() as unknown as Record<string, string | null>[];
      if (!rows.length) break;
      await deps.db.transaction().execute(async (trx) => {
        for (const row of rows) {
          const patch: Record<string, string> = {};
          for (const c of spec.columns) {
            const v = row[c];
            if (v && cipher.keyIdOf(v) !== ring.activeKeyId) patch[c] = cipher.encrypt(cipher.decrypt(v));
          }
          if (Object.keys(patch).length) {
            await trx.updateTable(spec.table as 'respondents').set(patch).where(sql.ref(spec.id), '=', row.id).execute();
            total++;
          }
        }
      });
      after = rows[rows.length - 1].id!;
      onProgress?.(spec.table, total);
    }
  }
  return { ring, reencrypted: total, fromEnv };
}
