/** Customer events over brokers (migration 0011). */
export type BrokerTransport = 'mqtt' | 'nats';

export interface CustomerTransportsTable {
  workspace_id: string;
  transport: BrokerTransport;
  /** 1 when the workspace accepts events from this transport (still only with an events:write key). */
  enabled: number;
  /** Messages taken (stored or refused); events stored; events already stored; messages refused (bigint: PostgreSQL answers text). */
  messages: number; accepted: number; duplicates: number; invalid: number;
  /** JSON [{ at, path, message }], newest first. */
  errors: string;
  last_message_at: string | null;
  updated_at: string;
}
