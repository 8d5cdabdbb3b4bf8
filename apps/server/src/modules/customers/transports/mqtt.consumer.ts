/**
 * Customer events from MQTT (Mosquitto): devices publish to `<prefix>/<workspaceId>/events` at QoS 1.
 *
 * - Persistent sessions (clean: false, a fixed client id, a session expiry): what is published
 *   while this server is down waits in the broker and arrives when it reconnects.
 * - PUBACK only after the events' transaction committed (MQTT.js `handleMessage`): a crash before
 *   the commit leaves the message unacknowledged, so the broker sends it again; its events' keys
 *   are stable (transport-messages.ts), so nothing is stored twice.
 * - MQTT.js handles a connection's messages one at a time (the next waits for this one's PUBACK),
 *   so one connection cannot gather a burst into one transaction. Several connections share one
 *   subscription (`$share/<group>/…`): the broker spreads messages over them (and over the nodes
 *   of a multi-node deployment, instead of giving every node a copy), and the batcher stores what
 *   they hold at the same moment in one transaction.
 * - Reconnects on its own (MQTT.js, every second) when the broker restarts.
 * - Mosquitto keeps at most `max_queued_messages` (1,000 by default) per session and drops the rest
 *   when a subscriber falls behind or is away: raise it (0 = no limit) where devices may publish
 *   faster than the store, or for long while the server is down.
 */
import { setTimeout as sleepFor } from 'node:timers/promises';
import mqtt, { type IPublishPacket, type MqttClient } from 'mqtt';
import type { TransportIntake } from './transport-intake.js';
import { keyFromHeader } from './transport-messages.js';

export interface MqttOptions {
  url: string;
  prefix: string;
  /** Connection i uses `<clientId>-<i>`: fixed, so its session (and what waits in it) is found again. */
  clientId: string;
  connections: number;
  /** The shared-subscription group; nodes in one group split the messages. */
  group: string;
  /** How long the broker keeps a session (and its queued messages) while we are away. */
  sessionExpirySeconds: number;
  log: (err: unknown, msg: string) => void;
}

export interface BrokerState { connected: boolean; error: string | null }


export class MqttConsumer {
  readonly state: BrokerState = { connected: false, error: null };
  private clients: MqttClient[] = [];
  private readonly inflight = new Set<Promise<void>>();
  private stopping = false;
  private abort = new AbortController();

  constructor(private readonly intake: TransportIntake, private readonly opts: MqttOptions) {}

  get filter(): string { return `$share/${this.opts.group}/${this.opts.prefix}/+/events`; }

  start(): void {
    this.stopping = false;
    this.abort = new AbortController();
    for (let i = 0; i < this.opts.connections; i++) {
      const client = mqtt.connect(this.opts.url, {
        clientId: `${this.opts.clientId}-${i}`, clean: false, protocolVersion: 5,
        properties: { sessionExpiryInterval: this.opts.sessionExpirySeconds },
        reconnectPeriod: 1000, connectTimeout: 5000, keepalive: 30,
      });
      client.handleMessage = (packet, done) => this.onMessage(packet, done);
      client.on('connect', () => {
        // Subscribing again to a subscription the session already has changes nothing; a new session needs it.
        client.subscribe(this.filter, { qos: 1 }, (err, granted) => {
          const refused = granted?.find((g) => g.qos > 2);
          if (err || refused) return this.fail(err ?? new Error(`the broker refused the subscription to ${this.filter}`));
          this.refresh();
        });
      });
      client.on('close', () => this.refresh());
      client.on('offline', () => this.refresh());
      client.on('error', (err) => this.fail(err));
      this.clients.push(client);
    }
  }

  private fail(err: Error) {
    this.state.error = err.message;
    this.refresh();
    this.opts.log(err, 'MQTT intake: broker trouble');
  }

  private refresh() {
    const up = this.clients.length > 0 && this.clients.every((c) => c.connected);
    if (up && !this.state.connected) this.state.error = null;
    this.state.connected = up;
  }

  private onMessage(packet: IPublishPacket, done: (err?: Error) => void): void {
    if (this.stopping) return; // never acknowledged: the broker sends it to this session again
    const props = packet.properties?.userProperties;
    const key = keyFromHeader(props?.authorization ?? props?.Authorization);
    const payload = typeof packet.payload === 'string' ? Buffer.from(packet.payload) : packet.payload;
    const work = (async () => {
      // A store that fails (a busy or unreachable database) is retried here, the message still
      // unacknowledged; this connection waits meanwhile, which is the back-pressure we want.
      for (let attempt = 0; !this.stopping; attempt++) {
        try {
          await this.intake.take('mqtt', packet.topic, payload, key);
          done();
          return;
        } catch (err) {
          this.opts.log(err, 'MQTT intake: storing a message failed; retrying');
          await sleepFor(Math.min(30_000, 250 * 2 ** attempt), undefined, { signal: this.abort.signal }).catch(() => undefined);
        }
      }
    })();
    this.inflight.add(work);
    void work.finally(() => this.inflight.delete(work));
  }

  /** Lets the messages under way commit and be acknowledged, then disconnects (the sessions stay). */
  async stop(): Promise<void> {
    this.stopping = true;
    this.abort.abort();
    while (this.inflight.size) await Promise.allSettled([...this.inflight]);
    // A connected client flushes the PUBACKs it has queued; one that is reconnecting just stops trying.
    await Promise.all(this.clients.map((c) => c.endAsync(!c.connected).catch((err) => this.opts.log(err, 'MQTT intake: disconnecting failed'))));
    this.clients = [];
    this.refresh();
  }
}
