import crypto from 'node:crypto';

/** A random URL-safe token with a readable prefix (e.g. "tpk_" for API keys). */
export function randomToken(prefix = '', bytes = 24): string {
  return prefix + crypto.randomBytes(bytes).toString('base64url');
}

/** Tokens (sessions, API keys, invitations) are stored only as their SHA-256. */
export function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

export function newId(): string {
  return crypto.randomUUID();
}

/** A short public id for links (/s/:publicId): 12 url-safe characters, 72 bits. */
export function publicId(): string {
  return crypto.randomBytes(9).toString('base64url');
}

export function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a), bb = Buffer.from(b);
  return ab.length === bb.length && crypto.timingSafeEqual(ab, bb);
}
