/**
 * The publish commands shown beside each broker connection. Examples are data, not prose: the same
 * in every language (topics, headers and JSON are the server's). The key is a placeholder: keys are
 * shown once when made (Settings → API keys) and never again.
 */
import type { BrokerTransport, TransportStatus } from '@touchpoint/shared';

export const KEY_PLACEHOLDER = '<API key with events:write>';

const EVENT = '{"type":"track","userId":"u-1001","event":"Door opened","properties":{"door":"front"}}';

/** Host and port of a broker URL, for a command line (mqtt://127.0.0.1:1883 → 127.0.0.1, 1883). */
export function hostPort(url: string | null, transport: BrokerTransport): { host: string; port: string } {
  const fallback = { host: '127.0.0.1', port: transport === 'mqtt' ? '1883' : '4222' };
  if (!url) return fallback;
  try {
    const u = new URL(url);
    return { host: u.hostname || fallback.host, port: u.port || fallback.port };
  } catch {
    return fallback;
  }
}

/** Shell quoting for single-quoted arguments. */
const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

export function publishExample(s: Pick<TransportStatus, 'transport' | 'address' | 'broker'>): string[] {
  const { host, port } = hostPort(s.broker, s.transport);
  const address = s.address ?? '';
  if (s.transport === 'mqtt') {
    return [
      // MQTT 5: the key in a user property, the event (or an array of up to 1,000) as the payload.
      `mosquitto_pub -V mqttv5 -h ${host} -p ${port} -q 1 -t ${q(address)} \\\n  -D publish user-property authorization ${q(`Bearer ${KEY_PLACEHOLDER}`)} \\\n  -m ${q(EVENT)}`,
      // MQTT 3.1.1 has no user properties: the key travels beside the events.
      `mosquitto_pub -h ${host} -p ${port} -q 1 -t ${q(address)} \\\n  -m ${q(`{"apiKey":"${KEY_PLACEHOLDER}","events":[${EVENT}]}`)}`,
    ];
  }
  return [`nats --server nats://${host}:${port} pub ${q(address)} \\\n  -H ${q(`Authorization: Bearer ${KEY_PLACEHOLDER}`)} \\\n  ${q(EVENT)}`];
}

/** A curl command that sends one batch to the HTTP door of a workspace (`origin`: where the app is served). */
export function httpExample(origin: string, workspaceId: string): string {
  const body = `{"events":[${EVENT}]}`;
  return `curl -X POST ${q(`${origin}/api/workspaces/${workspaceId}/events`)} -H ${q(`Authorization: Bearer ${KEY_PLACEHOLDER}`)} -H 'Content-Type: application/json' -H 'Idempotency-Key: batch-0001' -d ${q(body)}`;
}
