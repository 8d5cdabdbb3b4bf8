import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toSimplified, toTraditional } from '../themes/fold.js';
import { detectCues, type CueKind } from './index.js';

const kinds = (text: string): CueKind[] => [...new Set(detectCues(text).hits.map((h) => h.kind))].sort();

describe('detectCues', () => {
  it.each([
    ['This is the third time I have called about this!', ['frustration']],
    ['I need this fixed ASAP, it is absolutely unacceptable', ['anger', 'urgency']],
    ['Still not delivered. I am fed up.', ['frustration']],
    ['THIS IS RIDICULOUS', ['anger']],
    ['I will file a complaint and leave a one-star review', ['anger']],
    ['Please call me back right away, it is an emergency', ['urgency']],
    ['我已經投訴第三次了，馬上給我處理', ['anger', 'frustration', 'urgency']],
    ['等了三天还没收到，太气人了', ['anger', 'frustration']],
    ['客服一直踢皮球，无语', ['frustration']],
    ['请尽快退款，急用', ['urgency']],
    ['It arrived quickly and the staff were great', []],
    ['送货很快，包装也好', []],
  ] as Array<[string, CueKind[]]>)('%s', (text, expected) => {
    expect(kinds(text)).toEqual(expected);
  });

  it.each([
    ['Not urgent, whenever you have time.', 'urgency'],
    ['No rush at all', 'urgency'],
    ["It isn't an emergency", 'urgency'],
    ['I am not angry, just disappointed', 'anger'],
    ['不急，慢慢来', 'urgency'],
    ['不是很着急', 'urgency'],
    ['不用马上回复', 'urgency'],
    ['我沒有生氣', 'anger'],
  ] as Array<[string, CueKind]>)('negated: %s', (text, kind) => {
    const c = detectCues(text);
    expect(c[kind as CueKind]).toBe(false);
    expect(c.negated.some((h) => h.kind === kind)).toBe(true);
  });

  it('a negation in another clause does not cancel a cue', () => {
    expect(detectCues("I'm not happy, fix it immediately").urgency).toBe(true);
    expect(detectCues('服务不好，马上投诉').urgency).toBe(true);
  });

  it('scores grow with the number of hits', () => {
    const one = detectCues('urgent').scores.urgency;
    const two = detectCues('urgent, please reply asap').scores.urgency;
    expect(one).toBeCloseTo(0.6);
    expect(two).toBeGreaterThan(one);
    expect(detectCues('hello').scores).toEqual({ anger: 0, frustration: 0, urgency: 0 });
  });

  const cueText = fc.array(
    fc.constantFrom('not ', 'urgent', ' third time', '!', 'THIS IS BAD', ', ', '投訴', '投诉', '不', '马上', '急', '第三次', '還沒收到', 'asap', 'fine', ' ', '。'),
    { maxLength: 10 },
  ).map((a) => a.join(''));

  it('spans slice back to the match; flagged and negated hits never overlap within a kind', () => {
    fc.assert(fc.property(fc.oneof(cueText, fc.string({ unit: 'grapheme', maxLength: 60 })), (text) => {
      const c = detectCues(text);
      for (const h of [...c.hits, ...c.negated]) expect(text.slice(h.start, h.end)).toBe(h.match);
      for (const h of c.hits) for (const n of c.negated) {
        if (h.kind === n.kind) expect(h.end <= n.start || n.end <= h.start).toBe(true);
      }
      for (const kind of ['anger', 'frustration', 'urgency'] as const) expect(c[kind]).toBe(c.hits.some((h) => h.kind === kind));
    }), { numRuns: 300 });
  });

  it('is the same in 繁體 and 简体', () => {
    fc.assert(fc.property(cueText, (text) => {
      const s = detectCues(toSimplified(text));
      const t = detectCues(toTraditional(text));
      expect(t.hits.map((h) => [h.kind, h.start, h.end])).toEqual(s.hits.map((h) => [h.kind, h.start, h.end]));
    }), { numRuns: 200 });
  });
});
