import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toTraditional, fold } from '../themes/fold.js';
import { ZH_EXAMPLES } from './examples-zh.js';
import {
  aspectSentiment, clauseAround, defaultAspectModelEn, extractAspects, extractKeyPhrasesZh, extractTermsEn, findAspectTerms,
  intlTokenize, keyPhrases, lexiconScore, tokenizeEn,
} from './index.js';

describe('tokenizeEn', () => {
  it('splits clitics off so "chef\'s" yields "chef"', () => {
    expect(tokenizeEn("The chef's special wasn't bad").map((t) => t.text)).toEqual(['The', 'chef', "'s", 'special', 'was', "n't", 'bad']);
  });
  it('tokens always slice back to their text', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), (s) => {
      for (const t of tokenizeEn(s)) expect(s.slice(t.start, t.end)).toBe(t.text);
    }));
  });
});

describe('English aspect terms', () => {
  it('ships a versioned model', () => {
    expect(defaultAspectModelEn().version).toMatch(/^aspects-en-\d+/);
  });
  it('finds the aspects of restaurant and CX sentences', () => {
    expect(extractTermsEn('The food was great but the service was slow.').map((t) => t.term)).toEqual(['food', 'service']);
    const terms = extractTermsEn('The sea bass was overcooked and the wine list is short.').map((t) => t.term);
    expect(terms).toContain('sea bass');
    expect(terms).toContain('wine list');
  });
  it('adds CX seed aspects the restaurant-trained tagger does not know', () => {
    expect(keyPhrases("My refund hasn't arrived after two weeks.")).toEqual(['refund']);
    expect(keyPhrases('The new update made the login screen really slow.')).toEqual(['update', 'login screen']);
    expect(findAspectTerms('My refunds', { seeds: false })).toEqual([]);
  });
  it('gives each aspect the sentiment of its clause', () => {
    const a = extractAspects('The food was great but the service was slow.');
    expect(a.map((x) => [x.term, x.label])).toEqual([['food', 'positive'], ['service', 'negative']]);
  });
});

describe('Chinese key phrases', () => {
  it('finds seeds and noun runs in the hand-written examples', () => {
    let hit = 0;
    let total = 0;
    for (const ex of ZH_EXAMPLES) {
      const got = extractKeyPhrasesZh(ex.text, intlTokenize).map((p) => p.phrase);
      total += ex.phrases.length;
      hit += ex.phrases.filter((p) => got.includes(p)).length;
    }
    expect(hit / total).toBeGreaterThanOrEqual(0.8);
  });
  it('gives opposite signs across a contrast', () => {
    const a = extractAspects('价格偏贵，但是菜品味道不错', { scoreSentence: lexiconScore });
    expect(a.find((x) => x.term === '价格')?.label).toBe('negative');
    expect(a.find((x) => x.term === '菜品味道')?.label).toBe('positive');
  });
  it('is the same in 繁體 and 简体', () => {
    for (const ex of ZH_EXAMPLES) {
      const s = extractAspects(ex.text).map((a) => [fold(a.term), a.start, a.end, a.label]);
      const t = extractAspects(toTraditional(ex.text)).map((a) => [fold(a.term), a.start, a.end, a.label]);
      expect(t).toEqual(s);
    }
  });
  it('mixed text gets both English and Chinese aspects', () => {
    const terms = keyPhrases('The delivery was late. 客服态度很差');
    expect(terms).toContain('delivery');
    expect(terms).toContain('客服态度');
  });
});

describe('spans and clauses', () => {
  const text = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 60 }),
    fc.array(fc.constantFrom('the food', ' was ', 'great', ', but ', 'service', '。', '客服', '态度', '很差', '不错', '物流', '!', ' '), { maxLength: 12 }).map((a) => a.join('')),
  );
  it('aspect spans slice back to the term and sit inside their clause', () => {
    fc.assert(fc.property(text, (s) => {
      for (const a of extractAspects(s)) {
        expect(s.slice(a.start, a.end)).toBe(a.term);
        expect(a.clause.start).toBeLessThanOrEqual(a.start);
        expect(a.clause.end).toBeGreaterThanOrEqual(a.end);
        expect(a.sentiment).toBeGreaterThanOrEqual(-1);
        expect(a.sentiment).toBeLessThanOrEqual(1);
      }
    }), { numRuns: 200 });
  });
  it('the clause stops at contrast words', () => {
    const s = 'great food but slow service';
    const c = clauseAround(s, s.indexOf('service'), s.length);
    expect(s.slice(c.start, c.end)).toBe('but slow service');
  });
  it('uses a supplied sentence scorer on the clause', () => {
    const seen: string[] = [];
    const r = aspectSentiment('物流很快，但是客服很差', 7, 9, { scoreSentence: (t) => { seen.push(t); return -0.5; } });
    expect(seen[0]).toBe('但是客服很差');
    expect(r.label).toBe('negative');
  });
});

describe('lexicon fallback', () => {
  it('handles negation and intensifiers in both languages', () => {
    expect(lexiconScore('not good')).toBeLessThan(0);
    expect(lexiconScore('very good')).toBeGreaterThan(lexiconScore('good'));
    expect(lexiconScore('不好')).toBeLessThan(0);
    expect(lexiconScore('不错')).toBeGreaterThan(0);
    expect(lexiconScore('態度非常好')).toBeGreaterThan(lexiconScore('态度好'));
    expect(lexiconScore('没有问题')).toBeGreaterThan(0);
  });
  it('stays in [-1, 1]', () => {
    fc.assert(fc.property(fc.string({ maxLength: 80 }), (s) => {
      const v = lexiconScore(s);
      expect(Math.abs(v)).toBeLessThanOrEqual(1);
    }));
  });
});
