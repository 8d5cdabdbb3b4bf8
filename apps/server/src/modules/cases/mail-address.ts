/**
 * How a customer's email answer finds its case. Three independent clues, because mail clients and
 * forwarders drop each of them now and then:
 *  - the plus-address we reply from: `cases+c-<token>@domain` (lost when the customer writes to the
 *    plain address, kept in Delivered-To / X-Original-To by most MTAs);
 *  - our Message-ID `<case.<token>.<random>@domain>`, echoed in In-Reply-To / References;
 *  - the subject tag `[#42]`, which survives "Re:" and forwarding but is a case number, not a
 *    secret, so callers should trust it only together with the sender's address.
 * The token is a short random secret ([a-z0-9]{10,24}); it is what makes the first two unguessable.
 */
import crypto from 'node:crypto';

export const CASE_TOKEN_PATTERN = /^[a-z0-9]{10,24}$/;

export interface Mailbox { name: string | null; local: string; domain: string }

/** Splits `cases@x.com` or `Touchpoint <cases@x.com>` (display name optional, quoted or not). */
export function parseMailbox(input: string): Mailbox {
  const angle = /^\s*(.*?)\s*<\s*([^<>\s]+)\s*>\s*$/.exec(input);
  const address = (angle ? angle[2] : input).trim();
  const at = address.lastIndexOf('@');
  if (at <= 0 || at === address.length - 1 || /\s/.test(address)) throw new Error(`not an email address: ${input}`);
  const name = angle?.[1].replace(/^"(.*)"$/, '$1').trim() || null;
  return { name, local: address.slice(0, at), domain: address.slice(at + 1).toLowerCase() };
}

function assertToken(token: string): void {
  if (!CASE_TOKEN_PATTERN.test(token)) throw new Error('a case token is 10–24 lower-case letters and digits');
}

/** A fresh case token: 16 characters of [a-z0-9] (~82 bits). */
export function newCaseToken(): string {
  return randomBase36(16);
}

function randomBase36(length: number): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  // 252 = 7 × 36: bytes at or above it are skipped so every character is equally likely.
  let out = '';
  while (out.length < length) {
    for (const b of crypto.randomBytes(length * 2)) {
      if (b < 252 && out.length < length) out += alphabet[b % 36];
    }
  }
  return out;
}

/** `cases@support.example.com` + token → `cases+c-<token>@support.example.com` (bare address). */
export function caseReplyAddress(base: string, token: string): string {
  assertToken(token);
  const { local, domain } = parseMailbox(base);
  return `${local}+c-${token}@${domain}`;
}

// Anywhere in a header value: `<local>+c-<token>@<domain>`. The local part before "+c-" may hold
// another "+detail" of the operator's own; the token must end the local part.
const REPLY_ADDRESS = /([A-Za-z0-9.!#$%&'*/=?^_`{|}~+-]+)\+c-([A-Za-z0-9]{10,24})@([A-Za-z0-9.-]+[A-Za-z0-9])/gi;

/**
 * The case token in the first recipient that is a case reply address (To, Cc, Delivered-To,
 * X-Original-To … values, each a single address or a whole header). With `base`, only addresses of
 * that mailbox count (same local part and domain, case-insensitive), so a foreign `+c-` address in
 * Cc is not mistaken for ours. Returned lower-case: some MTAs upper-case addresses.
 */
export function findCaseToken(recipients: Iterable<string | null | undefined>, base?: string): string | null {
  const own = base ? parseMailbox(base) : null;
  for (const value of recipients) {
    if (!value) continue;
    for (const m of value.matchAll(REPLY_ADDRESS)) {
      if (own && (m[1].toLowerCase() !== own.local.toLowerCase() || m[3].toLowerCase() !== own.domain)) continue;
      return m[2].toLowerCase();
    }
  }
  return null;
}

// ── subject tag ───────────────────────────────────────────────────────────────────────────────

// Full-width brackets and ＃ too: Chinese input methods produce them when a customer retypes a tag.
const TAG = /[[［]\s*[#＃]\s*(\d{1,9})\s*[\]］]/;
const TAGS = new RegExp(`\\s*${TAG.source}`, 'g');

/** `Your delivery` + 42 → `Your delivery [#42]`; any other case tag in the subject is replaced. */
export function tagSubject(subject: string, caseNumber: number): string {
  if (!Number.isSafeInteger(caseNumber) || caseNumber < 0 || caseNumber > 999_999_999) throw new Error('a case number is a whole number below 10⁹');
  const bare = subject.replace(TAGS, '').trim();
  return bare ? `${bare} [#${caseNumber}]` : `[#${caseNumber}]`;
}

/** The case number of the first tag in a subject ("Re: Your delivery [#42]" → 42), or null. */
export function parseSubjectTag(subject: string | null | undefined): number | null {
  const m = subject ? TAG.exec(subject) : null;
  return m ? Number(m[1]) : null;
}

// ── Message-ID ────────────────────────────────────────────────────────────────────────────────

/** `<case.<token>.<random>@<domain>>` for a mail we send about a case; `domain` may be an address. */
export function caseMessageId(token: string, domainOrAddress: string): string {
  assertToken(token);
  const domain = domainOrAddress.includes('@') ? parseMailbox(domainOrAddress).domain : domainOrAddress.toLowerCase();
  if (!/^[a-z0-9.-]+$/.test(domain)) throw new Error(`not a mail domain: ${domainOrAddress}`);
  return `<case.${token}.${randomBase36(12)}@${domain}>`;
}

const CASE_MESSAGE_ID = /^<?case\.([a-z0-9]{10,24})\.[a-z0-9]+@[^<>\s]+>?$/i;

/**
 * The case token from the ids a reply refers to: In-Reply-To first (the mail it answers), then
 * References from the newest (last) to the oldest. Values may be single ids or whole headers.
 */
export function findCaseTokenInThread(inReplyTo: string | null | undefined, references: readonly string[] = []): string | null {
  const split = (v: string) => v.split(/[\s,]+/).filter(Boolean);
  const ids = [...split(inReplyTo ?? ''), ...references.flatMap(split).reverse()];
  for (const id of ids) {
    const m = CASE_MESSAGE_ID.exec(id);
    if (m) return m[1].toLowerCase();
  }
  return null;
}
