import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeText, modelVersions } from '../index.js';
import { EN_NEGATORS } from './words-en.js';
import { rulesFingerprint } from './fingerprint.js';
import { loadModel, modelHash, modelPath, type ModelFile } from './model.js';
import { ruleScore } from './rules.js';
import { sentimentOf } from './index.js';
import { ruleWords } from './features.js';
import { tokenizeChinese, tokenizeEnglish } from './tokenize.js';

const score = (text: string) => analyzeText(text).sentiment.score;
const labelOf = (text: string) => analyzeText(text).sentiment.label;

describe('sentiment: the issue’s examples', () => {
  it('negation: "not bad" is positive, "not good" negative', () => {
    expect(labelOf('not bad')).toBe('positive');
    expect(labelOf('The food was not good.')).toBe('negative');
    expect(score('not bad')).toBeGreaterThan(score('bad'));
  });

  it('Chinese negation: 不太好 is negative and 沒有問題 scores above 有問題', () => {
    expect(labelOf('不太好')).toBe('negative');
    expect(score('沒有問題')).toBeGreaterThan(score('有問題'));
    expect(score('不错')).toBeGreaterThan(0);
  });

  it('intensifiers strengthen in the rules (非常, 很, extremely; 有点, slightly weaken)', () => {
    const zh = loadModel('zh');
    const rule = (t: string) => ruleScore(tokenizeChinese(t).tokens, zh.words).sum;
    expect(rule('非常满意')).toBeGreaterThan(rule('满意'));
    expect(rule('很失望')).toBeLessThan(rule('失望'));
    expect(rule('有点失望')).toBeGreaterThan(rule('失望'));
    const en = loadModel('en');
    const enRule = (t: string) => ruleScore(tokenizeEnglish(t).tokens, en.words).sum;
    expect(enRule('extremely good')).toBeGreaterThan(enRule('good'));
    expect(enRule('slightly disappointing')).toBeGreaterThan(enRule('disappointing'));
    expect(labelOf('非常满意')).toBe('positive');
    expect(labelOf('extremely good')).toBe('positive');
  });

  it('contrast: the clause after 但是 / but decides', () => {
    expect(labelOf('房间很干净，但是服务太差了。')).toBe('negative');
    expect(labelOf('The room was great but the staff were rude.')).toBe('negative');
    expect(labelOf('The room was small but the staff were wonderful.')).toBe('positive');
  });

  it('customer-service complaints that Intl.Segmenter splits into characters (闪/退, 到/账) are negative', () => {
    expect(labelOf('退款一直没到账')).toBe('negative');
    expect(labelOf('App 一直閃退')).toBe('negative');
    const zh = loadModel('zh');
    const rule = (t: string) => ruleScore(tokenizeChinese(t).tokens, zh.words).sum;
    expect(rule('闪退')).toBeLessThan(0);
    expect(rule('到账了')).toBeGreaterThan(0);
    expect(rule('没到账')).toBeLessThan(0);
    expect(rule('很快到账')).toBeGreaterThan(rule('到账'));
  });

  it('emoji carry sentiment in any language', () => {
    expect(labelOf('😍')).toBe('positive');
    expect(labelOf('😡👎')).toBe('negative');
    expect(score('Great hotel 👍')).toBeGreaterThan(score('Great hotel 👎'));
  });

  it('exclamation and ALL CAPS strengthen', () => {
    expect(score('This is GREAT')).toBeGreaterThan(score('This is great'));
    expect(score('Great!!!')).toBeGreaterThan(score('Great'));
  });
});

describe('sentiment: product and service reviews', () => {
  const en = loadModel('en');
  const rule = (t: string) => ruleScore(tokenizeEnglish(t).tokens, en.words);

  it('a late delivery, again, is negative (it used to score slightly positive)', () => {
    expect(labelOf('delivery was late again, third time this month')).toBe('negative');
    expect(score('delivery was late again, third time this month')).toBeLessThan(-0.1);
    expect(rule('late again').sum).toBeLessThan(0);
  });

  it('phrases the lexicon cannot see word by word', () => {
    for (const t of ['It stopped working after a week.', 'Total waste of money.', "Don't waste your money.", 'I returned it.', 'It fell apart.']) {
      expect(rule(t).sum, t).toBeLessThan(0);
      expect(labelOf(t), t).toBe('negative');
    }
    for (const t of ['Works great.', 'Exactly as described.', "You can't beat the price.", "Couldn't be happier!"]) {
      expect(rule(t).sum, t).toBeGreaterThan(0);
      expect(labelOf(t), t).toBe('positive');
    }
  });

  it('a phrase is one sentiment word: negated and boosted as one, its own words not counted again', () => {
    expect(rule('never stopped working').sum).toBeGreaterThan(0);
    expect(rule('works great').hits).toBe(1);
    expect(rule('really works great').sum).toBeGreaterThan(rule('works great').sum);
  });

  it('text without any sentiment word is neutral unless the model is fairly sure', () => {
    const model = { ...en, file: { ...en.file, neutralBand: 0, neutralBandNoHits: 0.1 } };
    expect(sentimentOf(model, 0.1, 0).label).toBe('neutral');
    expect(sentimentOf(model, 0.1, 1).label).toBe('positive');
    expect(sentimentOf(model, 0.5, 0).label).toBe('positive');
  });
});

describe('sentiment: properties', () => {
  it('scores are always in [−1, 1] and labels agree with scores', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 60 }), fc.constantFrom('not bad', '沒有問題', '非常好!!', '😡 BUT 很好')), (text) => {
        const a = analyzeText(text);
        for (const s of [a.sentiment, ...a.sentences.map((x) => x.sentiment)]) {
          expect(s.score).toBeGreaterThanOrEqual(-1);
          expect(s.score).toBeLessThanOrEqual(1);
          if (s.label === 'positive') expect(s.score).toBeGreaterThan(0);
          if (s.label === 'negative') expect(s.score).toBeLessThan(0);
        }
      }),
      { numRuns: 200 },
    );
  });

  const en = loadModel('en');
  const enWords = [...Object.entries(en.file.lexicon)]
    .filter(([w, v]) => /^[a-z]+$/.test(w) && Math.abs(v) >= 1 && !en.words.boosters.has(w) && !en.words.negators.has(w))
    .map(([w]) => w);
  it('a negator flips the rule score of an English lexicon word', () => {
    fc.assert(
      fc.property(fc.constantFrom(...enWords), fc.constantFrom(...EN_NEGATORS), (word, negator) => {
        // A two-word phrase has its own valence on purpose ("dont waste" your money is negative).
        if (en.words.phrases?.get(negator)?.some((p) => p.tokens.length === 2 && p.tokens[1] === word)) return;
        const plain = ruleScore(tokenizeEnglish(word).tokens, en.words).sum;
        const negated = ruleScore(tokenizeEnglish(`${negator} ${word}`).tokens, en.words).sum;
        expect(Math.sign(negated)).toBe(-Math.sign(plain));
      }),
    );
  });

  const zh = loadModel('zh');
  const zhWords = ['满意', '干净', '失望', '方便', '糟糕', '推荐', '热情', '问题'];
  it('不 / 没有 flip the rule score of a Chinese lexicon word', () => {
    fc.assert(
      fc.property(fc.constantFrom(...zhWords), fc.constantFrom('不', '没有', '并不', '不太'), (word, negator) => {
        const plain = ruleScore(tokenizeChinese(word).tokens, zh.words).sum;
        const negated = ruleScore(tokenizeChinese(`${negator}${word}`).tokens, zh.words).sum;
        expect(plain).not.toBe(0);
        expect(Math.sign(negated)).toBe(-Math.sign(plain));
      }),
    );
  });

  it('Traditional and Simplified spellings score the same', () => {
    expect(score('這家飯店的服務很好，房間也乾淨')).toBe(score('这家饭店的服务很好，房间也干净'));
  });
});

describe('models', () => {
  it.each(['en', 'zh'] as const)('%s: version is the hash of the file and rules match the code', (language) => {
    const file = JSON.parse(readFileSync(modelPath(language), 'utf8')) as ModelFile;
    expect(file.version).toBe(modelHash(file));
    // Fails when a word list or emoji changed without `npm run train`.
    expect(file.rulesHash).toBe(rulesFingerprint());
  });

  it('every analysis records one version covering every model', () => {
    const a = analyzeText('Great 服务');
    expect(a.modelVersion).toMatch(/^tp-[0-9a-f]{12}$/);
    expect(modelVersions().en).toBe(loadModel('en').file.version);
    expect(modelVersions().zh).toBe(loadModel('zh').file.version);
  });

  it('rule words are built for both languages', () => {
    expect(ruleWords('zh', new Map([['好', 2]])).splitFused?.('不好')).toEqual({ valence: 2, boost: 0, negated: true });
  });
});
