/**
 * Reply templates, filled in the browser: the server sends exactly the body the agent posts, so
 * what the agent reads in the composer is what the customer gets. The rules are the server's own
 * (apps/server/src/modules/cases/mail-templates.ts), so a preview here and a rendering there agree:
 *  - {{customer.name}}, {{case.number}}, {{agent.name}}, {{workspace.name}} are filled, each on one line;
 *  - `{{customer.name|there}}` names what to write when the value is missing ("Hi there,");
 *  - without a fallback a missing value renders empty, and the space before it goes when
 *    punctuation, a space or the end follows ("Hi {{customer.name}}," → "Hi,");
 *  - unknown variables stay as typed, so the agent sees them before sending.
 * The template is picked in the customer's language: Traditional for zh-Hant/TW/HK/MO and
 * Cantonese, Simplified for other Chinese, else English — never the other Chinese script.
 */
import { UI_LANGUAGES, type ReplyTemplate, type UiLanguage } from '@touchpoint/shared';

export interface TemplateValues { customerName: string | null; caseNumber: number; agentName: string | null; workspaceName: string | null }

/** The UI language of a customer's language tag (zh-TW → zh-Hant, zh-CN → zh-Hans, en-GB → en), null when none fits. */
export function replyLanguage(tag: string | null | undefined): UiLanguage | null {
  const parts = (tag ?? '').trim().toLowerCase().split(/[-_]/);
  if (parts[0] === 'yue' || (parts[0] === 'zh' && (parts.includes('hant') || parts.some((p) => p === 'tw' || p === 'hk' || p === 'mo')))) return 'zh-Hant';
  if (parts[0] === 'zh') return 'zh-Hans';
  if (parts[0] === 'en') return 'en';
  return null;
}

/** The template's text in the customer's language, else English, else the first language it has. */
export function templateBody(tpl: ReplyTemplate, language: string | null | undefined): { language: UiLanguage; subject: string; body: string } | null {
  const want = replyLanguage(language);
  const order = [...(want ? [want] : []), 'en' as const, ...UI_LANGUAGES];
  for (const l of order) {
    const b = tpl.bodies[l];
    if (b && (b.body.trim() || b.subject.trim())) return { language: l, subject: b.subject, body: b.body };
  }
  return null;
}

const VARIABLE = /([ \t]*)\{\{\s*([A-Za-z_][\w.]*)\s*(?:\|([^{}]*))?\}\}/g;
const KNOWN = ['customer.name', 'case.number', 'agent.name', 'workspace.name'] as const;
type Known = (typeof KNOWN)[number];

function valueOf(name: Known, v: TemplateValues): string | null {
  switch (name) {
    case 'customer.name': return v.customerName;
    case 'case.number': return String(v.caseNumber);
    case 'agent.name': return v.agentName;
    case 'workspace.name': return v.workspaceName;
  }
}

/** Fills the known variables of one text (a subject, or a body as typed). */
export function fillTemplate(text: string, values: TemplateValues): string {
  return text.replace(VARIABLE, (whole: string, lead: string, name: string, fallback: string | undefined, offset: number, source: string) => {
    if (!(KNOWN as readonly string[]).includes(name)) return whole;
    // A value is one line: a name with a line break must not reshape the mail or its subject.
    const value = (valueOf(name as Known, values) ?? '').replace(/\s+/g, ' ').trim() || (fallback ?? '').trim();
    if (value) return lead + value;
    const next = source[offset + whole.length];
    return next === undefined || /[\s\p{P}]/u.test(next) ? '' : lead;
  });
}

/** A template (or the composer's draft) as it will be sent: variables filled, trailing spaces gone. */
export function renderTemplate(t: { subject: string; body: string }, values: TemplateValues): { subject: string; body: string } {
  return { subject: fillTemplate(t.subject, values).trim(), body: fillTemplate(t.body, values).replace(/[ \t]+$/gm, '').trim() };
}

/** Whether text still holds a known variable (the composer then previews what will be sent). */
export function hasPlaceholders(text: string): boolean {
  for (const m of text.matchAll(VARIABLE)) if ((KNOWN as readonly string[]).includes(m[2])) return true;
  return false;
}

/** Every {{…}} the composer fills before posting (the reply check must not call them unfilled). */
export const FILLED_VARIABLES: readonly string[] = KNOWN;
