import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  caseMessageId, caseReplyAddress, CASE_TOKEN_PATTERN, findCaseToken, findCaseTokenInThread, newCaseToken, parseMailbox, parseSubjectTag, tagSubject,
} from './mail-address.js';

const SEED = { seed: 20261124, numRuns: 200 };
const token = fc.stringMatching(/^[a-z0-9]{10,24}$/);
const localPart = fc.stringMatching(/^[a-z0-9][a-z0-9._-]{0,20}$/);
const domain = fc.stringMatching(/^[a-z0-9]{1,12}(\.[a-z0-9]{1,12}){1,3}$/);
// Swap the case of some letters: MTAs and people upper-case addresses.
const mixCase = (s: string, mask: number) => [...s].map((c, i) => ((mask >> (i % 30)) & 1 ? c.toUpperCase() : c)).join('');

describe('parseMailbox', () => {
  it('reads bare and display-name forms', () => {
    expect(parseMailbox('cases@support.example.com')).toEqual({ name: null, local: 'cases', domain: 'support.example.com' });
    expect(parseMailbox('Touchpoint <cases@X.com>')).toEqual({ name: 'Touchpoint', local: 'cases', domain: 'x.com' });
    expect(parseMailbox('"Touchpoint 客服" <cases@x.com>')).toEqual({ name: 'Touchpoint 客服', local: 'cases', domain: 'x.com' });
  });
  it('refuses what is not an address', () => {
    expect(() => parseMailbox('Touchpoint')).toThrow();
    expect(() => parseMailbox('@x.com')).toThrow();
    expect(() => parseMailbox('cases@')).toThrow();
  });
});

describe('case reply address', () => {
  it('plus-addresses the base, display name dropped', () => {
    expect(caseReplyAddress('Touchpoint <cases@support.example.com>', 'abc123def456')).toBe('cases+c-abc123def456@support.example.com');
    expect(() => caseReplyAddress('cases@x.com', 'SHORT')).toThrow();
    expect(() => caseReplyAddress('cases@x.com', 'has-dash-in-it')).toThrow();
  });

  it('round-trips from any recipient header, whatever the case and the company', () => {
    fc.assert(fc.property(localPart, domain, token, fc.integer({ min: 0, max: 2 ** 30 }), fc.array(fc.emailAddress(), { maxLength: 3 }), (local, dom, t, mask, others) => {
      const base = `Support <${local}@${dom}>`;
      const address = mixCase(caseReplyAddress(base, t), mask);
      const header = [...others, `"Touchpoint" <${address}>`].join(', ');
      expect(findCaseToken([null, 'someone@else.example', header], base)).toBe(t);
      expect(findCaseToken([header])).toBe(t);
    }), SEED);
  });

  it('ignores another mailbox\'s +c- address when the base is known, and addresses without one', () => {
    const base = 'cases@support.example.com';
    expect(findCaseToken(['billing+c-abcdefghij12@support.example.com', 'cases+c-abcdefghij12@other.example'], base)).toBeNull();
    expect(findCaseToken(['cases@support.example.com', 'cases+c-short@support.example.com'], base)).toBeNull();
    expect(findCaseToken(['cases+c-abcdefghij1234567890abcdef@support.example.com'], base)).toBeNull(); // 30 chars: not a token
    expect(findCaseToken(['Cases+C-ABCDEFGHIJ12@Support.Example.com'], base)).toBe('abcdefghij12');
  });

  it('keeps an operator\'s own +detail before the case part', () => {
    const address = caseReplyAddress('cases+tp@x.example', 'abcdefghij12');
    expect(address).toBe('cases+tp+c-abcdefghij12@x.example');
    expect(findCaseToken([address], 'cases+tp@x.example')).toBe('abcdefghij12');
  });

  it('makes tokens of the expected shape', () => {
    const seen = new Set(Array.from({ length: 200 }, () => newCaseToken()));
    expect(seen.size).toBe(200);
    for (const t of seen) expect(t).toMatch(CASE_TOKEN_PATTERN);
  });
});

describe('subject tag', () => {
  it('appends, replaces and parses', () => {
    expect(tagSubject('Your delivery', 42)).toBe('Your delivery [#42]');
    expect(tagSubject('Re: Your delivery [#41]', 42)).toBe('Re: Your delivery [#42]');
    expect(tagSubject('', 7)).toBe('[#7]');
    expect(parseSubjectTag('Re: Your delivery [#42]')).toBe(42);
    expect(parseSubjectTag('回覆：您的包裹 ［＃42］')).toBe(42);
    expect(parseSubjectTag('Fwd: [#12] and [#13]')).toBe(12);
    expect(parseSubjectTag('Order #42 is late')).toBeNull();
    expect(parseSubjectTag(null)).toBeNull();
    expect(() => tagSubject('x', -1)).toThrow();
    expect(() => tagSubject('x', 1.5)).toThrow();
  });

  it('round-trips over any subject, and tagging twice changes nothing', () => {
    fc.assert(fc.property(fc.string({ maxLength: 80 }), fc.integer({ min: 0, max: 999_999_999 }), fc.constantFrom('', 'Re: ', 'RE: ', '回覆：', '答复: '), (subject, n, prefix) => {
      const tagged = tagSubject(subject, n);
      expect(parseSubjectTag(prefix + tagged)).toBe(n);
      expect(tagSubject(tagged, n)).toBe(tagged);
    }), SEED);
  });
});

describe('case Message-ID', () => {
  it('has the documented shape and is new each time', () => {
    const id = caseMessageId('abcdefghij12', 'Touchpoint <cases@Support.Example.com>');
    expect(id).toMatch(/^<case\.abcdefghij12\.[a-z0-9]{12}@support\.example\.com>$/);
    expect(caseMessageId('abcdefghij12', 'support.example.com')).not.toBe(caseMessageId('abcdefghij12', 'support.example.com'));
    expect(() => caseMessageId('abcdefghij12', 'bad domain')).toThrow();
  });

  it('round-trips through In-Reply-To and References, the most recent of ours winning', () => {
    fc.assert(fc.property(token, token, domain, fc.array(fc.stringMatching(/^<[a-zA-Z0-9.=+_-]{1,20}@[a-z.]{3,15}>$/), { maxLength: 4 }), (older, newer, dom, foreign) => {
      const a = caseMessageId(older, dom);
      const b = caseMessageId(newer, dom);
      expect(findCaseTokenInThread(b, [a, ...foreign])).toBe(newer);
      expect(findCaseTokenInThread(null, [a, ...foreign, b])).toBe(newer);
      expect(findCaseTokenInThread(foreign[0] ?? null, [`${a} ${b}`])).toBe(newer); // one unsplit header
      expect(findCaseTokenInThread(foreign[0] ?? null, foreign)).toBeNull();
    }), SEED);
  });

  it('does not take ids that merely contain "case."', () => {
    expect(findCaseTokenInThread('<showcase.abcdefghij12.x1@mail.example>', [])).toBeNull();
    expect(findCaseTokenInThread('<case.short.x1@mail.example>', [])).toBeNull();
  });
});
