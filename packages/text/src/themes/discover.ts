/**
 * Discovered themes: clusters of frequent key phrases that the taxonomy does not cover yet,
 * suggested for adoption. Deterministic and independent of input order: phrases are normalised
 * (folded, plural stripped), counted once per document, and joined into clusters when they often
 * share documents (overlap coefficient) or share a head word (English) / a two-character word
 * (Chinese); clusters are connected components, listed by document count.
 */
import { norm } from '../aspects/features-en.js';
import { fold } from './fold.js';
import { tagThemes } from './tag.js';
import type { CompiledTaxonomy } from './taxonomy.js';

export interface DiscoverOptions {
  /** documents a phrase must appear in to be considered (default 2) */
  minPhraseDocuments?: number;
  /** documents a suggested theme must cover (default 3) */
  minDocuments?: number;
  /** co-occurring documents needed to join two phrases (default 2) */
  minCooccurrence?: number;
  /** overlap coefficient |A∩B| / min(|A|, |B|) needed to join two phrases (default 0.5) */
  minOverlap?: number;
  /** at most this many suggestions (default 10) */
  limit?: number;
}

export interface DiscoveredTheme {
  /** the cluster's most frequent phrase, as most often written */
  label: string;
  /** its phrases, most frequent first, as most often written: candidate keywords */
  phrases: string[];
  /** documents mentioning any of its phrases */
  documents: number;
}

const HAN = /\p{Script=Han}/u;
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function key(phrase: string): string {
  const f = fold(phrase).trim().replace(/\s+/g, ' ');
  return HAN.test(f) ? f : f.split(' ').map(norm).join(' ');
}

/** Words that tie two phrases lexically: the English head (last word), Chinese two-character pieces. */
function anchors(k: string): string[] {
  if (!HAN.test(k)) {
    const words = k.split(' ');
    return words.length > 1 ? [`en:${words[words.length - 1]}`] : [`en:${k}`];
  }
  const han = [...k].filter((c) => HAN.test(c)).join('');
  if (han.length <= 2) return [`zh:${han}`];
  const out: string[] = [];
  for (let i = 0; i + 2 <= han.length; i++) out.push(`zh:${han.slice(i, i + 2)}`);
  return out;
}

/** Contiguous shorter pieces of a phrase key: word runs for English, substrings of 2+ for Chinese. */
function parts(k: string): string[] {
  const out: string[] = [];
  if (HAN.test(k)) {
    const chars = [...k];
    for (let len = 2; len < chars.length; len++) for (let i = 0; i + len <= chars.length; i++) out.push(chars.slice(i, i + len).join(''));
  } else {
    const words = k.split(' ');
    for (let len = 1; len < words.length; len++) for (let i = 0; i + len <= words.length; i++) out.push(words.slice(i, i + len).join(' '));
  }
  return out;
}

/**
 * Suggests themes from the key phrases of a corpus (one array of phrases per document),
 * leaving out phrases the taxonomy already covers.
 */
export function discoverThemes(documents: string[][], taxonomy: CompiledTaxonomy, options: DiscoverOptions = {}): DiscoveredTheme[] {
  const minPhrase = options.minPhraseDocuments ?? 2;
  const minDocs = options.minDocuments ?? 3;
  const minCo = options.minCooccurrence ?? 2;
  const minOverlap = options.minOverlap ?? 0.5;
  const limit = options.limit ?? 10;

  const docsOf = new Map<string, Set<number>>();
  const forms = new Map<string, Map<string, number>>();
  documents.forEach((phrases, d) => {
    for (const p of phrases) {
      const surface = p.trim().replace(/\s+/g, ' ');
      const k = key(surface);
      if (k.length < 2) continue;
      if (!docsOf.has(k)) docsOf.set(k, new Set());
      docsOf.get(k)!.add(d);
      const f = forms.get(k) ?? new Map<string, number>();
      f.set(surface, (f.get(surface) ?? 0) + 1);
      forms.set(k, f);
    }
  });
  // A longer phrase mentions its parts: "停车场收费" counts for "停车场", "parking lot" for "parking".
  for (const k of [...docsOf.keys()]) {
    for (const part of parts(k)) {
      const into = docsOf.get(part);
      if (into) for (const d of docsOf.get(k)!) into.add(d);
    }
  }
  const covered = new Map<string, boolean>();
  const isCovered = (k: string) => {
    if (!covered.has(k)) covered.set(k, tagThemes(k, taxonomy).length > 0);
    return covered.get(k)!;
  };
  const keys = [...docsOf.keys()].filter((k) => docsOf.get(k)!.size >= minPhrase && !isCovered(k)).sort(cmp);

  const parent = new Map(keys.map((k) => [k, k]));
  const find = (k: string): string => {
    let r = k;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(k, r);
    return r;
  };
  const union = (a: string, b: string) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
  };
  const byAnchor = new Map<string, string[]>();
  for (const k of keys) for (const a of anchors(k)) byAnchor.set(a, [...(byAnchor.get(a) ?? []), k]);
  for (const group of byAnchor.values()) for (let i = 1; i < group.length; i++) union(group[0], group[i]);
  // Co-occurrence counted per document over the kept phrases (pairs in key order).
  const kept = new Set(keys);
  const pairs = new Map<string, number>();
  const inDoc = new Map<number, string[]>();
  for (const k of keys) for (const d of docsOf.get(k)!) inDoc.set(d, [...(inDoc.get(d) ?? []), k]);
  for (const list of inDoc.values()) {
    const ks = [...new Set(list)].filter((k) => kept.has(k)).sort(cmp);
    for (let i = 0; i < ks.length; i++) {
      for (let j = i + 1; j < ks.length; j++) {
        const pk = `${ks[i]}\u0000${ks[j]}`;
        pairs.set(pk, (pairs.get(pk) ?? 0) + 1);
      }
    }
  }
  for (const pk of [...pairs.keys()].sort(cmp)) {
    const co = pairs.get(pk)!;
    const [a, b] = pk.split('\u0000');
    if (co >= minCo && co / Math.min(docsOf.get(a)!.size, docsOf.get(b)!.size) >= minOverlap) union(a, b);
  }

  const clusters = new Map<string, string[]>();
  for (const k of keys) clusters.set(find(k), [...(clusters.get(find(k)) ?? []), k]);
  // Rarer phrases join (never bridge) the cluster of the most frequent phrase they share a part or
  // an anchor with: "停车位" once joins "停车场".
  const nodeByAnchor = new Map<string, string>();
  for (const k of keys) {
    for (const a of [...anchors(k), ...parts(k).map((p) => `part:${p}`), `part:${k}`]) {
      const cur = nodeByAnchor.get(a);
      if (cur === undefined || docsOf.get(k)!.size > docsOf.get(cur)!.size) nodeByAnchor.set(a, k);
    }
  }
  const extraDocs = new Map<string, Set<number>>();
  const extraPhrases = new Map<string, string[]>();
  for (const k of [...docsOf.keys()].sort(cmp)) {
    if (kept.has(k) || isCovered(k)) continue;
    let best: string | undefined;
    for (const a of [...anchors(k), ...parts(k).map((p) => `part:${p}`)]) {
      const n = nodeByAnchor.get(a);
      if (n !== undefined && (best === undefined || docsOf.get(n)!.size > docsOf.get(best)!.size || (docsOf.get(n)!.size === docsOf.get(best)!.size && n < best))) best = n;
    }
    if (best === undefined) continue;
    const root = find(best);
    extraPhrases.set(root, [...(extraPhrases.get(root) ?? []), k]);
    const set = extraDocs.get(root) ?? new Set<number>();
    for (const d of docsOf.get(k)!) set.add(d);
    extraDocs.set(root, set);
  }
  const surface = (k: string) => [...forms.get(k)!].sort((x, y) => y[1] - x[1] || cmp(x[0], y[0]))[0][0];
  const out: DiscoveredTheme[] = [];
  for (const members of clusters.values()) {
    members.sort((x, y) => docsOf.get(y)!.size - docsOf.get(x)!.size || cmp(x, y));
    const docs = new Set<number>(extraDocs.get(find(members[0])) ?? []);
    for (const m of members) for (const d of docsOf.get(m)!) docs.add(d);
    const rare = (extraPhrases.get(find(members[0])) ?? []).sort((x, y) => docsOf.get(y)!.size - docsOf.get(x)!.size || cmp(x, y));
    if (docs.size >= minDocs) out.push({ label: surface(members[0]), phrases: [...members, ...rare].map(surface), documents: docs.size });
  }
  return out.sort((a, b) => b.documents - a.documents || cmp(a.label, b.label)).slice(0, limit);
}
