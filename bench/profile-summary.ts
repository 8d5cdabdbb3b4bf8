/**
 * Summarises a V8 .cpuprofile (from BENCH_CPU_PROF=1): top functions by self time and by
 * total (inclusive) time, so "where does a request's time go" is answerable without DevTools.
 * Usage: npx tsx profile-summary.ts results/prof/<file>.cpuprofile [top=25]
 * Also prints a breakdown by stage of the ingest path (each sample goes to the first stage,
 * in the order below, that appears anywhere on its stack).
 */
import fs from 'node:fs';

interface Node { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }
const [file, topArg] = process.argv.slice(2);
const prof = JSON.parse(fs.readFileSync(file, 'utf8')) as { nodes: Node[]; samples: number[]; timeDeltas: number[] };
const top = Number(topArg ?? 25);

const byId = new Map(prof.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const label = (n: Node) => `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.replace(/^.*\/(node_modules|src)\//, '$1/')}:${n.callFrame.lineNumber + 1}`;

const self = new Map<string, number>();
const total = new Map<string, number>();
let all = 0;
prof.samples.forEach((id, i) => {
  const dt = prof.timeDeltas[i] ?? 0;
  all += dt;
  const n = byId.get(id)!;
  self.set(label(n), (self.get(label(n)) ?? 0) + dt);
  // Inclusive: count each distinct frame once per sample, even under recursion.
  const seen = new Set<string>();
  for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
    const l = label(byId.get(cur)!);
    if (!seen.has(l)) { seen.add(l); total.set(l, (total.get(l) ?? 0) + dt); }
  }
});
const show = (title: string, m: Map<string, number>) => {
  console.log(`\n${title} (of ${(all / 1e6).toFixed(2)} s sampled)`);
  for (const [k, v] of [...m].sort((a, b) => b[1] - a[1]).slice(0, top))
    console.log(`${((100 * v) / all).toFixed(1).padStart(5)} %  ${k}`);
};
const STAGES: [string, (n: Node) => boolean][] = [
  ['idle', (n) => n.callFrame.functionName === '(idle)'],
  ['garbage collection', (n) => n.callFrame.functionName === '(garbage collector)'],
  ['SQLite COMMIT (WAL write, fsync, checkpoints)', (n) => n.callFrame.functionName === 'commitTransaction'],
  ['SQLite INSERT of the responses', (n) => n.callFrame.functionName === 'insertNewResponses' || (n.callFrame.functionName === 'execute' && n.callFrame.url.includes('insert-query-builder'))],
  ['outbox worker (drain, mark processed)', (n) => n.callFrame.functionName === 'drain'],
  ['JSON.parse of the body', (n) => n.callFrame.url.includes('secure-json-parse')],
  ['Zod request validation', (n) => n.callFrame.url.includes('/zod/')],
  ['validateAnswers (survey rules)', (n) => n.callFrame.functionName === 'checkBatch' || n.callFrame.functionName === 'validateAnswers'],
  ['buildRow (ids, scores, JSON.stringify)', (n) => n.callFrame.functionName === 'buildRow'],
  ['other SQL (auth, survey, audit, outbox insert)', (n) => n.callFrame.url.includes('/kysely/') || n.callFrame.url.includes('better-sqlite3')],
  ['module loading / startup', (n) => /internal\/modules|tsx\/dist/.test(n.callFrame.url)],
  ['HTTP, Fastify, everything else', () => true],
];
const stage = new Map<string, number>();
prof.samples.forEach((id, i) => {
  const stack: Node[] = [];
  for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) stack.push(byId.get(cur)!);
  const [name] = STAGES.find(([, match]) => stack.some(match))!;
  stage.set(name, (stage.get(name) ?? 0) + (prof.timeDeltas[i] ?? 0));
});
show('by stage', stage);
show('self time', self);
show('total time', total);
