/**
 * Cues on the hand-written messages of src/cues/examples.ts (Simplified ones also converted to
 * Traditional): precision and recall per kind. A smoke check of the rules, not a benchmark.
 *
 *   npx tsx eval/cues.ts          (standalone; `npm run eval` includes the same figures)
 */
import { pathToFileURL } from 'node:url';
import { CUE_KINDS, detectCues, type CueKind } from '../src/cues/index.js';
import { CUE_EXAMPLES } from '../src/cues/examples.js';
import { toTraditional } from '../src/themes/fold.js';

export interface CueFigures {
  messages: number;
  perKind: Record<CueKind, { precision: number; recall: number; support: number }>;
  /** Messages whose set of flags is exactly the expected one. */
  exact: number;
  /** Simplified messages flagged the same once converted to Traditional. */
  sameInTraditional: number;
  chinese: number;
  misses: Array<{ text: string; expected: CueKind[]; got: CueKind[] }>;
}

const flags = (text: string): CueKind[] => CUE_KINDS.filter((k) => detectCues(text)[k]);

export function cueFigures(): CueFigures {
  const counts = Object.fromEntries(CUE_KINDS.map((k) => [k, { tp: 0, fp: 0, fn: 0 }])) as Record<CueKind, { tp: number; fp: number; fn: number }>;
  let exact = 0;
  let same = 0;
  let chinese = 0;
  const misses: CueFigures['misses'] = [];
  for (const ex of CUE_EXAMPLES) {
    const got = flags(ex.text);
    for (const k of CUE_KINDS) {
      const want = ex.cues.includes(k);
      const has = got.includes(k);
      if (want && has) counts[k].tp++;
      else if (has) counts[k].fp++;
      else if (want) counts[k].fn++;
    }
    if (got.join() === [...ex.cues].sort((a, b) => CUE_KINDS.indexOf(a) - CUE_KINDS.indexOf(b)).join()) exact++;
    else misses.push({ text: ex.text, expected: ex.cues, got });
    if (/\p{Script=Han}/u.test(ex.text)) {
      chinese++;
      if (flags(toTraditional(ex.text)).join() === got.join()) same++;
    }
  }
  const perKind = Object.fromEntries(
    CUE_KINDS.map((k) => {
      const c = counts[k];
      return [k, { precision: c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp), recall: c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn), support: c.tp + c.fn }];
    }),
  ) as CueFigures['perKind'];
  return { messages: CUE_EXAMPLES.length, perKind, exact, sameInTraditional: same, chinese, misses };
}

function main(): void {
  const f = cueFigures();
  console.log(`Cues on ${f.messages} hand-written messages (smoke check, not a benchmark)`);
  for (const k of CUE_KINDS) {
    const p = f.perKind[k];
    console.log(`  ${k}: precision ${(100 * p.precision).toFixed(1)} %, recall ${(100 * p.recall).toFixed(1)} % (${p.support} expected)`);
  }
  console.log(`  exactly right: ${f.exact}/${f.messages}; Simplified ↔ converted Traditional identical: ${f.sameInTraditional}/${f.chinese}`);
  for (const m of f.misses) console.log(`  miss: ${m.text}  expected [${m.expected.join(', ')}] got [${m.got.join(', ')}]`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
