/**
 * Resolving or closing a case: the server refuses a resolved-category or closed status without a
 * root cause (a theme id or 'general') and a resolution code (400, at paths rootCause /
 * resolutionCode). The dialog asks for both first, and maps the server's answer to the same fields.
 */
import type { TFunction } from 'i18next';
import { GENERAL_THEME, type CasePatch, type CaseSettings, type CaseSummary } from '@touchpoint/shared';
import { ApiError } from '../../lib/api';
import { errorText, fieldErrors } from '../../lib/errors';
import { statusOptions, type StatusOption } from './case-labels';

export interface ClosingForm { status: string; rootCause: string; resolutionCode: string; resurvey: boolean }
export type ClosingField = 'status' | 'rootCause' | 'resolutionCode';
export type ClosingErrors = Partial<Record<ClosingField | 'form', string>>;

/** Statuses that end the work: the resolved category (built-in and custom) and closed. */
export function closingStatuses(settings: Pick<CaseSettings, 'statuses'> | undefined): StatusOption[] {
  return statusOptions(settings).filter((s) => s.category === 'resolved' || s.category === 'closed');
}

/**
 * The form as the dialog opens: the chosen status (else resolved), the root cause already set or
 * the case's theme (the likeliest cause), the code already set, re-survey as the workspace prefers.
 */
export function initialClosing(c: Pick<CaseSummary, 'theme' | 'rootCause' | 'resolutionCode'>, settings: Pick<CaseSettings, 'resurveyByDefault' | 'resolutionCodes'> | undefined, status = 'resolved'): ClosingForm {
  const codes = settings?.resolutionCodes ?? [];
  return {
    status,
    rootCause: c.rootCause ?? c.theme ?? GENERAL_THEME,
    resolutionCode: c.resolutionCode && codes.includes(c.resolutionCode) ? c.resolutionCode : codes.length === 1 ? codes[0] : '',
    resurvey: settings?.resurveyByDefault ?? true,
  };
}

/** What is missing before sending (messages are translation keys' text). */
export function checkClosing(t: TFunction, f: ClosingForm): ClosingErrors {
  const errors: ClosingErrors = {};
  if (!f.status) errors.status = t('cases.close.required');
  if (!f.rootCause) errors.rootCause = t('cases.close.required');
  if (!f.resolutionCode) errors.resolutionCode = t('cases.close.required');
  return errors;
}

export function closingPatch(c: Pick<CaseSummary, 'version'>, f: ClosingForm): CasePatch {
  return { version: c.version, status: f.status, rootCause: f.rootCause, resolutionCode: f.resolutionCode, resurvey: f.resurvey };
}

/** A failed PATCH as the dialog shows it: field errors at their fields, anything else on the form. */
export function closingServerErrors(t: TFunction, err: unknown): ClosingErrors {
  const fields = fieldErrors(err);
  const out: ClosingErrors = {};
  for (const [path, message] of Object.entries(fields)) {
    const field = (['status', 'rootCause', 'resolutionCode'] as const).find((f) => path === f || path.startsWith(`${f}.`));
    if (field) out[field] = message;
    else out.form = out.form ? `${out.form}; ${path}: ${message}` : `${path}: ${message}`;
  }
  if (!Object.keys(out).length) out.form = caseErrorText(t, err);
  return out;
}

/** Error codes of the cases API with a sentence of their own; the rest as the app says them. */
export function caseErrorText(t: TFunction, err: unknown): string {
  if (err instanceof ApiError) {
    if (err.code === 'case_changed') return t('cases.errors.caseChanged');
    if (err.code === 'open_case_exists') return t('cases.errors.openCaseExists');
    if (err.code === 'no_customer_email') return t('cases.errors.noCustomerEmail');
    // A control saved on its own (owner, team, status) has no field to show its error at: say it here.
    if (err.details.length) return `${errorText(t, err)} ${err.details.map((d) => d.message).join('; ')}`;
  }
  return errorText(t, err);
}

export const isCode = (err: unknown, code: string) => err instanceof ApiError && err.code === code;
