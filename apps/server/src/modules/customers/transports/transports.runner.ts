/**
 * The broker transports of this process: an MQTT consumer when MQTT_URL is set, a NATS JetStream
 * consumer when NATS_URL is set, both feeding one batcher in front of the customer event intake.
 * The server starts them on worker nodes and stops them before the store closes; stopping lets the
 * messages under way commit and be acknowledged, and leaves the others to the broker.
 */
import type { BrokerTransport } from '@touchpoint/shared';
import type { Deps } from '../../../deps.js';
import type { Authenticator } from '../../../platform/http/access.js';
import { IntakeBatcher } from './intake-batcher.js';
import { TransportIntake } from './transport-intake.js';
import { MqttConsumer, type BrokerState } from './mqtt.consumer.js';
import { NatsConsumer } from './nats.consumer.js';
import { mqttTopic, natsSubject } from './transport-messages.js';

export interface TransportRuntime { configured: boolean; connected: boolean; broker: string | null; address: string | null; stream: string | null; brokerError: string | null }

/** A broker URL as the status may show it: no user, password or token. */
function withoutCredentials(url: string): string {
  const u = new URL(url);
  u.username = '';
  u.password = '';
  return u.toString().replace(/\/$/, '');
}

export class CustomerTransports {
  readonly batcher: IntakeBatcher;
  readonly intake: TransportIntake;
  readonly mqtt?: MqttConsumer;
  readonly nats?: NatsConsumer;
  private started = false;

  constructor(private readonly deps: Deps, auth: Pick<Authenticator, 'fromApiKey'>, log: (err: unknown, msg: string) => void) {
    const c = deps.config;
    this.batcher = new IntakeBatcher(deps, c.brokerBatchMs);
    this.intake = new TransportIntake(deps, auth, this.batcher, { mqtt: c.mqttTopicPrefix, nats: c.natsSubjectPrefix });
    if (c.mqttUrl) this.mqtt = new MqttConsumer(this.intake, { url: c.mqttUrl, prefix: c.mqttTopicPrefix, clientId: c.mqttClientId, connections: c.mqttConnections, group: c.mqttShareGroup, sessionExpirySeconds: c.mqttSessionExpirySeconds, log });
    if (c.natsUrl) this.nats = new NatsConsumer(this.intake, { url: c.natsUrl, prefix: c.natsSubjectPrefix, stream: c.natsStream, consumer: c.natsConsumer, ackWaitMs: c.natsAckWaitMs, log });
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    this.mqtt?.start();
    this.nats?.start();
  }

  async stop(): Promise<void> {
    if (!this.started) return;
    this.started = false;
    await Promise.all([this.mqtt?.stop(), this.nats?.stop()]);
    await this.batcher.idle();
  }

  /** What the status shows of a transport on this node, for one workspace. */
  runtime(transport: BrokerTransport, workspaceId: string): TransportRuntime {
    const c = this.deps.config;
    const url = transport === 'mqtt' ? c.mqttUrl : c.natsUrl;
    const consumer: { state: BrokerState } | undefined = transport === 'mqtt' ? this.mqtt : this.nats;
    return {
      configured: Boolean(url),
      connected: Boolean(this.started && consumer?.state.connected),
      broker: url ? withoutCredentials(url) : null,
      address: transport === 'mqtt' ? mqttTopic(c.mqttTopicPrefix, workspaceId) : natsSubject(c.natsSubjectPrefix, workspaceId),
      stream: transport === 'nats' ? c.natsStream : null,
      brokerError: consumer?.state.error ?? (url && !this.started ? 'this server process does not run the worker, so it does not consume' : null),
    };
  }
}
