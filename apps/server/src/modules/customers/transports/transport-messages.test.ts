import { describe, expect, it } from 'vitest';
import type { CustomerEvent } from '@touchpoint/shared';
import { keyFromHeader, readMessage, withStableKeys, workspaceOfAddress } from './transport-messages.js';

const bytes = (v: unknown) => new TextEncoder().encode(typeof v === 'string' ? v : JSON.stringify(v));

describe('broker messages', () => {
  it('reads one event, an array, or an envelope with its key; a header key wins over the envelope', () => {
    expect(readMessage(bytes({ type: 'track' }), 'k1')).toEqual({ ok: true, value: { raw: [{ type: 'track' }], apiKey: 'k1' } });
    expect(readMessage(bytes([{ type: 'page' }, { type: 'track' }]), undefined)).toEqual({ ok: true, value: { raw: [{ type: 'page' }, { type: 'track' }], apiKey: undefined } });
    expect(readMessage(bytes({ apiKey: 'k2', events: [{ type: 'page' }] }), undefined)).toMatchObject({ ok: true, value: { apiKey: 'k2' } });
    expect(readMessage(bytes({ apiKey: 'k2', events: [{ type: 'page' }] }), 'k1')).toMatchObject({ ok: true, value: { apiKey: 'k1' } });
  });

  it('names the problem of a message it cannot read, with a path', () => {
    expect(readMessage(bytes('{oops'), undefined)).toMatchObject({ ok: false, issues: [{ path: '', message: expect.stringMatching(/^not JSON/) }] });
    expect(readMessage(bytes([]), undefined)).toMatchObject({ ok: false, issues: [{ path: 'events' }] });
    expect(readMessage(bytes({ events: [], extra: 1 }), undefined)).toMatchObject({ ok: false });
    const issues = (readMessage(bytes({ events: [{}], extra: 1 }), undefined) as { issues: { path: string }[] }).issues;
    expect(issues.map((i) => i.path)).toEqual(['']);
    expect(readMessage(bytes(Array.from({ length: 1001 }, () => ({}))), undefined)).toMatchObject({ ok: false, issues: [{ path: 'events' }] });
  });

  it('takes a key from a header or an MQTT user property, with or without Bearer', () => {
    expect(keyFromHeader('Bearer tpk_abc')).toBe('tpk_abc');
    expect(keyFromHeader('bearer  tpk_abc ')).toBe('tpk_abc');
    expect(keyFromHeader(['tpk_first', 'tpk_second'])).toBe('tpk_first');
    expect(keyFromHeader(undefined)).toBeUndefined();
    expect(keyFromHeader('Bearer two words')).toBeUndefined();
  });

  it('finds the workspace in a topic or subject, and nothing in a foreign one', () => {
    expect(workspaceOfAddress('mqtt', 'touchpoint', 'touchpoint/ws-1/events')).toBe('ws-1');
    expect(workspaceOfAddress('mqtt', 'site/a', 'site/a/ws-1/events')).toBe('ws-1');
    expect(workspaceOfAddress('nats', 'touchpoint', 'touchpoint.ws-1.events')).toBe('ws-1');
    expect(workspaceOfAddress('mqtt', 'touchpoint', 'touchpoint/ws-1/x/events')).toBeNull();
    expect(workspaceOfAddress('mqtt', 'touchpoint', 'other/ws-1/events')).toBeNull();
    expect(workspaceOfAddress('nats', 'touchpoint', 'touchpoint..events')).toBeNull();
  });

  it('keys events the same way on every delivery, and differently for other bytes or topics', () => {
    const events = [{ type: 'track', event: 'a', userId: 'u' }, { type: 'order', orderId: 'o', source: 'x', userId: 'u' }, { type: 'page', anonymousId: 'd', idempotencyKey: 'own' }] as CustomerEvent[];
    const once = withStableKeys('mqtt', 't/w/events', bytes('payload'), events);
    const again = withStableKeys('mqtt', 't/w/events', bytes('payload'), events);
    expect(once).toEqual(again);
    expect(once[0].idempotencyKey).toMatch(/^mqtt:[A-Za-z0-9_-]{32}:0$/);
    // Orders keep their order key (source + id); an event's own key is kept.
    expect(once[1].idempotencyKey).toBeUndefined();
    expect(once[2].idempotencyKey).toBe('own');
    expect(withStableKeys('mqtt', 't/w/events', bytes('payload2'), events)[0].idempotencyKey).not.toBe(once[0].idempotencyKey);
    expect(withStableKeys('mqtt', 't/v/events', bytes('payload'), events)[0].idempotencyKey).not.toBe(once[0].idempotencyKey);
    expect(once[0].idempotencyKey!.length).toBeLessThanOrEqual(128);
  });
});
