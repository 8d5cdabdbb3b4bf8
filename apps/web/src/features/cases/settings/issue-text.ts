/**
 * Validation messages of the cases contract (English, from @touchpoint/shared, the same on the
 * server's 400s) and of this folder's own checks, in the reader's language. Zod's generic messages
 * are shown as they came.
 */
import type { TFunction } from 'i18next';

const KNOWN: Record<string, string> = {
  'letters, digits, _ . : - (1–64)': 'casesAdmin.issue.metaKey',
  'each address once': 'casesAdmin.issue.eachAddressOnce',
  'an http:// or https:// address': 'casesAdmin.issue.httpUrl',
  'at least 16 characters': 'casesAdmin.issue.secretLength',
  'HH:MM (00:00–24:00)': 'casesAdmin.issue.time',
  'HH:MM': 'casesAdmin.issue.time',
  'from before to': 'casesAdmin.issue.fromBeforeTo',
  'overlaps another span': 'casesAdmin.issue.overlap',
  'YYYY-MM-DD': 'casesAdmin.issue.day',
  'lower-case letters, digits, _ (2–40)': 'casesAdmin.issue.statusKey',
  'a built-in status': 'casesAdmin.issue.builtInStatus',
  'each key once': 'casesAdmin.issue.eachKeyOnce',
  'each code once': 'casesAdmin.issue.eachCodeOnce',
  'each id once': 'casesAdmin.issue.eachIdOnce',
  'lower-case letters, digits, _ - (1–40)': 'casesAdmin.issue.templateId',
  'choose a person': 'casesAdmin.issue.choosePerson',
  'shorter than the first response': 'casesAdmin.issue.resolutionShorter',
};

export function issueText(t: TFunction, message: string | undefined): string | undefined {
  if (!message) return undefined;
  return message.split('; ').map((m) => (KNOWN[m] ? t(KNOWN[m]) : m)).join('; ');
}

/** The keys this file may return, for the locale test. */
export const ISSUE_KEYS: readonly string[] = [...new Set(Object.values(KNOWN))];
