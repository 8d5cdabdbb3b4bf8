/**
 * `touchpoint analyze [file]`: the text analytics of @touchpoint/text for analysts and batch work.
 * Reads texts one per line, or JSONL with a `text` field (other fields such as `id` are carried
 * through), from a file or standard input, and prints one JSON line per text in input order. A
 * line that cannot be read gets an `error` line of its own; the rest of the input still runs.
 */
import readline from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { z } from 'zod';
import { analyzeText, compileTaxonomy, DEFAULT_TAXONOMY, type TextAnalysis } from '@touchpoint/text';

export type AnalyzeFormat = 'auto' | 'lines' | 'jsonl';
const JsonlItem = z.object({ text: z.string().max(100_000), id: z.union([z.string(), z.number()]).optional() }).passthrough();

/** The printed shape: what an analyst reads (offsets and rule details stay in the library). */
export function analysisLine(a: TextAnalysis) {
  const round = (v: number) => Math.round(v * 1000) / 1000;
  return {
    language: a.language,
    sentiment: { score: round(a.sentiment.score), label: a.sentiment.label },
    sentences: a.sentences.map((s) => ({ text: s.text, language: s.language, score: round(s.sentiment.score), label: s.sentiment.label })),
    keyPhrases: a.keyPhrases,
    aspects: a.aspects.map((x) => ({ term: x.term, score: round(x.sentiment), label: x.label })),
    themes: a.themes.map((t) => ({ id: t.id, name: t.name, confidence: round(t.confidence) })),
    cues: { anger: a.cues.anger, frustration: a.cues.frustration, urgency: a.cues.urgency, matches: a.cues.hits.map((h) => ({ kind: h.kind, match: h.match })) },
    modelVersion: a.modelVersion,
  };
}

export async function analyzeStream(input: Readable, output: Writable, opts: { format: AnalyzeFormat; onProgress?: (texts: number) => void }): Promise<{ texts: number; errors: number }> {
  const taxonomy = compileTaxonomy(DEFAULT_TAXONOMY);
  const lines = readline.createInterface({ input, crlfDelay: Infinity });
  let line = 0, texts = 0, errors = 0;
  const write = (obj: unknown) => new Promise<void>((resolve) => { if (output.write(`${JSON.stringify(obj)}\n`)) resolve(); else output.once('drain', resolve); });
  for await (const raw of lines) {
    line++;
    if (!raw.trim()) continue;
    const asJson = opts.format === 'jsonl' || (opts.format === 'auto' && raw.trimStart().startsWith('{'));
    let text = raw, carried: Record<string, unknown> = {};
    if (asJson) {
      let parsed: unknown;
      try { parsed = JSON.parse(raw); } catch { errors++; await write({ line, error: 'not valid JSON' }); continue; }
      const item = JsonlItem.safeParse(parsed);
      if (!item.success) { errors++; await write({ line, error: item.error.issues.map((i) => `${i.path.join('.') || 'line'}: ${i.message}`).join('; ') }); continue; }
      ({ text, ...carried } = item.data);
    }
    await write({ line, ...carried, ...analysisLine(analyzeText(text, { taxonomy })) });
    texts++;
    if (texts % 1000 === 0) opts.onProgress?.(texts);
  }
  return { texts, errors };
}
