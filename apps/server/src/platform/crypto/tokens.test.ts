import { describe, expect, it } from 'vitest';
import { hashToken, newTimeOrderedId, publicId, randomToken } from './tokens.js';

describe('ids and tokens', () => {
  it('makes UUIDv7 ids that sort in creation order and do not repeat', () => {
    const ids = Array.from({ length: 20_000 }, () => newTimeOrderedId());
    for (const id of ids.slice(0, 50)) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    expect(Number.parseInt(ids[0].replace('-', '').slice(0, 12), 16)).toBeGreaterThan(Date.now() - 60_000);
  });
  it('makes url-safe tokens and stores them only as hashes', () => {
    expect(randomToken('tpk_')).toMatch(/^tpk_[A-Za-z0-9_-]{32}$/);
    expect(publicId()).toMatch(/^[A-Za-z0-9_-]{12}$/);
    expect(hashToken('a')).toHaveLength(64);
    expect(hashToken('a')).not.toBe(hashToken('b'));
  });
});
