// @vitest-environment node
/** Case labels, the SLA summary of a row, the close dialog's form and errors, and the key families built at run time. */
import { describe, expect, it } from 'vitest';
import type { TFunction } from 'i18next';
import { CASE_CATEGORIES, CASE_PRIORITIES, UI_LANGUAGES, checkReply, type CaseSummary, type SlaState } from '@touchpoint/shared';
import { ApiError } from '../../lib/api';
import en from '../../lib/locales/en.json';
import zhHant from '../../lib/locales/zh-Hant.json';
import zhHans from '../../lib/locales/zh-Hans.json';
import { withFeatureLocales } from '../../lib/locales/feature-locales';
import { categoryOf, needsClosing, slaSummary, statusLabel, statusOptions, themeLabel } from './case-labels';
import { caseErrorText, checkClosing, closingPatch, closingServerErrors, closingStatuses, initialClosing } from './close-form';
import { BUILT_IN_VIEWS, CASE_SORTS, SLA_FILTERS } from './inbox-url';
import { QUALITY_HINTS, QUALITY_KEYS } from './quality-text';
import { FILLED_VARIABLES } from './templates';
import { SHORTCUTS } from './shortcuts';

// A stand-in t(): the key with its options, enough to see which key was chosen.
const t = ((key: string, o?: Record<string, unknown>) => (o && Object.keys(o).length ? `${key}(${Object.values(o).join(',')})` : key)) as unknown as TFunction;
const settings = {
  statuses: [
    { key: 'on_hold', names: { en: 'On hold', 'zh-Hant': '暫緩' }, category: 'waiting' as const },
    { key: 'fixed', names: { en: 'Fixed' }, category: 'resolved' as const },
  ],
  resolutionCodes: ['refund', 'explained'],
  resurveyByDefault: false,
};

describe('statuses', () => {
  it('lists built-in statuses with the custom ones after their category', () => {
    expect(statusOptions(settings).map((s) => s.key)).toEqual(['new', 'open', 'waiting', 'on_hold', 'resolved', 'fixed', 'closed']);
    expect(statusOptions(undefined).map((s) => s.key)).toEqual([...CASE_CATEGORIES]);
  });

  it('names custom statuses in the reader language, English when missing', () => {
    expect(statusLabel(t, 'zh-Hant', 'on_hold', settings)).toBe('暫緩');
    expect(statusLabel(t, 'zh-Hans', 'on_hold', settings)).toBe('On hold');
    expect(statusLabel(t, 'en', 'open', settings)).toBe('cases.category.open');
    expect(statusLabel(t, 'en', 'deleted_one', settings)).toBe('deleted_one');
  });

  it('asks for the close dialog for resolved-category and closed statuses only', () => {
    expect(['resolved', 'fixed', 'closed'].map((k) => needsClosing(k, settings))).toEqual([true, true, true]);
    expect(['new', 'open', 'on_hold', 'unknown'].map((k) => needsClosing(k, settings))).toEqual([false, false, false, false]);
    expect(categoryOf('on_hold', settings)).toBe('waiting');
    expect(closingStatuses(settings).map((s) => s.key)).toEqual(['resolved', 'fixed', 'closed']);
  });

  it('names themes by the taxonomy in the reader language, general by its own word', () => {
    const themes = [{ id: 'delivery', name: 'Delivery', names: { 'zh-Hant': '配送' } }];
    expect(themeLabel(t, 'zh-Hant', 'delivery', themes)).toBe('配送');
    expect(themeLabel(t, 'en', 'delivery', themes)).toBe('Delivery');
    expect(themeLabel(t, 'en', 'general', themes)).toBe('cases.theme.general');
    expect(themeLabel(t, 'en', 'gone', themes)).toBe('gone');
  });
});

describe('SLA summary of a row', () => {
  const row = (first: SlaState, resolution: SlaState, paused = false) => ({
    sla: { firstResponse: first, resolution, firstResponseDueAt: 'F', resolutionDueAt: 'R', paused },
  }) as Pick<CaseSummary, 'sla'>;
  it('shows the worse clock when one is in trouble', () => {
    expect(slaSummary(row('met', 'breached'))).toMatchObject({ clock: 'resolution', state: 'breached', dueAt: 'R' });
    expect(slaSummary(row('warning', 'pending'))).toMatchObject({ clock: 'firstResponse', state: 'warning', dueAt: 'F' });
    expect(slaSummary(row('breached', 'warning')).clock).toBe('firstResponse');
  });
  it('otherwise the clock still running: first response until answered, then resolution', () => {
    expect(slaSummary(row('pending', 'pending')).clock).toBe('firstResponse');
    expect(slaSummary(row('met', 'pending', true))).toMatchObject({ clock: 'resolution', state: 'pending', paused: true });
    expect(slaSummary(row('met', 'met'))).toMatchObject({ clock: 'resolution', state: 'met' });
  });
});

describe('close dialog', () => {
  const c = { theme: 'delivery', rootCause: null, resolutionCode: null, version: 4 };
  it('starts from the case theme, the only code if there is one, and the workspace re-survey default', () => {
    expect(initialClosing(c, settings)).toEqual({ status: 'resolved', rootCause: 'delivery', resolutionCode: '', resurvey: false });
    expect(initialClosing({ ...c, rootCause: 'general', resolutionCode: 'refund' }, settings, 'closed')).toEqual({ status: 'closed', rootCause: 'general', resolutionCode: 'refund', resurvey: false });
    expect(initialClosing(c, { resolutionCodes: ['only'], resurveyByDefault: true }).resolutionCode).toBe('only');
    expect(initialClosing(c, undefined).resurvey).toBe(true);
  });

  it('requires a root cause and a code before sending, and sends the version it read', () => {
    expect(Object.keys(checkClosing(t, { status: 'closed', rootCause: '', resolutionCode: '', resurvey: true })).sort()).toEqual(['resolutionCode', 'rootCause']);
    expect(checkClosing(t, { status: 'closed', rootCause: 'general', resolutionCode: 'refund', resurvey: true })).toEqual({});
    expect(closingPatch(c, { status: 'fixed', rootCause: 'delivery', resolutionCode: 'refund', resurvey: true }))
      .toEqual({ version: 4, status: 'fixed', rootCause: 'delivery', resolutionCode: 'refund', resurvey: true });
  });

  it('puts the server field errors at their fields, whichever way the path is spelled', () => {
    const err = new ApiError(400, 'validation_failed', 'bad', [{ path: 'rootCause', message: 'a root cause is required' }, { path: 'body.resolutionCode', message: 'unknown code' }]);
    expect(closingServerErrors(t, err)).toEqual({ rootCause: 'a root cause is required', resolutionCode: 'unknown code' });
    const other = closingServerErrors(t, new ApiError(400, 'validation_failed', 'bad', [{ path: 'resurvey', message: 'no survey' }]));
    expect(other).toEqual({ form: 'resurvey: no survey' });
    expect(closingServerErrors(t, new ApiError(403, 'forbidden', 'no'))).toEqual({ form: 'errors.forbidden(no)' });
  });

  it('has its own sentences for the cases API conflicts', () => {
    expect(caseErrorText(t, new ApiError(409, 'case_changed', 'stale'))).toBe('cases.errors.caseChanged');
    expect(caseErrorText(t, new ApiError(409, 'open_case_exists', 'x'))).toBe('cases.errors.openCaseExists');
    expect(caseErrorText(t, new ApiError(409, 'no_customer_email', 'x'))).toBe('cases.errors.noCustomerEmail');
    expect(caseErrorText(t, new ApiError(400, 'validation_failed', 'bad', [{ path: 'body.ownerId', message: 'not an agent of this workspace' }])))
      .toBe('errors.validation_failed(bad) not an agent of this workspace');
  });
});

describe('case translations', () => {
  type Tree = { [k: string]: string | Tree };
  const get = (tree: Tree, key: string) => key.split('.').reduce<string | Tree | undefined>((x, k) => (typeof x === 'object' ? x[k] : undefined), tree);
  it('has every key built at run time in all three languages', () => {
    const keys = [
      'cases.nav',
      ...CASE_CATEGORIES.map((c) => `cases.category.${c}`),
      ...['active', 'all', ...CASE_CATEGORIES].map((c) => `cases.tabs.${c}`),
      ...CASE_PRIORITIES.map((p) => `cases.priority.${p}`),
      ...['pending', 'warning', 'breached', 'met'].map((s) => `cases.sla.state.${s}`),
      ...['firstResponse', 'resolution'].flatMap((c) => [`cases.sla.clock.${c}`, `cases.event.slaWarning.${c}`, `cases.event.slaBreach.${c}`]),
      ...SLA_FILTERS.map((s) => `cases.filters.slaOption.${s}`),
      ...CASE_SORTS.map((s) => `cases.sort.${s}`),
      ...BUILT_IN_VIEWS.map((v) => `cases.views.builtIn.${v.id}`),
      ...QUALITY_KEYS.map((k) => `cases.quality.key.${k}`),
      ...QUALITY_HINTS.map((h) => `cases.quality.hint.${h}`),
      ...Object.values(SHORTCUTS).flat().map(([, action]) => `cases.shortcuts.action.${action}`),
      ...['negative', 'neutral', 'positive'].map((s) => `cases.sentiment.${s}`),
      ...['escalatedPriority', 'escalatedOwner', 'escalatedLead', 'attachments_other'].map((k) => `cases.event.${k}`),
      ...UI_LANGUAGES.map((l) => `cases.language.${l}`),
    ];
    const trees = { en: withFeatureLocales('en', en), 'zh-Hant': withFeatureLocales('zh-Hant', zhHant), 'zh-Hans': withFeatureLocales('zh-Hans', zhHans) };
    for (const [lang, tree] of Object.entries(trees)) expect(keys.filter((k) => typeof get(tree as unknown as Tree, k) !== 'string'), lang).toEqual([]);
  });

  it('translates what checkReply answers for real drafts, and does not flag the placeholders the composer fills', () => {
    const drafts = [
      'WE CANNOT DO THAT!!! You should have read the ticket SLA policy {{order.id}}.',
      '很抱歉讓您久等了。我們已經為您辦理退款，款項將在三個工作天內退回，完成後我會再寫信通知您。',
      'Hi {{customer.name}}, sorry about the delay. Your refund of $20 reaches you by Friday; I will email you when it is sent.',
    ];
    for (const text of drafts) {
      const r = checkReply(text, { filledOnSend: FILLED_VARIABLES });
      expect(r.checks.map((c) => c.key)).toEqual(QUALITY_KEYS);
      for (const c of r.checks) for (const h of c.hints) expect(QUALITY_HINTS, h).toContain(h);
    }
    const hints = (text: string) => checkReply(text, { filledOnSend: FILLED_VARIABLES }).checks.flatMap((c) => c.hints);
    expect(hints(drafts[0])).toContain('unfilled_placeholder');
    expect(hints(drafts[2])).not.toContain('unfilled_placeholder');
  });
});
