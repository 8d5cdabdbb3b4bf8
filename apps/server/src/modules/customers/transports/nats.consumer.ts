/**
 * Customer events from NATS JetStream: publishers send to `<prefix>.<workspaceId>.events`, a
 * subject of one stream (created here when missing, as a work queue: a message leaves the stream
 * once acknowledged), read through one durable pull consumer with explicit acks. Every node of a
 * multi-node deployment pulls from the same consumer, so each message goes to one of them.
 *
 * A message is acknowledged only after the transaction holding its events committed; a crash
 * before that means JetStream delivers it again after the ack wait, and its stable event keys make
 * that store nothing twice. Messages in flight at once (up to `max_messages`) meet in the batcher,
 * which stores a burst in one transaction. Refused messages are `term()`ed: they are recorded and
 * never come back to block the stream. A failed store is `nak()`ed for a later try.
 */
import { setTimeout as sleepFor } from 'node:timers/promises';
import { connect, Match, type NatsConnection } from '@nats-io/transport-node';
import { AckPolicy, DeliverPolicy, JetStreamApiCodes, JetStreamApiError, RetentionPolicy, StorageType, jetstream, jetstreamManager, type ConsumerMessages, type JsMsg } from '@nats-io/jetstream';
import type { TransportIntake } from './transport-intake.js';
import { keyFromHeader } from './transport-messages.js';
import type { BrokerState } from './mqtt.consumer.js';

export interface NatsOptions {
  url: string;
  prefix: string;
  stream: string;
  consumer: string;
  /** How long JetStream waits for an ack before delivering a message again. */
  ackWaitMs: number;
  log: (err: unknown, msg: string) => void;
}

const NANOS_PER_MS = 1_000_000;
/** Messages pulled and held at once: the most one burst can put into a single transaction. */
const MAX_IN_FLIGHT = 1000;

export class NatsConsumer {
  readonly state: BrokerState = { connected: false, error: null };
  private nc?: NatsConnection;
  private messages?: ConsumerMessages;
  private loop?: Promise<void>;
  private readonly inflight = new Set<Promise<void>>();
  private stopping = false;
  private abort = new AbortController();

  constructor(private readonly intake: TransportIntake, private readonly opts: NatsOptions) {}

  get subjects(): string { return `${this.opts.prefix}.*.events`; }

  start(): void {
    this.stopping = false;
    this.abort = new AbortController();
    this.loop = this.run();
  }

  /** Connects, makes sure of the stream and the consumer, and consumes; after any failure, again. */
  private async run(): Promise<void> {
    for (let attempt = 0; !this.stopping; attempt++) {
      try {
        const nc = this.nc && !this.nc.isClosed() ? this.nc : (this.nc = await this.connect());
        await this.ensure(nc);
        const consumer = await jetstream(nc).consumers.get(this.opts.stream, this.opts.consumer);
        this.messages = await consumer.consume({ max_messages: MAX_IN_FLIGHT });
        this.state.connected = true;
        this.state.error = null;
        attempt = 0;
        for await (const m of this.messages) {
          if (this.stopping) break; // left unacknowledged: delivered again after the ack wait
          const work = this.handle(m);
          this.inflight.add(work);
          void work.finally(() => this.inflight.delete(work));
        }
      } catch (err) {
        if (this.stopping) break;
        this.state.error = (err as Error).message;
        this.opts.log(err, 'NATS intake: broker trouble; trying again');
      }
      this.state.connected = false;
      if (!this.stopping) await sleepFor(Math.min(10_000, 250 * 2 ** attempt), undefined, { signal: this.abort.signal }).catch(() => undefined);
    }
  }

  private async connect(): Promise<NatsConnection> {
    const url = new URL(this.opts.url);
    const auth = url.password ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : url.username ? { token: decodeURIComponent(url.username) } : {};
    const nc = await connect({ servers: `${url.hostname}:${url.port || 4222}`, name: 'touchpoint-intake', maxReconnectAttempts: -1, reconnectTimeWait: 1000, ...auth });
    void (async () => {
      for await (const s of nc.status()) {
        if (s.type === 'disconnect') { this.state.connected = false; this.state.error = `disconnected from ${s.server}`; }
        else if (s.type === 'reconnect') { this.state.connected = true; this.state.error = null; }
      }
    })().catch(() => undefined);
    return nc;
  }

  private async ensure(nc: NatsConnection): Promise<void> {
    const jsm = await jetstreamManager(nc);
    try {
      await jsm.streams.info(this.opts.stream);
    } catch (err) {
      if (!(err instanceof JetStreamApiError && err.code === JetStreamApiCodes.StreamNotFound)) throw err;
      await jsm.streams.add({ name: this.opts.stream, subjects: [this.subjects], retention: RetentionPolicy.Workqueue, storage: StorageType.File });
    }
    try {
      await jsm.consumers.info(this.opts.stream, this.opts.consumer);
    } catch (err) {
      if (!(err instanceof JetStreamApiError && err.code === JetStreamApiCodes.ConsumerNotFound)) throw err;
      await jsm.consumers.add(this.opts.stream, {
        durable_name: this.opts.consumer, ack_policy: AckPolicy.Explicit, deliver_policy: DeliverPolicy.All,
        ack_wait: this.opts.ackWaitMs * NANOS_PER_MS, max_ack_pending: 4 * MAX_IN_FLIGHT, filter_subject: this.subjects,
      });
    }
  }

  private async handle(m: JsMsg): Promise<void> {
    try {
      const outcome = await this.intake.take('nats', m.subject, m.data, keyFromHeader(m.headers?.get('Authorization', Match.IgnoreCase)));
      if (outcome === 'stored') m.ack();
      // No reason given: servers before 2.10.4 do not understand a term with one, and would deliver it again.
      else m.term();
    } catch (err) {
      this.opts.log(err, 'NATS intake: storing a message failed; it will be delivered again');
      if (!this.stopping) m.nak(1000);
    }
  }

  /** Stops pulling, lets the messages under way commit and be acknowledged, then closes. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.abort.abort();
    this.messages?.stop();
    while (this.inflight.size) await Promise.allSettled([...this.inflight]);
    await this.loop;
    // drain() sends what is queued (the acks) before closing.
    if (this.nc && !this.nc.isClosed()) await this.nc.drain().catch(() => this.nc?.close());
    this.nc = undefined;
    this.state.connected = false;
  }
}
