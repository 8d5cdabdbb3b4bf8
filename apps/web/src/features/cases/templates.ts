/**
 * Reply templates, filled in the browser: the server sends exactly the body the agent posts, so
 * what the agent reads in the composer is what the customer gets. The filling rules live in
 * packages/shared/src/reply-templates.ts (shared with the server's built-in templates):
 *  - {{customer.name}}, {{case.number}}, {{agent.name}}, {{workspace.name}} are filled, each on one line;
 *  - `{{customer.name|there}}` names what to write when the value is missing ("Hi there,");
 *  - without a fallback a missing value renders empty, and the space before it goes when
 *    punctuation, a space or the end follows ("Hi {{customer.name}}," → "Hi,");
 *  - unknown variables stay as typed, so the agent sees them before sending.
 * The template is picked in the customer's language: Traditional for zh-Hant/TW/HK/MO and
 * Cantonese, Simplified for other Chinese, else English — never the other Chinese script.
 */
import { customerUiLanguage, TEMPLATE_VARIABLES, UI_LANGUAGES, type ReplyTemplate, type TemplateVars, type UiLanguage } from '@touchpoint/shared';

export { fillTemplate, hasPlaceholders, renderTemplate, customerUiLanguage as replyLanguage } from '@touchpoint/shared';
export type TemplateValues = TemplateVars;

/** The template's text in the customer's language, else English, else the first language it has. */
export function templateBody(tpl: ReplyTemplate, language: string | null | undefined): { language: UiLanguage; subject: string; body: string } | null {
  const want = customerUiLanguage(language);
  const order = [...(want ? [want] : []), 'en' as const, ...UI_LANGUAGES];
  for (const l of order) {
    const b = tpl.bodies[l];
    if (b && (b.body.trim() || b.subject.trim())) return { language: l, subject: b.subject, body: b.body };
  }
  return null;
}

/** Every {{…}} the composer fills before posting (the reply check must not call them unfilled). */
export const FILLED_VARIABLES: readonly string[] = TEMPLATE_VARIABLES;
