/**
 * The theme form as strings (one keyword or example per line) and its body, checked with the
 * server's own schema so issues show at the paths the API would name (keywords, examples[2]).
 */
import { ThemeInput, ThemePatch, UI_LANGUAGES, type Theme, type ThemeNames, type UiLanguage } from '@touchpoint/shared';

/** `names`: the name per UI language (empty: the default name is shown in that language). */
export interface ThemeForm { name: string; id: string; keywords: string; examples: string; names: Record<UiLanguage, string> }

const noNames = (): Record<UiLanguage, string> => ({ en: '', 'zh-Hant': '', 'zh-Hans': '' });

export const emptyThemeForm = (): ThemeForm => ({ name: '', id: '', keywords: '', examples: '', names: noNames() });

export const themeToForm = (t: Theme): ThemeForm => ({ name: t.name, id: t.id, keywords: t.keywords.join('\n'), examples: t.examples.join('\n'), names: { ...noNames(), ...t.names } });

/** The name a person reading in `lang` sees. */
export const themeLabel = (t: Pick<Theme, 'name' | 'names'>, lang: UiLanguage) => t.names?.[lang] ?? t.name;

function namesOf(f: ThemeForm): ThemeNames {
  const out: ThemeNames = {};
  for (const l of UI_LANGUAGES) if (f.names[l].trim()) out[l] = f.names[l].trim();
  return out;
}

/** Keywords may also be separated by commas (，、 too); examples are whole lines. */
export const splitKeywords = (s: string) => s.split(/[\n,，、;；]+/).map((x) => x.trim()).filter(Boolean);
export const splitLines = (s: string) => s.split('\n').map((x) => x.trim()).filter(Boolean);

function issuesOf(issues: { path: PropertyKey[]; message: string }[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of issues) {
    const path = i.path.map((p, n) => (typeof p === 'number' ? `[${p}]` : `${n ? '.' : ''}${String(p)}`)).join('');
    out[path] = out[path] ? `${out[path]}; ${i.message}` : i.message;
  }
  return out;
}

export function checkThemeForm(f: ThemeForm, editing: boolean):
  { body: ThemeInput | ThemePatch | null; errors: Record<string, string> } {
  const raw = { name: f.name, names: namesOf(f), keywords: splitKeywords(f.keywords), examples: splitLines(f.examples) };
  if (editing) {
    const parsed = ThemePatch.safeParse(raw);
    if (!parsed.success) return { body: null, errors: issuesOf(parsed.error.issues) };
    // ThemePatch alone would accept removing every keyword and example; the theme needs one.
    if (!raw.keywords.length && !raw.examples.length) return { body: null, errors: { keywords: 'a theme needs at least one keyword or example' } };
    return { body: parsed.data, errors: {} };
  }
  const parsed = ThemeInput.safeParse(f.id.trim() ? { ...raw, id: f.id.trim() } : raw);
  return parsed.success ? { body: parsed.data, errors: {} } : { body: null, errors: issuesOf(parsed.error.issues) };
}
