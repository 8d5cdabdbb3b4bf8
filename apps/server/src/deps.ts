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
  /** Base URL for links in emails and QR codes. */
  publicUrl: () => string;
}
