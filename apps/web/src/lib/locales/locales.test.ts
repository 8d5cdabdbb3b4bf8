// @vitest-environment node
/**
 * Guards the translations: the three locales have the same keys (plural forms aside: Chinese
 * has only "other"), no value is empty, placeholders match English, and every literal key the
 * source uses — t('…') and nav labelKey: '…' — exists in en.json. Families of keys built at
 * run time (roles, question types, channels…) are checked against the shared enums.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { API_KEY_SCOPES, CHANNELS, QUESTION_TYPES, ROLES, SURVEY_STATUSES } from '@touchpoint/shared';
import en from './en.json';
import zhHant from './zh-Hant.json';
import zhHans from './zh-Hans.json';
import { withFeatureLocales } from './feature-locales';

type Tree = { [k: string]: string | Tree };
// Feature folders' strings are mounted (cases.*, casesAdmin.*, competitors.*, …) as the app mounts them.
const LOCALES = { en: withFeatureLocales('en', en), 'zh-Hant': withFeatureLocales('zh-Hant', zhHant), 'zh-Hans': withFeatureLocales('zh-Hans', zhHans) } as unknown as Record<string, Tree>;
const PLURAL = /_(zero|one|two|few|many|other)$/;
const SRC = fileURLToPath(new URL('../..', import.meta.url));

function flatten(tree: Tree, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out[key] = v;
    else Object.assign(out, flatten(v, key));
  }
  return out;
}

const flat = Object.fromEntries(Object.entries(LOCALES).map(([l, tree]) => [l, flatten(tree)]));
const bases = (keys: string[]) => new Set(keys.map((k) => k.replace(PLURAL, '')));
const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]);

function placeholdersOf(locale: string, base: string): string[] {
  const vars = new Set<string>();
  for (const [k, v] of Object.entries(flat[locale])) if (k.replace(PLURAL, '') === base) placeholders(v).forEach((x) => vars.add(x));
  vars.delete('count'); // English "one" forms often spell the number out
  return [...vars].sort();
}

function hasKey(key: string): boolean {
  const keys = flat.en;
  return key in keys || `${key}_other` in keys;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'respond' || name === 'node_modules' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('locales', () => {
  const enBases = bases(Object.keys(flat.en));

  for (const [locale, keys] of Object.entries(flat)) {
    it(`${locale} has every key and nothing extra`, () => {
      const mine = bases(Object.keys(keys));
      expect([...enBases].filter((k) => !mine.has(k)), 'missing').toEqual([]);
      expect([...mine].filter((k) => !enBases.has(k)), 'extra').toEqual([]);
    });

    it(`${locale} has no empty values and an "other" form for each plural`, () => {
      expect(Object.entries(keys).filter(([, v]) => !v.trim()).map(([k]) => k)).toEqual([]);
      const plurals = Object.keys(keys).filter((k) => PLURAL.test(k)).map((k) => k.replace(PLURAL, ''));
      expect(plurals.filter((b) => !(`${b}_other` in keys))).toEqual([]);
    });

    it(`${locale} uses the same placeholders as English`, () => {
      const wrong = [...enBases].filter((b) => JSON.stringify(placeholdersOf(locale, b)) !== JSON.stringify(placeholdersOf('en', b)));
      expect(wrong).toEqual([]);
    });
  }

  it('English plurals have both "one" and "other"', () => {
    const plural = Object.keys(flat.en).filter((k) => PLURAL.test(k)).map((k) => k.replace(PLURAL, ''));
    expect(plural.filter((b) => !(`${b}_one` in flat.en) || !(`${b}_other` in flat.en))).toEqual([]);
  });

  it('every literal key used in the source exists in en.json', () => {
    const missing: string[] = [];
    let found = 0;
    for (const file of sourceFiles(SRC)) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\(\s*(['"])([^'"`\n]+)\1|labelKey:\s*(['"])([^'"\n]+)\3/g)) {
        const key = m[2] ?? m[4];
        found++;
        if (!hasKey(key)) missing.push(`${key} (${file.slice(SRC.length)})`);
      }
    }
    expect(found).toBeGreaterThan(100); // the scan really looked at the app
    expect(missing).toEqual([]);
  });

  it('has the key families built at run time', () => {
    const families = [
      ...ROLES.map((r) => `roles.${r}`),
      ...QUESTION_TYPES.map((q) => `questionTypes.${q}`),
      ...CHANNELS.map((c) => `channels.${c}`),
      ...SURVEY_STATUSES.map((s) => `surveyStatus.${s}`),
      ...SURVEY_STATUSES.map((s) => `builder.statusChanged.${s}`),
      ...API_KEY_SCOPES.map((s) => `apiKeys.scope.${s.replace(':', '_')}`),
      ...['pending', 'accepted', 'revoked', 'expired'].map((s) => `invitations.state.${s}`),
      ...['detractors', 'passives', 'promoters'].map((p) => `builder.preset.${p}`),
      ...['nps', 'csat', 'ces', 'thankYou'].map((d) => `builder.defaults.${d}`),
    ];
    expect(families.filter((k) => !hasKey(k))).toEqual([]);
  });
});
