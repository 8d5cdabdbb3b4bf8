import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compileTaxonomy, DEFAULT_TAXONOMY, discoverThemes, fold, tagThemes, toSimplified, toTraditional, type ThemeDef,
} from './index.js';

const taxonomy = compileTaxonomy(DEFAULT_TAXONOMY);
const ids = (text: string) => tagThemes(text, taxonomy).map((t) => t.id).sort();

describe('fold', () => {
  it('maps 繁體 to 简体 and lower-cases, keeping the length', () => {
    expect(fold('服務態度 APP')).toBe('服务态度 app');
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (s) => {
      expect(fold(s).length).toBe(s.length);
    }));
  });
});

describe('default taxonomy', () => {
  it('has names in the three scripts and tags each of its own examples with its theme', () => {
    for (const t of DEFAULT_TAXONOMY) {
      expect(t.names.en && t.names['zh-Hant'] && t.names['zh-Hans']).toBeTruthy();
      for (const ex of t.examples) expect(ids(ex), ex).toContain(t.id);
    }
  });
  it.each([
    ['The delivery was late and the courier was rude', ['delivery', 'staff']],
    ['快遞太慢了，客服態度也很差', ['delivery', 'staff', 'wait-time']],
    ['APP一直闪退，登录不了', ['app-website']],
    ['Waited 40 minutes, then the refund was refused', ['refund-returns', 'wait-time']],
    ['價格偏貴但是味道不錯', ['price', 'product-quality']],
    ['Great apple pie', []],
  ] as Array<[string, string[]]>)('%s', (text, expected) => {
    expect(ids(text)).toEqual(expected);
  });
});

describe('tagThemes', () => {
  const custom: ThemeDef[] = [
    { id: 'returns', name: 'Returns', keywords: ['退貨', 'return*'], examples: [] },
    { id: 'service', name: 'Service', keywords: ['service', 'customer service'], examples: [] },
  ];
  const compiled = compileTaxonomy(custom);
  it('a 繁體 keyword matches 简体 text and the other way round', () => {
    expect(tagThemes('退货很麻烦', compiled).map((t) => t.id)).toEqual(['returns']);
    expect(tagThemes('退貨很麻煩', compileTaxonomy([{ id: 'r', name: 'R', keywords: ['退货'], examples: [] }])).map((t) => t.id)).toEqual(['r']);
  });
  it('matches whole English words, plurals and * prefixes', () => {
    expect(tagThemes('Returned it twice', compiled).map((t) => t.id)).toEqual(['returns']);
    expect(tagThemes('Great services', compiled)[0].matches[0].text).toBe('services');
    expect(tagThemes('disservice', compiled)).toEqual([]);
    expect(ids('Great apple pie')).toEqual([]);
  });
  it('keeps the longest overlapping match and reports its span', () => {
    const [t] = tagThemes('Bad Customer  Service today', compiled);
    expect(t.matches).toEqual([{ text: 'Customer  Service', start: 4, end: 21, keyword: 'customer service' }]);
    expect(t.confidence).toBeCloseTo(0.8);
  });

  const fragments = fc.array(
    fc.constantFrom('快递', '快遞', '客服', '態度', '价格', '價格', '退款', '退貨', '很慢', '排隊', '質量', 'delivery', ' refund ', 'the app', ' ', '，', '我们', '這家店', '好', 'waited'),
    { maxLength: 10 },
  ).map((a) => a.join(''));

  it('is script-invariant: 繁 and 简 forms of a text get the same themes and spans', () => {
    fc.assert(fc.property(fragments, (text) => {
      const strip = (r: ReturnType<typeof tagThemes>) => r.map((t) => [t.id, t.confidence, t.matches.map((m) => [m.start, m.end])]);
      expect(strip(tagThemes(toTraditional(text), taxonomy))).toEqual(strip(tagThemes(toSimplified(text), taxonomy)));
    }), { numRuns: 300 });
  });
  it('spans slice back to the matched text', () => {
    fc.assert(fc.property(fc.oneof(fragments, fc.string({ unit: 'grapheme', maxLength: 60 })), (text) => {
      for (const t of tagThemes(text, taxonomy)) {
        expect(t.confidence).toBeGreaterThan(0);
        expect(t.confidence).toBeLessThanOrEqual(1);
        for (const m of t.matches) expect(text.slice(m.start, m.end)).toBe(m.text);
      }
    }), { numRuns: 300 });
  });
});

describe('discoverThemes', () => {
  const docs = [
    ['parking lot'], ['parking'], ['Parking', 'music'], ['music'], ['loud music'], ['停車場'], ['停车位'], ['停车场收费'],
    ['会员积分规则'], ['积分规则'], ['会员积分'], ['delivery time'], ['delivery'], ['快递'], ['快递'], ['快递'], ['wine list'],
  ];
  it('suggests clusters of frequent phrases the taxonomy does not cover', () => {
    const found = discoverThemes(docs, taxonomy);
    // Labels keep the most frequent written form (ties: the first in code-point order).
    expect(found.map((d) => d.label)).toEqual(['Parking', 'music', '会员积分', '停車場']);
    expect(found[0]).toEqual({ label: 'Parking', phrases: ['Parking', 'parking lot'], documents: 3 });
    expect(found[3].phrases).toEqual(['停車場', '停车位']);
    const all = found.flatMap((d) => d.phrases);
    expect(all).not.toContain('快递');
    expect(all).not.toContain('delivery time');
  });
  it('is deterministic under shuffling of documents and phrases', () => {
    const expected = discoverThemes(docs, taxonomy);
    fc.assert(fc.property(fc.infiniteStream(fc.integer()), (rnd) => {
      const it = rnd[Symbol.iterator]();
      const shuffle = <T>(a: T[]): T[] => {
        const b = [...a];
        for (let i = b.length - 1; i > 0; i--) {
          const j = Math.abs(it.next().value as number) % (i + 1);
          [b[i], b[j]] = [b[j], b[i]];
        }
        return b;
      };
      expect(discoverThemes(shuffle(docs.map((d) => shuffle(d))), taxonomy)).toEqual(expected);
    }), { numRuns: 100 });
  });
  it('respects the limits', () => {
    expect(discoverThemes(docs, taxonomy, { limit: 1 })).toHaveLength(1);
    expect(discoverThemes(docs, taxonomy, { minDocuments: 4 })).toEqual([]);
    expect(discoverThemes([], taxonomy)).toEqual([]);
  });
});
