import { describe, expect, it } from 'vitest';
import { hostPort, httpExample, KEY_PLACEHOLDER, publishExample } from './connection-examples';

describe('broker connection examples', () => {
  it('takes host and port from the broker URL, with the usual ports when there is none', () => {
    expect(hostPort('mqtt://10.0.0.5:1884', 'mqtt')).toEqual({ host: '10.0.0.5', port: '1884' });
    expect(hostPort('nats://broker.internal', 'nats')).toEqual({ host: 'broker.internal', port: '4222' });
    expect(hostPort(null, 'mqtt')).toEqual({ host: '127.0.0.1', port: '1883' });
    expect(hostPort('not a url', 'nats')).toEqual({ host: '127.0.0.1', port: '4222' });
  });

  it('publishes to the workspace address at QoS 1 with the key in a user property, or beside the events for MQTT 3.1.1', () => {
    const [v5, v311] = publishExample({ transport: 'mqtt', address: 'touchpoint/ws-1/events', broker: 'mqtt://127.0.0.1:1883' });
    expect(v5).toContain("-V mqttv5 -h 127.0.0.1 -p 1883 -q 1 -t 'touchpoint/ws-1/events'");
    expect(v5).toContain(`-D publish user-property authorization 'Bearer ${KEY_PLACEHOLDER}'`);
    const payload = /-m '(.*)'$/.exec(v311)![1];
    expect(JSON.parse(payload)).toMatchObject({ apiKey: KEY_PLACEHOLDER, events: [{ type: 'track', userId: 'u-1001' }] });
  });

  it('sends the NATS key as the Authorization header, and the event as valid JSON', () => {
    const [cmd] = publishExample({ transport: 'nats', address: 'touchpoint.ws-1.events', broker: 'nats://127.0.0.1:4222' });
    expect(cmd).toContain("pub 'touchpoint.ws-1.events'");
    expect(cmd).toContain(`-H 'Authorization: Bearer ${KEY_PLACEHOLDER}'`);
    expect(JSON.parse(/'(\{.*\})'$/.exec(cmd)![1])).toMatchObject({ type: 'track' });
  });

  it('sends one batch over HTTP to the workspace endpoint with the key, an idempotency key and a JSON body the API takes', () => {
    const cmd = httpExample('https://cx.example.com', "ws-1'x");
    expect(cmd).toContain(`'https://cx.example.com/api/workspaces/ws-1'\\''x/events'`);
    expect(cmd).toContain(`-H 'Authorization: Bearer ${KEY_PLACEHOLDER}'`);
    expect(cmd).toContain("-H 'Idempotency-Key: batch-0001'");
    expect(JSON.parse(/-d '(\{.*\})'$/.exec(cmd)![1])).toEqual({ events: [expect.objectContaining({ type: 'track', userId: 'u-1001' })] });
  });
});
