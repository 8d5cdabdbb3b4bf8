/**
 * What a broker message may carry, read without touching the store: the workspace named by its
 * topic or subject, the API key (a header, or the envelope for MQTT 3.1.1 clients, which have no
 * user properties), and the raw events for `parseEvents`. Pure, so the rules are unit-tested.
 */
import crypto from 'node:crypto';
import { z } from 'zod';
import { MAX_EVENTS_PER_BATCH, type CustomerEvent, type BrokerTransport } from '@touchpoint/shared';
import { formatPath, type FieldIssue } from '../../../platform/http/errors.js';

/** As the HTTP batch: a message is at most 8 MB and 1,000 events. */
export const MAX_MESSAGE_BYTES = 8 * 1024 * 1024;

/** A message is one event, an array of events, or `{ apiKey?, events }`. */
const Envelope = z.object({
  apiKey: z.string().min(1).max(200).optional(),
  events: z.array(z.unknown()).min(1).max(MAX_EVENTS_PER_BATCH),
}).strict();

const utf8 = new TextDecoder();

export interface ReadMessage { raw: unknown[]; apiKey?: string }

/** The message's events and key, or its problems with field paths (`events[3]`, '' for the whole message). */
export function readMessage(payload: Uint8Array, headerKey: string | undefined): { ok: true; value: ReadMessage } | { ok: false; issues: FieldIssue[] } {
  if (payload.byteLength > MAX_MESSAGE_BYTES) return fail('', `the message is larger than ${MAX_MESSAGE_BYTES / 1024 / 1024} MB`);
  let json: unknown;
  try {
    json = JSON.parse(utf8.decode(payload));
  } catch (err) {
    return fail('', `not JSON: ${(err as Error).message.slice(0, 200)}`);
  }
  if (Array.isArray(json)) {
    if (!json.length) return fail('events', 'no events');
    if (json.length > MAX_EVENTS_PER_BATCH) return fail('events', `at most ${MAX_EVENTS_PER_BATCH} events per message`);
    return { ok: true, value: { raw: json, apiKey: headerKey } };
  }
  if (json && typeof json === 'object' && 'events' in json) {
    const parsed = Envelope.safeParse(json);
    if (!parsed.success) return { ok: false, issues: parsed.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })) };
    return { ok: true, value: { raw: parsed.data.events, apiKey: headerKey ?? parsed.data.apiKey } };
  }
  return { ok: true, value: { raw: [json], apiKey: headerKey } };
}

function fail(path: string, message: string): { ok: false; issues: FieldIssue[] } {
  return { ok: false, issues: [{ path, message }] };
}

/** `Bearer <key>` (any case) or the bare key, from a header or an MQTT 5 user property (which may repeat). */
export function keyFromHeader(value: string | string[] | undefined | null): string | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  if (!v) return undefined;
  const m = /^\s*(?:bearer\s+)?(\S+)\s*$/i.exec(v);
  return m?.[1];
}

/** MQTT: `<prefix>/<workspaceId>/events`. */
export function mqttTopic(prefix: string, workspaceId: string): string {
  return `${prefix}/${workspaceId}/events`;
}
/** NATS: `<prefix>.<workspaceId>.events`. */
export function natsSubject(prefix: string, workspaceId: string): string {
  return `${prefix}.${workspaceId}.events`;
}

/** The workspace a topic or subject names, or null when it is not one of ours. */
export function workspaceOfAddress(transport: BrokerTransport, prefix: string, address: string): string | null {
  const sep = transport === 'mqtt' ? '/' : '.';
  const head = prefix + sep;
  const tail = sep + 'events';
  if (!address.startsWith(head) || !address.endsWith(tail)) return null;
  const wid = address.slice(head.length, address.length - tail.length);
  return /^[A-Za-z0-9_-]{1,64}$/.test(wid) ? wid : null;
}

/**
 * Gives every event a key that is the same each time the broker delivers this message: its own
 * idempotency key; for an order, none (the intake keys it by source and order id); otherwise the
 * transport, a hash of the address and the bytes, and the event's position. Never random: a
 * redelivery after a crash must find the events it stored before. The price: the same bytes
 * published twice to the same topic are one event, so a device that repeats an event on purpose
 * gives it a timestamp or its own idempotencyKey.
 */
export function withStableKeys(transport: BrokerTransport, address: string, payload: Uint8Array, events: CustomerEvent[]): CustomerEvent[] {
  const hash = crypto.createHash('sha256').update(address).update('\n').update(payload).digest('base64url').slice(0, 32);
  return events.map((e, i) => (e.idempotencyKey || e.type === 'order' ? e : { ...e, idempotencyKey: `${transport}:${hash}:${i}` }));
}
