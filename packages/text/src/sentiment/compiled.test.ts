import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toSimplified } from '../language/script.js';
import { splitSentences } from '../language/sentences.js';
import { compileWeights, mergeSparse, sparseDot, sparseSentence } from './compiled.js';
import { mergeSentences, sentenceFeatures, startsWithContrast, tokenize, type ModelLanguage } from './features.js';
import { dot, loadModel } from './model.js';

const compiledFor = new Map<ModelLanguage, ReturnType<typeof compileWeights>>();

/** z of a text by the training-time path (string keys, Map) and by the compiled runtime path. */
function both(language: ModelLanguage, text: string): [number, number, number[], number[]] {
  const model = loadModel(language);
  let compiled = compiledFor.get(language);
  if (!compiled) compiledFor.set(language, (compiled = compileWeights(model.weights)));
  const sentences = splitSentences(text).map((s) => text.slice(s.start, s.end));
  const config = model.file.config;
  const viaMap = sentences.map((s) => sentenceFeatures(language, s, model.words, config, config.segmenter));
  const viaSparse = sentences.map((s) => {
    const { tokens, exclamations } = tokenize(language, s, config.segmenter);
    return sparseSentence(compiled, language, tokens, exclamations, model.words, config);
  });
  const contrast = sentences.map((s) => startsWithContrast(language, s, model.words.contrast));
  const m = mergeSentences(viaMap, contrast);
  const sp = mergeSparse(compiled, viaSparse, contrast);
  return [
    dot(model, m.features),
    sparseDot(compiled, sp.ids, sp.values, sp.rule),
    viaMap.map((f) => dot(model, f.features)),
    viaSparse.map((f) => sparseDot(compiled, f.ids, f.values, f.rule)),
  ];
}

const EN = ['The battery died after two days, not good.', 'Great phone!! But the screen scratches easily.', 'I would NOT buy this again :(', 'works fine'];
const ZH = ['房间很干净，但是服务太差了。早餐还不错！', '物流太慢，客服态度也不好', '性价比高，推荐购买👍', '没有问题'];

describe('compiled model = training-time features', () => {
  it.each([...EN.map((t) => ['en', t]), ...ZH.map((t) => ['zh', t])] as Array<[ModelLanguage, string]>)('%s: %s', (language, text) => {
    const [a, b, sa, sb] = both(language, text);
    expect(b).toBe(a);
    expect(sb).toEqual(sa);
  });

  it('gives exactly the same z for any mix of fragments, in either language', () => {
    const fragment = fc.constantFrom(...EN, ...ZH, '不', '很', 'not ', '！', '。', ' but ', '但是', '123', '😡', 'ok', '\n');
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 8 }), fc.constantFrom<ModelLanguage>('en', 'zh'), (parts, language) => {
        const text = language === 'zh' ? toSimplified(parts.join('')).text : parts.join('');
        const [a, b, sa, sb] = both(language, text);
        expect(b).toBe(a);
        expect(sb).toEqual(sa);
      }),
      { numRuns: 150 },
    );
  });

  it('looks character n-grams up exactly, astral code points included', () => {
    const compiled = compileWeights(new Map([['c:好', 1], ['c:很好', 2], ['c:好😀', 3], ['w:好', 4], ['r:compound', 5]]));
    const model = loadModel('zh');
    const { tokens } = tokenize('zh', '很好😀');
    const s = sparseSentence(compiled, 'zh', tokens, 0, model.words, { wordNgrams: 1, charNgrams: 2, clauseWeighted: false });
    expect([...s.ids].map((id) => compiled.weights[id]).sort()).toEqual([1, 2, 3]);
  });
});
