import { PassThrough, Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeStream } from './analyze.js';

async function run(input: string, format: 'auto' | 'lines' | 'jsonl' = 'auto') {
  const out = new PassThrough();
  let text = '';
  out.setEncoding('utf8').on('data', (d: string) => { text += d; });
  const counts = await analyzeStream(Readable.from([input]), out, { format });
  return { counts, lines: text.trim() ? text.trim().split('\n').map((l) => JSON.parse(l)) : [] };
}

describe('touchpoint analyze (stream)', () => {
  it('analyses plain lines and JSONL, carries ids through and reports unreadable lines without stopping', async () => {
    const { counts, lines } = await run([
      'The staff were lovely.',
      '',
      '{"id": "r-7", "text": "App 一直閃退，客服也不回覆"}',
      '{"text": 3}',
      '{"text": "退款很快"',
    ].join('\n'));
    expect(counts).toEqual({ texts: 2, errors: 2 });
    expect(lines.map((l) => l.line)).toEqual([1, 3, 4, 5]);
    expect(lines[0]).toMatchObject({ language: 'en', sentiment: { label: 'positive' } });
    expect(lines[0].themes.map((t: { id: string }) => t.id)).toContain('staff');
    expect(lines[1]).toMatchObject({ id: 'r-7', language: 'zh-Hant', sentiment: { label: 'negative' } });
    expect(lines[1].modelVersion).toMatch(/^tp-/);
    expect(lines[2].error).toMatch(/^text: /);
    expect(lines[3].error).toBe('not valid JSON');
  });

  it('reads a JSON-looking line as text when told the input is plain lines', async () => {
    const { lines } = await run('{"text": "great"}', 'lines');
    expect(lines[0].sentences[0].text).toBe('{"text": "great"}');
  });

  it('prints one line per non-empty input line, whatever the input (property)', async () => {
    await fc.assert(fc.asyncProperty(fc.array(fc.string({ maxLength: 80 }).filter((s) => !/[\r\n\u2028\u2029\u0085]/.test(s)), { maxLength: 12 }), async (texts) => {
      const { counts, lines } = await run(texts.join('\n'));
      const expected = texts.filter((t) => t.trim()).length;
      expect(lines).toHaveLength(expected);
      expect(counts.texts + counts.errors).toBe(expected);
      for (const l of lines) expect('error' in l || (l.sentiment.score >= -1 && l.sentiment.score <= 1)).toBe(true);
    }), { numRuns: 60 });
  });
});
