/**
 * Traits, pure: type checks, how an incoming value lands on one profile, and how the profiles of
 * a merged person resolve into one set by each trait's rule. Every stored value keeps the event
 * time that set it; the rules compare those times, so out-of-order imports resolve as if the
 * events had arrived in order, and an unmerge needs no history replay.
 */
import type { TraitRule, TraitType, TraitValue } from '@touchpoint/shared';

export type StoredTraits = Record<string, { v: TraitValue; at: string }>;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?)?$/;

/** The type a value of an undefined trait is taken to have (a date is an ISO-8601 date string). */
export function inferType(value: TraitValue): TraitType | null {
  if (value === null) return null;
  if (Array.isArray(value)) return 'list';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'boolean';
  return ISO_DATE.test(value) && !Number.isNaN(Date.parse(value)) ? 'date' : 'string';
}

/** Null when `value` may be stored in a trait of `type`; else why not. Null always may (it clears). */
export function typeError(value: TraitValue, type: TraitType): string | null {
  if (value === null) return null;
  const actual = inferType(value);
  if (actual === type || (type === 'string' && actual === 'date')) return null;
  return type === 'date' ? 'expected an ISO-8601 date such as 2026-11-23' : `expected a ${type}`;
}

/**
 * Applies one event's traits to one profile. Within a profile the later event wins whatever the
 * rule (it is one identity changing its mind); a null value clears, and is kept with its time so an
 * older value arriving afterwards (an import of history) cannot bring the trait back. The rules
 * decide only between profiles (resolveTraits).
 */
export function applyTraits(stored: StoredTraits, incoming: Record<string, TraitValue>, at: string): StoredTraits {
  const next = { ...stored };
  for (const [key, v] of Object.entries(incoming)) {
    const before = next[key];
    if (before && before.at > at) continue;
    next[key] = { v, at };
  }
  return next;
}

const same = (a: TraitValue, b: TraitValue) => JSON.stringify(a) === JSON.stringify(b);

/**
 * One value per trait over the profiles of a person: `latest` the newest value (a newest clear
 * leaves the trait out), `first` the oldest value set, `both` every distinct value oldest first
 * (lists are joined; one distinct value stays as it is); clears count only for `latest`.
 * Ties in time fall to the lower profile position, so the answer does not depend on query order
 * once the caller sorts profiles.
 */
export function resolveTraits(profiles: StoredTraits[], rules: ReadonlyMap<string, TraitRule>): Record<string, TraitValue> {
  const byKey = new Map<string, { v: TraitValue; at: string }[]>();
  for (const p of profiles) for (const [key, entry] of Object.entries(p)) {
    const list = byKey.get(key) ?? [];
    list.push(entry);
    byKey.set(key, list);
  }
  const out: Record<string, TraitValue> = {};
  for (const [key, entries] of [...byKey].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const rule = rules.get(key) ?? 'latest';
    const ordered = entries.map((e, i) => ({ ...e, i })).sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.i - b.i));
    const set = ordered.filter((e) => e.v !== null);
    if (rule === 'latest') {
      const newest = ordered.reduce((best, e) => (e.at > best.at ? e : best)).v;
      if (newest !== null) out[key] = newest;
    } else if (!set.length) continue;
    else if (rule === 'first') out[key] = set[0].v;
    else {
      const distinct: TraitValue[] = [];
      for (const e of set) if (!distinct.some((d) => same(d, e.v))) distinct.push(e.v);
      if (distinct.length === 1) out[key] = distinct[0];
      else if (distinct.every(Array.isArray)) out[key] = [...new Set((distinct as string[][]).flat())];
      else out[key] = distinct.map((d) => (Array.isArray(d) ? d.join(', ') : String(d)));
    }
  }
  return out;
}
