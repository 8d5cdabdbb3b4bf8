// The text-analysis thread (plain JavaScript so it loads the same under tsx, Vitest and node; the
// TypeScript it runs comes in through tsx). It receives texts and the theme definitions of the
// taxonomies they use, answers with their analyses (analysis-fields.ts), and keeps compiled
// taxonomies by workspace and version, since compiling runs the aspect extractor over examples.
//
// It lowers its own scheduling priority first (nice 19, this thread only: Linux applies
// setpriority to a thread id). When ingestion keeps both cores busy, analysis then gets what
// is left over instead of half of a core, which is how a burst of answers waiting for analysis
// leaves the pace of ingestion alone; on an idle machine it runs at full speed.
import fs from 'node:fs';
import os from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';

let niced = false;
try {
  const tid = Number(fs.readlinkSync('/proc/thread-self').split('/').pop());
  if (Number.isInteger(tid) && tid > 0) { os.setPriority(tid, workerData?.nice ?? 19); niced = true; }
} catch { /* not Linux, or not allowed: runs at the process's priority */ }

const { register } = await import('tsx/esm/api');
register();
const { compileTaxonomy } = await import('@touchpoint/text');
const { textFields, themeTags } = await import('./analysis-fields.ts');

const compiled = new Map();
function taxonomyOf({ key, version, themes }) {
  const hit = compiled.get(key);
  if (hit && hit.version === version) return hit.taxonomy;
  const taxonomy = compileTaxonomy(themes);
  compiled.delete(key);
  compiled.set(key, { version, taxonomy });
  if (compiled.size > 256) compiled.delete(compiled.keys().next().value);
  return taxonomy;
}

parentPort.on('message', ({ id, kind, taxonomies, items }) => {
  try {
    const byKey = new Map(taxonomies.map((t) => [t.key, t]));
    const work = kind === 'themes' ? themeTags : textFields;
    const results = items.map((it) => work(it.text, taxonomyOf(byKey.get(it.taxonomy))));
    parentPort.postMessage({ id, results });
  } catch (err) {
    parentPort.postMessage({ id, error: err instanceof Error ? err.stack ?? err.message : String(err) });
  }
});
parentPort.postMessage({ ready: true, niced });
