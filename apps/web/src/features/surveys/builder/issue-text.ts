/**
 * The survey schema's validation messages (English, from @touchpoint/shared) in the reader's
 * language. Unknown messages — zod's generic ones, say — are shown as the server wrote them.
 */
import type { TFunction } from 'i18next';

const KNOWN: Record<string, string> = {
  'needs text in at least one language': 'builder.issues.needsText',
  'needs at least two options': 'builder.issues.twoOptions',
  'duplicate question id': 'builder.issues.duplicateId',
  'must name an earlier scored question': 'builder.issues.earlierScored',
  'must be one of languages': 'builder.issues.defaultLanguage',
  'min must be below max': 'builder.issues.minBelowMax',
  'lowercase letters, digits, _ or -, at most 40': 'builder.issues.idFormat',
};

export function issueText(t: TFunction, message: string): string {
  return message.split('; ').map((m) => (KNOWN[m] ? t(KNOWN[m]) : m)).join('; ');
}

/** Same, for "sub.path: message" lines from errorsUnder(). */
export function issueLine(t: TFunction, line: string): string {
  const at = line.lastIndexOf(': ');
  return at < 0 ? issueText(t, line) : `${line.slice(0, at)}: ${issueText(t, line.slice(at + 2))}`;
}

/** "options[0].label" → "Option 1", "title" → "Question", … — the words the editor shows. */
export function friendlyField(t: TFunction, sub: string): string {
  const option = /^(?:options)?\[(\d+)\]\.?(label|id)?(\..*)?$/.exec(sub.replace(/^options(?=\[)/, ''));
  if (option) return [t('builder.optionN', { n: Number(option[1]) + 1 }), option[2] === 'id' && t('builder.optionId')].filter(Boolean).join(' · ');
  const names: Record<string, string> = {
    title: t('builder.questionTitle'), id: t('builder.questionId'), type: t('builder.type'), options: t('builder.options'),
    description: t('builder.description'), scale: t('builder.scaleMin'), showIf: t('builder.followUp'),
  };
  const head = sub.split(/[.[]/)[0];
  return names[head] ?? sub;
}

/** issueLine() for lines inside one question, with the sub-path named in the editor's words. */
export function questionIssueLine(t: TFunction, line: string): string {
  const at = line.lastIndexOf(': ');
  if (at < 0) return issueText(t, line);
  return `${friendlyField(t, line.slice(0, at))}: ${issueText(t, line.slice(at + 2))}`;
}
