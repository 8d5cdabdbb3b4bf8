/**
 * Customer events over brokers: MQTT (devices, IoT touchpoints) and NATS JetStream (several nodes
 * ingesting from one stream). Each workspace turns a transport on for itself; a message then needs
 * an API key with the `events:write` scope, so naming a workspace in a topic is not enough to write
 * into it. What a workspace sees of each transport is `TransportStatus`.
 */
import { z } from 'zod';

export const BROKER_TRANSPORTS = ['mqtt', 'nats'] as const;
export const BrokerTransport = z.enum(BROKER_TRANSPORTS);
export type BrokerTransport = z.infer<typeof BrokerTransport>;

/** A refused message's problem: `path` is a field path into the message (`events[2].email`), '' for the whole message. */
export const TransportError = z.object({ at: z.string(), path: z.string(), message: z.string() });
export type TransportError = z.infer<typeof TransportError>;

export const TransportStatus = z.object({
  transport: BrokerTransport,
  /** The server has a broker for this transport (MQTT_URL / NATS_URL). */
  configured: z.boolean(),
  /** This workspace accepts events from it. */
  enabled: z.boolean(),
  /** The server's connection to the broker is up (and, for NATS, its stream and consumer are ready). */
  connected: z.boolean(),
  /** The broker's URL without credentials. */
  broker: z.string().nullable(),
  /** Where this workspace's events go: the MQTT topic or the NATS subject. */
  address: z.string().nullable(),
  /** NATS: the JetStream stream holding the subject. */
  stream: z.string().nullable(),
  /** Messages taken, events stored, events stored before (redelivered or repeated), messages refused. */
  messages: z.number().int(),
  accepted: z.number().int(),
  duplicates: z.number().int(),
  invalid: z.number().int(),
  errors: z.array(TransportError),
  lastMessageAt: z.string().nullable(),
  /** The server's last trouble with the broker itself (connection refused, stream missing), if any. */
  brokerError: z.string().nullable(),
});
export type TransportStatus = z.infer<typeof TransportStatus>;

export const TransportStatusList = z.object({ transports: z.array(TransportStatus) });
export type TransportStatusList = z.infer<typeof TransportStatusList>;

export const TransportSettingsInput = z.object({ enabled: z.boolean() }).strict();
export type TransportSettingsInput = z.infer<typeof TransportSettingsInput>;
