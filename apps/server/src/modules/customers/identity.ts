/**
 * Pure identity helpers: how an identifier is normalised before it is hashed, and the tokens a
 * name is searchable by. Hash inputs of different kinds never collide (each has its own prefix),
 * except email, which is hashed exactly as respondents' emails are so survey answers find their
 * profile by the same keyed hash.
 */
import { toSimplified } from '@touchpoint/text';
import type { IdentifierKind } from '@touchpoint/shared';
import { normaliseEmail } from '../responses/index.js';

/** Digits only, with the leading + kept: "+886 (2) 1234-5678" and "+88621234-5678" are one number. */
export const normalisePhone = (phone: string) => (phone.trim().startsWith('+') ? '+' : '') + phone.replace(/\D/g, '');

/** What the keyed hash of an identifier is taken over. External ids of any source share a hash, so a search by id finds them all. */
export function hashInput(kind: IdentifierKind, value: string): string {
  switch (kind) {
    case 'email': return normaliseEmail(value);
    case 'phone': return `phone:${normalisePhone(value)}`;
    case 'external': return `external:${value.trim()}`;
    case 'anonymous': return `anonymous:${value.trim()}`;
  }
}

/** How strongly an identifier says who someone is: the event joins the profile of the strongest match. */
export const STRENGTH: Record<IdentifierKind, number> = { external: 4, email: 3, phone: 2, anonymous: 1 };

const HAN = /\p{Script=Han}/u;
const WORD = /[\p{L}\p{N}]+/gu;
const PREFIX_MIN = 2;
const PREFIX_MAX = 12;

/**
 * The tokens a name is found by: each Chinese character after folding Traditional to Simplified
 * (so 陳大文 and 陈大文 match each other), and each other word lower-cased, with its prefixes
 * of 2–12 letters so a search can be typed a few letters at a time.
 */
export function nameTokens(name: string): string[] {
  const tokens = new Set<string>();
  const folded = toSimplified(name.normalize('NFKC').toLowerCase()).text;
  for (const ch of folded) if (HAN.test(ch)) tokens.add(ch);
  for (const word of folded.replace(/\p{Script=Han}/gu, ' ').match(WORD) ?? []) {
    tokens.add(word);
    for (let n = PREFIX_MIN; n < Math.min(word.length, PREFIX_MAX + 1); n++) tokens.add(word.slice(0, n));
  }
  return [...tokens];
}

/** The tokens a search query must all match: whole words (found through the stored prefixes) and characters. */
export function queryTokens(query: string): string[] {
  const folded = toSimplified(query.normalize('NFKC').toLowerCase()).text;
  const tokens = new Set<string>();
  for (const ch of folded) if (HAN.test(ch)) tokens.add(ch);
  for (const word of folded.replace(/\p{Script=Han}/gu, ' ').match(WORD) ?? []) tokens.add(word.slice(0, PREFIX_MAX));
  return [...tokens];
}
