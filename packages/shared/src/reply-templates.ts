/**
 * Reply templates filled in: one set of rules for the composer (which fills them as the agent
 * writes; the server sends exactly the body posted) and the server (its built-in templates and
 * their tests), so a preview and a rendering never disagree.
 *
 * A missing value (a customer without a name) is the common case, and what reads naturally then
 * depends on the sentence and its language: "Hi there," in English, plain "您好：" in Chinese,
 * where "親愛的顧客" would sound like a form letter. Only the template's author knows the sentence,
 * so the fallback is written in the template: `{{customer.name|there}}`. Without one, the value
 * renders empty and the space before it goes ("Hi {{customer.name}}," → "Hi,"), which reads
 * acceptably in all three languages. Unknown variables stay visible, so an agent sees them
 * before sending, and are listed in `missing`.
 */
import type { UiLanguage } from './contracts/i18n.js';

export interface TemplateVars {
  customerName?: string | null;
  caseNumber: number;
  agentName?: string | null;
  workspaceName?: string | null;
}

export interface RenderedTemplate { subject: string; body: string; missing: string[] }

const VARIABLE = /([ \t]*)\{\{\s*([A-Za-z_][\w.]*)\s*(?:\|([^{}]*))?\}\}/g;
/** Every {{…}} a template may use; the composer fills them before posting. */
export const TEMPLATE_VARIABLES = ['customer.name', 'case.number', 'agent.name', 'workspace.name'] as const;
type Known = (typeof TEMPLATE_VARIABLES)[number];
const isKnown = (name: string): name is Known => (TEMPLATE_VARIABLES as readonly string[]).includes(name);

function valueOf(name: Known, vars: TemplateVars): string | null | undefined {
  switch (name) {
    case 'customer.name': return vars.customerName;
    case 'case.number': return String(vars.caseNumber);
    case 'agent.name': return vars.agentName;
    case 'workspace.name': return vars.workspaceName;
  }
}

/** Fills the known variables of one text (a subject, or a body as typed); unknown ones are noted in `missing`. */
export function fillTemplate(text: string, vars: TemplateVars, missing = new Set<string>()): string {
  return text.replace(VARIABLE, (whole: string, lead: string, name: string, fallback: string | undefined, offset: number, source: string) => {
    if (!isKnown(name)) {
      missing.add(name);
      return whole;
    }
    // A value is one line: a name with a line break must not reshape the mail or its subject.
    const value = (valueOf(name, vars) ?? '').replace(/\s+/g, ' ').trim() || (fallback ?? '').trim();
    if (value) return lead + value;
    const next = source[offset + whole.length];
    // Empty: drop the space before it too when punctuation, a space or the line's end follows.
    return next === undefined || /[\s\p{P}]/u.test(next) ? '' : lead;
  });
}

/** A template (or a draft) as it will be sent: variables filled, trailing spaces gone. */
export function renderTemplate(tpl: { subject: string; body: string }, vars: TemplateVars): RenderedTemplate {
  const missing = new Set<string>();
  const subject = fillTemplate(tpl.subject, vars, missing).trim();
  const body = fillTemplate(tpl.body, vars, missing).replace(/[ \t]+$/gm, '').trim();
  return { subject, body, missing: [...missing] };
}

/** Whether text still holds a known variable (the composer then previews what will be sent). */
export function hasPlaceholders(text: string): boolean {
  for (const m of text.matchAll(VARIABLE)) if (isKnown(m[2])) return true;
  return false;
}

/** The UI language of a customer's language tag (zh-TW → zh-Hant, zh-CN → zh-Hans, en-GB → en; Cantonese → zh-Hant), null when none fits. */
export function customerUiLanguage(tag: string | null | undefined): UiLanguage | null {
  const parts = (tag ?? '').trim().toLowerCase().split(/[-_]/);
  if (parts[0] === 'yue' || (parts[0] === 'zh' && (parts.includes('hant') || parts.some((p) => p === 'tw' || p === 'hk' || p === 'mo')))) return 'zh-Hant';
  if (parts[0] === 'zh') return 'zh-Hans';
  if (parts[0] === 'en') return 'en';
  return null;
}

/**
 * The template language for a customer: theirs when the template has it, else English (a
 * Traditional reader is not sent Simplified, nor the other way round), else the first it has.
 */
export function pickTemplateLanguage(customerLanguage: string | null | undefined, available: readonly string[]): string {
  const wanted = customerUiLanguage(customerLanguage) ?? 'en';
  if (available.includes(wanted)) return wanted;
  return available.includes('en') ? 'en' : (available[0] ?? 'en');
}
