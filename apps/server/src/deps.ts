/** What every service and route receives: built once in server.ts, passed down explicitly. */
import type { Config } from './platform/config.js';
import type { StoreKind } from './platform/db/dialect.js';
import type { FieldCipher } from './platform/crypto/field-cipher.js';
import type { Mailer } from './platform/mail/mailer.js';
import type { RealtimeHub } from './platform/realtime/hub.js';
import type { OutboxWorker } from './platform/events/outbox.js';
import type { GroupCommitter } from './platform/db/group-commit.js';
import type { SqliteWriter } from './platform/db/sqlite-writer.js';
import type { DB, Db } from './schema.js';

export interface Deps {
  db: Db;
  kind: StoreKind;
  config: Config;
  cipher: FieldCipher;
  mailer: Mailer;
  hub: RealtimeHub;
  outbox: OutboxWorker;
  /** Hot write paths (responses) go through group commit: one transaction for concurrent requests. */
  writes: GroupCommitter<DB>;
  /** SQLite only: bulk response inserts on a writer thread (see platform/db/sqlite-writer.ts). */
  bulkWriter?: SqliteWriter;
  /**
   * A customer trait of the people who gave these responses (response id → value; none: left out).
   * Set by server.ts from the customers module, so metrics can break down by it without importing it.
   */
  customerTraits?: (workspaceId: string, key: string, rows: { id: string; customer_external_id: string | null; respondent_id: string | null }[], cache: Map<string, string | null>) => Promise<Map<string, string | undefined>>;
  /** Which of these responses were given by members of a customer segment. Set by server.ts from the customers module. */
  segmentResponses?: (workspaceId: string, segmentId: string, rows: { id: string; customer_external_id: string | null; respondent_id: string | null }[]) => Promise<Set<string>>;
  /** Did this person refuse contact for any of these purposes (Customer 360 consents)? Set by server.ts. */
  consentRefused?: (workspaceId: string, who: { email?: string; externalId?: string }, purposes: readonly ('email' | 'sms' | 'phone' | 'surveys' | 'marketing' | 'analytics')[]) => Promise<boolean>;
  /** Base URL for links in emails and QR codes. */
  publicUrl: () => string;
}
