import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FieldCipher, generateKey, keyFile, loadKeyRing, rotateRing, type KeyRing } from './field-cipher.js';

const ring = (): KeyRing => ({ activeKeyId: 'k1', keys: { k1: generateKey() }, hashKey: generateKey() });
const SAMPLES = ['alice@example.com', '陳大文', '王小明 Zoë Ångström 👩‍💻', '', 'x'.repeat(10_000), 'line\nbreak\u0000nul'];

/** Replaces one base64url character of part `index` ("v1.key.iv.body") with another. */
function tamper(stored: string, index: number, at = 5): string {
  const parts = stored.split('.');
  const p = parts[index];
  const i = Math.min(at, p.length - 1);
  parts[index] = p.slice(0, i) + (p[i] === 'A' ? 'B' : 'A') + p.slice(i + 1);
  return parts.join('.');
}

describe('FieldCipher', () => {
  it('round-trips text of every kind and never shows the plain text', () => {
    const c = new FieldCipher(ring());
    for (const plain of SAMPLES) {
      const stored = c.encrypt(plain);
      expect(c.decrypt(stored)).toBe(plain);
      if (plain.length > 3) expect(stored).not.toContain(plain);
      expect(stored).toMatch(/^v1\.k1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+$/);
    }
  });

  it('uses a fresh IV per value, so equal inputs give different outputs', () => {
    const c = new FieldCipher(ring());
    const outs = new Set(Array.from({ length: 50 }, () => c.encrypt('same@example.com')));
    expect(outs.size).toBe(50);
    expect(new Set([...outs].map((o) => o.split('.')[2])).size).toBe(50);
  });

  it('refuses tampered values: ciphertext, tag, IV, key id, version, truncation', () => {
    const r = ring();
    r.keys.k0 = generateKey();
    const c = new FieldCipher(r);
    const stored = c.encrypt('alice@example.com');
    const body = stored.split('.')[3];
    expect(() => c.decrypt(tamper(stored, 3, 0))).toThrow(); // first ciphertext byte
    expect(() => c.decrypt(tamper(stored, 3, body.length - 1))).toThrow(); // auth tag
    expect(() => c.decrypt(tamper(stored, 2))).toThrow(); // IV
    expect(() => c.decrypt(stored.replace('.k1.', '.k0.'))).toThrow(); // another real key
    expect(() => c.decrypt(stored.replace('.k1.', '.k9.'))).toThrow(/unknown encryption key k9/);
    expect(() => c.decrypt(stored.replace(/^v1/, 'v2'))).toThrow(/not an encrypted field value/);
    expect(() => c.decrypt(stored.slice(0, -4))).toThrow();
    expect(() => c.decrypt('alice@example.com')).toThrow(/not an encrypted field value/);
    expect(() => new FieldCipher(ring()).decrypt(stored)).toThrow(); // same key id, different key
  });

  it('stores the key id in every value', () => {
    const r = ring();
    r.keys['key_2024-b'] = generateKey();
    r.activeKeyId = 'key_2024-b';
    const c = new FieldCipher(r);
    const stored = c.encrypt('x');
    expect(stored.startsWith('v1.key_2024-b.')).toBe(true);
    expect(c.keyIdOf(stored)).toBe('key_2024-b');
  });

  it('keeps old values readable after rotation, writes new ones with the new key', () => {
    const r1 = ring();
    const before = new FieldCipher(r1);
    const oldValues = SAMPLES.map((p) => before.encrypt(p));
    const r2 = rotateRing(r1);
    expect(r2.activeKeyId).toBe('k2');
    expect(Object.keys(r2.keys).sort()).toEqual(['k1', 'k2']);
    expect(r2.keys.k1).toBe(r1.keys.k1);
    expect(r2.keys.k2).not.toBe(r1.keys.k1);
    const after = new FieldCipher(r2);
    oldValues.forEach((v, i) => expect(after.decrypt(v)).toBe(SAMPLES[i]));
    const fresh = after.encrypt('bob@example.com');
    expect(after.keyIdOf(fresh)).toBe('k2');
    expect(() => before.decrypt(fresh)).toThrow(/unknown encryption key k2/);
    expect(rotateRing(r2).activeKeyId).toBe('k3');
  });

  it('gives a stable keyed lookup hash, unchanged by rotation', () => {
    const r = ring();
    const a = new FieldCipher(r), b = new FieldCipher(JSON.parse(JSON.stringify(r)));
    expect(a.lookupHash('alice@example.com')).toBe(b.lookupHash('alice@example.com'));
    expect(new FieldCipher(rotateRing(r)).lookupHash('alice@example.com')).toBe(a.lookupHash('alice@example.com'));
    expect(a.lookupHash('alice@example.com')).not.toBe(a.lookupHash('Alice@example.com'));
    expect(new FieldCipher(ring()).lookupHash('alice@example.com')).not.toBe(a.lookupHash('alice@example.com'));
    expect(a.lookupHash('alice@example.com')).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('rejects bad key rings', () => {
    expect(() => new FieldCipher({ ...ring(), activeKeyId: 'k7' })).toThrow(/not in the key ring/);
    expect(() => new FieldCipher({ activeKeyId: 'k1', keys: { k1: Buffer.alloc(16).toString('base64') }, hashKey: generateKey() })).toThrow(/32 bytes/);
    expect(() => new FieldCipher({ activeKeyId: 'k.1', keys: { 'k.1': generateKey() }, hashKey: generateKey() })).toThrow(/url-safe/);
    expect(() => new FieldCipher({ ...ring(), hashKey: Buffer.alloc(8).toString('base64') })).toThrow(/hash key/);
  });
});

describe('loadKeyRing', () => {
  let dir = '';
  afterEach(() => { if (dir) fs.rmSync(dir, { recursive: true, force: true }); });

  it('creates an owner-only keys.json once and reads it back', () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tp-keys-'));
    const first = loadKeyRing(undefined, dir);
    expect(first.activeKeyId).toBe('k1');
    expect(fs.statSync(keyFile(dir)).mode & 0o777).toBe(0o600);
    expect(loadKeyRing(undefined, dir)).toEqual(first);
  });

  it('reads TOUCHPOINT_ENCRYPTION_KEYS: first key active, hash key by name', () => {
    const [k1, k2, h] = [generateKey(), generateKey(), generateKey()];
    const r = loadKeyRing(`k2:${k2}, k1:${k1},hash:${h}`, '/nonexistent');
    expect(r).toEqual({ activeKeyId: 'k2', keys: { k2, k1 }, hashKey: h });
    const c = new FieldCipher(r);
    expect(c.decrypt(new FieldCipher({ activeKeyId: 'k1', keys: { k1 }, hashKey: h }).encrypt('old'))).toBe('old');
  });
});
