/**
 * Field-level encryption for personal data: AES-256-GCM with a fresh 96-bit IV per value.
 * Stored form: "v1.<keyId>.<iv>.<ciphertext+tag>" (base64url), so every value names its key and
 * old values stay readable after a rotation. A separate HMAC key gives a stable keyed hash for
 * exact look-ups (e.g. find a respondent by email) without decrypting; it is not rotated with
 * the encryption keys, or every look-up hash would have to be recomputed.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export interface KeyRing {
  activeKeyId: string;
  keys: Record<string, string>; // id -> base64 32-byte key
  hashKey: string; // base64 32-byte key
}

export class FieldCipher {
  private readonly keys = new Map<string, Buffer>();
  private readonly hashKey: Buffer;
  readonly activeKeyId: string;

  constructor(ring: KeyRing) {
    for (const [id, b64] of Object.entries(ring.keys)) {
      const key = Buffer.from(b64, 'base64');
      if (key.length !== 32) throw new Error(`encryption key ${id} must be 32 bytes (base64)`);
      if (!/^[A-Za-z0-9_-]{1,32}$/.test(id)) throw new Error(`encryption key id ${id} must be url-safe`);
      this.keys.set(id, key);
    }
    if (!this.keys.has(ring.activeKeyId)) throw new Error(`active key ${ring.activeKeyId} is not in the key ring`);
    this.activeKeyId = ring.activeKeyId;
    this.hashKey = Buffer.from(ring.hashKey, 'base64');
    if (this.hashKey.length < 32) throw new Error('hash key must be at least 32 bytes');
  }

  encrypt(plain: string): string {
    const iv = crypto.randomBytes(12);
    const cipher = crypto.createCipheriv('aes-256-gcm', this.keys.get(this.activeKeyId)!, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final(), cipher.getAuthTag()]);
    return `v1.${this.activeKeyId}.${iv.toString('base64url')}.${body.toString('base64url')}`;
  }

  decrypt(stored: string): string {
    const [version, keyId, ivText, bodyText] = stored.split('.');
    if (version !== 'v1' || !keyId || !ivText || !bodyText) throw new Error('not an encrypted field value');
    const key = this.keys.get(keyId);
    if (!key) throw new Error(`unknown encryption key ${keyId}`);
    const body = Buffer.from(bodyText, 'base64url');
    const decipher = crypto.createDecipheriv('aes-256-gcm', key, Buffer.from(ivText, 'base64url'));
    decipher.setAuthTag(body.subarray(body.length - 16));
    return Buffer.concat([decipher.update(body.subarray(0, body.length - 16)), decipher.final()]).toString('utf8');
  }

  keyIdOf(stored: string): string | undefined {
    return stored.split('.')[1];
  }

  /** Keyed hash for exact look-ups; callers normalise first (e.g. lower-case emails). */
  lookupHash(value: string): string {
    return crypto.createHmac('sha256', this.hashKey).update(value).digest('base64url');
  }
}

export function generateKey(): string {
  return crypto.randomBytes(32).toString('base64');
}

/**
 * The key ring from TOUCHPOINT_ENCRYPTION_KEYS ("id:base64,id:base64"; first active; hash key
 * derived from "hash:base64" if present) or, for the embedded default, a keys.json file created
 * in the data directory with owner-only permissions on first start.
 */
export function loadKeyRing(envValue: string | undefined, dataDir: string): KeyRing {
  if (envValue) {
    const entries = envValue.split(',').map((e) => e.trim().split(':') as [string, string]);
    const hash = entries.find(([id]) => id === 'hash');
    const keys = entries.filter(([id]) => id !== 'hash');
    if (!keys.length) throw new Error('TOUCHPOINT_ENCRYPTION_KEYS has no key');
    return { activeKeyId: keys[0][0], keys: Object.fromEntries(keys), hashKey: hash?.[1] ?? keys[keys.length - 1][1] };
  }
  const file = keyFile(dataDir);
  if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, 'utf8')) as KeyRing;
  const ring: KeyRing = { activeKeyId: 'k1', keys: { k1: generateKey() }, hashKey: generateKey() };
  saveKeyRing(dataDir, ring);
  return ring;
}

export function keyFile(dataDir: string): string {
  return path.join(dataDir, 'keys.json');
}

export function saveKeyRing(dataDir: string, ring: KeyRing): void {
  fs.mkdirSync(dataDir, { recursive: true });
  const tmp = keyFile(dataDir) + '.tmp';
  fs.writeFileSync(tmp, JSON.stringify(ring, null, 2), { mode: 0o600 });
  fs.renameSync(tmp, keyFile(dataDir));
}

/** A new ring with a fresh active key; old keys stay so existing values still decrypt. */
export function rotateRing(ring: KeyRing): KeyRing {
  const next = Math.max(0, ...Object.keys(ring.keys).map((id) => Number(id.replace(/\D/g, '')) || 0)) + 1;
  const id = `k${next}`;
  return { ...ring, activeKeyId: id, keys: { ...ring.keys, [id]: generateKey() } };
}
