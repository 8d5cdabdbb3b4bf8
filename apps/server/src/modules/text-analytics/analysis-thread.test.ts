import { afterAll, describe, expect, it } from 'vitest';
import { compileTaxonomy, DEFAULT_TAXONOMY } from '@touchpoint/text';
import type { Theme } from '@touchpoint/shared';
import { AnalysisThread, type TaxonomyRef } from './analysis-thread.js';
import { textFields, themeTags } from './analysis-fields.js';

const at = '2026-01-01T00:00:00.000Z';
const themes: Theme[] = DEFAULT_TAXONOMY.map((t) => ({ ...t, createdAt: at, updatedAt: at }));
const ref: TaxonomyRef = { key: 'ws_a', version: 1, themes };
const texts = ['The delivery was late and the refund never came.', '服務態度非常好，下次還會再來！', '退款一直没到账，请尽快处理', 'Great app 👍 but checkout keeps crashing'];
const thread = new AnalysisThread();
afterAll(() => thread.close());

describe('AnalysisThread', () => {
  it('answers exactly what the same code answers in-process, at the lowest priority', async () => {
    const compiled = compileTaxonomy(themes);
    expect(await thread.analyse(texts.map((text) => ({ text, taxonomy: ref })))).toEqual(texts.map((t) => textFields(t, compiled)));
    expect(await thread.themes(texts.map((text) => ({ text, taxonomy: ref })))).toEqual(texts.map((t) => themeTags(t, compiled)));
    expect(thread.niced).toBe(process.platform === 'linux');
  });

  it('recompiles a taxonomy when its version changes', async () => {
    const refund = themes.filter((t) => t.id === 'refund-returns');
    expect(refund.length).toBe(1);
    const before = await thread.themes([{ text: texts[0], taxonomy: { key: 'ws_b', version: 1, themes: refund } }]);
    expect(before[0].map((t) => t.id)).toEqual(['refund-returns']);
    const renamed = [{ ...refund[0], id: 'money-back' }];
    const after = await thread.themes([{ text: texts[0], taxonomy: { key: 'ws_b', version: 2, themes: renamed } }]);
    expect(after[0].map((t) => t.id)).toEqual(['money-back']);
  });

  it('fails what is in flight when stopped, and starts again on the next request', async () => {
    const inFlight = thread.analyse(Array.from({ length: 200 }, (_, i) => ({ text: `${texts[i % 4]} ${i}`, taxonomy: ref }))).catch((e: Error) => e);
    await thread.close();
    expect(String(await inFlight)).toMatch(/stopped/);
    const again = await thread.analyse([{ text: texts[1], taxonomy: ref }]);
    expect(again[0].label).toBe('positive');
  });
});
