/**
 * The theme form as strings (one keyword or example per line) and its body, checked with the
 * server's own schema so issues show at the paths the API would name (keywords, examples[2]).
 */
import { ThemeInput, ThemePatch, type Theme } from '@touchpoint/shared';

export interface ThemeForm { name: string; id: string; keywords: string; examples: string }

export const emptyThemeForm = (): ThemeForm => ({ name: '', id: '', keywords: '', examples: '' });

export const themeToForm = (t: Theme): ThemeForm => ({ name: t.name, id: t.id, keywords: t.keywords.join('\n'), examples: t.examples.join('\n') });

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
  const raw = { name: f.name, keywords: splitKeywords(f.keywords), examples: splitLines(f.examples) };
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
