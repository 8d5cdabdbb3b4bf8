import { z } from 'zod';
import os from 'node:os';
import path from 'node:path';

/** Everything the server reads from the environment, validated once at start. */
export const ConfigSchema = z.object({
  port: z.coerce.number().int().min(0).max(65535).default(3000),
  host: z.string().default('127.0.0.1'),
  /** PostgreSQL when set; otherwise the embedded SQLite file under dataDir. */
  databaseUrl: z.string().url().optional(),
  /** Postgres schema to use (tests give each file its own). */
  databaseSchema: z.string().regex(/^[a-z_][a-z0-9_]*$/).optional(),
  dataDir: z.string().default('./data'),
  sqliteFile: z.string().optional(),
  /** FULL fsyncs every commit (survives power loss); NORMAL survives a process crash only. */
  sqliteSynchronous: z.enum(['FULL', 'NORMAL']).default('FULL'),
  smtpUrl: z.string().optional(),
  mailFrom: z.string().default('Touchpoint <no-reply@touchpoint.local>'),
  /**
   * Customers' replies to case mail, fetched from a mailbox (imap://user:pass@host:143/INBOX or
   * imaps://…:993): the option for a mail server that cannot post raw MIME to the inbound endpoint.
   */
  casesImapUrl: z.string().url().refine((u) => /^imaps?:\/\//i.test(u), 'an imap:// or imaps:// address').optional(),
  casesImapEveryMs: z.coerce.number().int().min(100).default(60_000),
  publicUrl: z.string().url().optional(),
  /** Field-encryption keys "id:base64key,id2:base64key"; the first is active. Falls back to dataDir/keys.json. */
  encryptionKeys: z.string().optional(),
  cookieSecure: z.coerce.boolean().default(false),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  publicRateLimit: z.coerce.number().int().positive().default(120),
  webDist: z.string().optional(),
  /**
   * Run the background work in this process (web + worker by default). WORKER=off makes a node that
   * only serves HTTP; worker nodes (WORKER=on) drain the outbox, judge answers for cases, apply
   * queued events… On PostgreSQL several worker nodes share the outbox's events.
   */
  worker: z.boolean().default(true),
  /**
   * Analyse open-text answers in this process (on its own low-priority thread). `off` for nodes
   * that only ingest, when another node runs the analysis, and for measuring ingestion without it.
   */
  textAnalysis: z.enum(['on', 'off']).default('on'),
  /**
   * Scheduling priority (nice, 0–19) of the analysis thread. 19: it gets only the CPU that requests
   * and the writer leave, so ingestion keeps its pace; lower it on a machine that is never idle,
   * or the analysis may wait long for its turn.
   */
  textAnalysisNice: z.coerce.number().int().min(0).max(19).default(19),
  /**
   * Responses per metric-recount transaction. Smaller: writers wait less behind a chunk and the
   * recount takes longer; larger: the reverse (see modules/metrics/recount.service.ts).
   */
  metricRecountChunkRows: z.coerce.number().int().min(1).max(1_000_000).default(5_000),
  /** How often alert rules on a low response count are evaluated with nothing arriving (ms). */
  alertEvaluateEveryMs: z.coerce.number().int().min(50).max(86_400_000).default(300_000),
  /**
   * Deliver alert webhooks to private, loopback and link-local addresses too. Off: webhook URLs
   * are typed by users, and the server must not become their way into its own network.
   */
  alertWebhookAllowPrivate: z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]).default(false),
  /**
   * Customer events over MQTT (devices, IoT touchpoints), e.g. mqtt://127.0.0.1:1883; off when unset.
   * Devices publish to `<mqttTopicPrefix>/<workspaceId>/events` at QoS 1.
   */
  mqttUrl: z.string().url().refine((u) => /^mqtts?:\/\//.test(u), 'an mqtt:// or mqtts:// URL').optional(),
  mqttTopicPrefix: z.string().regex(/^[A-Za-z0-9_-]+(\/[A-Za-z0-9_-]+)*$/, 'topic levels of letters, digits, _ or -').default('touchpoint'),
  /** Fixed per node: the broker keeps this node's sessions (and what waits in them) under it. */
  mqttClientId: z.string().regex(/^[A-Za-z0-9_.-]{1,40}$/).default(() => `touchpoint-${os.hostname().replace(/[^A-Za-z0-9_.-]/g, '').slice(0, 28) || 'node'}`),
  /** Connections sharing the subscription: each holds one message at a time (see mqtt.consumer.ts). */
  mqttConnections: z.coerce.number().int().min(1).max(64).default(4),
  /** The shared-subscription group: nodes in one group split the messages. */
  mqttShareGroup: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/).default('touchpoint'),
  /** How long the broker keeps our sessions and their queued messages while this node is down. */
  mqttSessionExpirySeconds: z.coerce.number().int().min(60).max(4_294_967_295).default(7 * 24 * 3600),
  /** Customer events over NATS JetStream, e.g. nats://127.0.0.1:4222; off when unset. */
  natsUrl: z.string().url().refine((u) => /^nats:\/\//.test(u), 'a nats:// URL').optional(),
  /** Publishers send to `<natsSubjectPrefix>.<workspaceId>.events`. */
  natsSubjectPrefix: z.string().regex(/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/, 'subject tokens of letters, digits, _ or -').default('touchpoint'),
  /** The JetStream stream (created when missing) and the durable consumer every node pulls from. */
  natsStream: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/).default('TOUCHPOINT_EVENTS'),
  natsConsumer: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/).default('touchpoint-intake'),
  /** How long JetStream waits for an ack before delivering a message again (ms). */
  natsAckWaitMs: z.coerce.number().int().min(1000).max(3_600_000).default(30_000),
  /**
   * Broker messages share transactions: those arriving while a store runs go together in the next.
   * This is how long (ms) a message that finds no store running waits for company; 0: none.
   */
  brokerBatchMs: z.coerce.number().int().min(0).max(1000).default(0),
  /**
   * Customer events acknowledged over HTTP but not yet applied (per store). Past it, POST …/events
   * answers 429 with Retry-After until the worker catches up: a burst is absorbed, not an outage.
   */
  customerIntakeMaxBacklog: z.coerce.number().int().min(1000).default(2_000_000),
});
export type Config = z.infer<typeof ConfigSchema>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const parsed = ConfigSchema.parse({
    port: env.PORT,
    host: env.HOST,
    databaseUrl: env.DATABASE_URL || undefined,
    databaseSchema: env.DATABASE_SCHEMA || undefined,
    dataDir: env.DATA_DIR,
    sqliteFile: env.SQLITE_FILE,
    sqliteSynchronous: env.SQLITE_SYNCHRONOUS,
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM,
    worker: env.WORKER ? !['0', 'false', 'off', 'no'].includes(env.WORKER.trim().toLowerCase()) : undefined,
    casesImapUrl: env.CASES_IMAP_URL || undefined,
    casesImapEveryMs: env.CASES_IMAP_EVERY_MS || undefined,
    publicUrl: env.PUBLIC_URL || undefined,
    encryptionKeys: env.TOUCHPOINT_ENCRYPTION_KEYS || undefined,
    cookieSecure: env.COOKIE_SECURE === 'true' ? true : undefined,
    logLevel: env.LOG_LEVEL,
    publicRateLimit: env.PUBLIC_RATE_LIMIT,
    webDist: env.WEB_DIST,
    textAnalysis: env.TEXT_ANALYSIS || undefined,
    textAnalysisNice: env.TEXT_ANALYSIS_NICE || undefined,
    metricRecountChunkRows: env.METRIC_RECOUNT_CHUNK_ROWS || undefined,
    alertEvaluateEveryMs: env.ALERT_EVALUATE_EVERY_MS || undefined,
    alertWebhookAllowPrivate: env.ALERT_WEBHOOK_ALLOW_PRIVATE || undefined,
    mqttUrl: env.MQTT_URL || undefined,
    mqttTopicPrefix: env.MQTT_TOPIC_PREFIX || undefined,
    mqttClientId: env.MQTT_CLIENT_ID || undefined,
    mqttConnections: env.MQTT_CONNECTIONS || undefined,
    mqttShareGroup: env.MQTT_SHARE_GROUP || undefined,
    mqttSessionExpirySeconds: env.MQTT_SESSION_EXPIRY_SECONDS || undefined,
    natsUrl: env.NATS_URL || undefined,
    natsSubjectPrefix: env.NATS_SUBJECT_PREFIX || undefined,
    natsStream: env.NATS_STREAM || undefined,
    natsConsumer: env.NATS_CONSUMER || undefined,
    natsAckWaitMs: env.NATS_ACK_WAIT_MS || undefined,
    brokerBatchMs: env.BROKER_BATCH_MS || undefined,
    customerIntakeMaxBacklog: env.CUSTOMER_INTAKE_MAX_BACKLOG || undefined,
  });
  return { ...parsed, ...overrides };
}

export function sqlitePath(config: Config): string {
  return config.sqliteFile ?? path.join(config.dataDir, 'touchpoint.db');
}
