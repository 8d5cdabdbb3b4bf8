/**
 * Case settings as the form holds them: custom statuses, resolution codes, reply templates with a
 * subject and body per UI language (all three present while editing; an untouched language is left
 * out of the body), and the re-survey default. Checked with the server's schema at its paths
 * (statuses[0].key, templates[1].bodies.en.subject). Pure.
 */
import { CaseSettingsInput, UI_LANGUAGES, type CaseSettings, type CustomStatus, type UiLanguage } from '@touchpoint/shared';
import { issuesByPath } from './rule-draft';

export interface StatusDraft { key: string; names: Record<UiLanguage, string>; category: CustomStatus['category'] }
export interface TemplateDraft { id: string; name: string; bodies: Record<UiLanguage, { subject: string; body: string }> }
export interface SettingsDraft {
  statuses: StatusDraft[];
  resolutionCodes: string[];
  templates: TemplateDraft[];
  resurveyByDefault: boolean;
}

/** The placeholders the server fills in a template, listed beside the editor. */
export const TEMPLATE_VARIABLES = ['{{customer.name}}', '{{case.number}}', '{{agent.name}}'] as const;

const emptyBodies = () => Object.fromEntries(UI_LANGUAGES.map((l) => [l, { subject: '', body: '' }])) as TemplateDraft['bodies'];

export function settingsDraft(s: CaseSettings): SettingsDraft {
  return {
    statuses: s.statuses.map((x) => ({ key: x.key, category: x.category, names: { en: x.names.en, 'zh-Hant': x.names['zh-Hant'] ?? '', 'zh-Hans': x.names['zh-Hans'] ?? '' } })),
    resolutionCodes: [...s.resolutionCodes],
    templates: s.templates.map((tpl) => ({
      id: tpl.id, name: tpl.name,
      bodies: Object.fromEntries(UI_LANGUAGES.map((l) => [l, { subject: tpl.bodies[l]?.subject ?? '', body: tpl.bodies[l]?.body ?? '' }])) as TemplateDraft['bodies'],
    })),
    resurveyByDefault: s.resurveyByDefault,
  };
}

export function newStatus(): StatusDraft {
  return { key: '', names: { en: '', 'zh-Hant': '', 'zh-Hans': '' }, category: 'waiting' };
}

export function newTemplate(existing: readonly TemplateDraft[]): TemplateDraft {
  let n = existing.length + 1;
  while (existing.some((x) => x.id === `template_${n}`)) n++;
  return { id: `template_${n}`, name: '', bodies: emptyBodies() };
}

/**
 * A key made from a name, for the status key box while it is still empty: lower case, words
 * joined by _, starting with a letter ("Waiting on vendor" → waiting_on_vendor). '' when the name
 * has no latin letters (a Chinese name: the person types the key).
 */
export function keyFromName(name: string, max = 40): string {
  const words = name.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').match(/[a-z0-9]+/g) ?? [];
  const key = words.join('_').replace(/^[0-9_]+/, '').slice(0, max).replace(/_+$/, '');
  return key.length >= 2 ? key : '';
}

export function settingsBody(d: SettingsDraft): Record<string, unknown> {
  return {
    statuses: d.statuses.map((s) => ({
      key: s.key.trim(), category: s.category,
      names: { en: s.names.en, ...(s.names['zh-Hant'].trim() ? { 'zh-Hant': s.names['zh-Hant'] } : {}), ...(s.names['zh-Hans'].trim() ? { 'zh-Hans': s.names['zh-Hans'] } : {}) },
    })),
    resolutionCodes: d.resolutionCodes.map((c) => c.trim()),
    templates: d.templates.map((tpl) => ({
      id: tpl.id.trim(), name: tpl.name,
      bodies: Object.fromEntries(UI_LANGUAGES.flatMap((l) => {
        const b = tpl.bodies[l];
        return b.subject.trim() || b.body.trim() ? [[l, { subject: b.subject, body: b.body }]] : [];
      })),
    })),
    resurveyByDefault: d.resurveyByDefault,
  };
}

export function checkSettings(d: SettingsDraft): { body: CaseSettingsInput | null; errors: Record<string, string> } {
  const parsed = CaseSettingsInput.safeParse(settingsBody(d));
  return parsed.success ? { body: parsed.data, errors: {} } : { body: null, errors: issuesByPath(parsed.error.issues) };
}
