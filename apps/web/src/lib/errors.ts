/**
 * Turns any thrown value into a sentence for a toast. Known server codes have translations
 * (errors.<code>); anything else falls back to the server's English message.
 */
import type { TFunction } from 'i18next';
import { ApiError, type FieldIssue } from './api';

export function errorText(t: TFunction, err: unknown): string {
  if (err instanceof ApiError) {
    const code = err.code.endsWith('_not_found') && err.code !== 'invitation_not_found' ? 'not_found' : err.code;
    return t(`errors.${code}`, { defaultValue: err.message || t('errors.unknown') });
  }
  return t('errors.unknown');
}

/**
 * The server names paths two ways: "body.definition.questions[2].options" from its own checks and
 * "body.definition.questions.2.options" from request-schema validation. One form for lookups:
 * no "body." prefix, array indexes in brackets.
 */
export function normalisePath(path: string): string {
  return path.replace(/^body(\.|$)/, '').replace(/\.(\d+)(?=\.|\[|$)/g, '[$1]');
}

/** Validation details keyed by path with the leading "body." removed: definition.questions[2].options → message. */
export function fieldErrors(err: unknown): Record<string, string> {
  if (!(err instanceof ApiError) || !err.details.length) return {};
  const out: Record<string, string> = {};
  for (const d of err.details as FieldIssue[]) {
    const path = normalisePath(d.path);
    out[path] = out[path] ? `${out[path]}; ${d.message}` : d.message;
  }
  return out;
}

/** Errors at `prefix` or below it (prefix.x, prefix[0]…), for a field that owns a subtree. */
export function errorsUnder(errors: Record<string, string>, prefix: string): string[] {
  return Object.entries(errors)
    .filter(([p]) => p === prefix || p.startsWith(prefix + '.') || p.startsWith(prefix + '['))
    .map(([p, m]) => (p === prefix ? m : `${p.slice(prefix.length).replace(/^\./, '')}: ${m}`));
}
