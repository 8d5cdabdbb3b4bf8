import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail, CaseList, CasePatch } from '@touchpoint/shared';
import { api } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { currentUiLanguage } from '../../lib/i18n';
import { useApi } from '../../lib/use-api';
import { useAuth } from '../../app/auth-context';
import { Link, navigate } from '../../app/router';
import { PageHeader } from '../../app/Shell';
import { useWorkspace } from '../../app/workspace-context';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { Loading } from '../../ui/Spinner';
import { useToast } from '../../ui/Toast';
import type { EventNames } from './case-events';
import { statusLabel, themeLabel } from './case-labels';
import { CaseComposer, type ComposerTab } from './CaseComposer';
import { CaseControls, CaseTitle, type PatchCase } from './CaseHeader';
import { CustomerPanel, ResponsesPanel, SlaPanel } from './CasePanels';
import { CaseTimeline } from './CaseTimeline';
import { CloseCaseDialog } from './CloseCaseDialog';
import { caseErrorText, isCode } from './close-form';
import { listParams, ACTIVE_CATEGORIES, DEFAULT_INBOX_VIEW } from './inbox-url';
import { ShortcutsButton, ShortcutsHelp } from './ShortcutsHelp';
import { casePath, casesApi, inboxReturnPath, useCaseMeta } from './use-cases';
import { useCaseFrames } from './use-case-frames';
import { useNow } from './use-now';
import { useShortcuts } from './use-shortcuts';
import './cases.css';

/** One case: header controls, SLA, customer, linked answers, the timeline and the composer; live. */
export function CasePage({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const lang = currentUiLanguage();
  const toast = useToast();
  const { me } = useAuth();
  const { workspace, can } = useWorkspace();
  const wid = workspace.id;
  const detail = useApi<CaseDetail>(casesApi(wid, caseId));
  const meta = useCaseMeta(wid);
  const now = useNow();
  const canWork = can('cases.work');
  const [closeStatus, setCloseStatus] = useState<string | null>(null);
  const [composerTab, setComposerTab] = useState<ComposerTab>('reply');
  const [focusTick, setFocusTick] = useState(0);
  const [help, setHelp] = useState(false);
  const [conflict, setConflict] = useState<{ otherId: string | null } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const { reload, setData } = detail;
  const c = detail.data;

  // Another agent, a rule, the SLA clock or the customer's email changed it: read it again (drafts stay in the composer).
  const live = useCaseFrames(wid, useCallback((frames, missed) => {
    if (missed || frames.some((f) => f.caseId === caseId)) void reload();
  }, [caseId, reload]));

  useEffect(() => { if (c) document.title = `#${c.number} ${c.title} · Touchpoint`; }, [c]);

  const patch: PatchCase = useCallback(async (changes: Omit<CasePatch, 'version'>) => {
    if (!c) return false;
    try {
      setData(await api<CaseDetail>(casesApi(wid, c.id), { method: 'PATCH', body: { version: c.version, ...changes } }));
      return true;
    } catch (err) {
      if (isCode(err, 'case_changed')) { await reload(); toast.info(t('cases.errors.caseChanged')); }
      else toast.error(caseErrorText(t, err));
      return false;
    }
  }, [c, wid, setData, reload, toast, t]);

  async function assignMe() {
    if (!c) return;
    setBusy('assign');
    try { setData(await api<CaseDetail>(casesApi(wid, c.id, 'assign-me'), { method: 'POST' })); toast.success(t('cases.toast.assignedToYou', { number: c.number })); }
    catch (err) { toast.error(caseErrorText(t, err)); } finally { setBusy(null); }
  }

  async function reopen() {
    if (!c) return;
    setBusy('reopen');
    setConflict(null);
    try {
      setData(await api<CaseDetail>(casesApi(wid, c.id), { method: 'PATCH', body: { version: c.version, status: 'open' } }));
      toast.success(t('cases.toast.reopened'));
    } catch (err) {
      if (isCode(err, 'open_case_exists')) setConflict({ otherId: await findOpenCase(wid, c) });
      else if (isCode(err, 'case_changed')) { await reload(); toast.info(t('cases.errors.caseChanged')); }
      else toast.error(caseErrorText(t, err));
    } finally { setBusy(null); }
  }

  const closed = c ? c.category === 'resolved' || c.category === 'closed' : false;
  const focusComposer = (tab: ComposerTab) => { setComposerTab(tab); setFocusTick((n) => n + 1); };
  useShortcuts({
    r: canWork && c ? () => focusComposer('reply') : undefined,
    n: canWork && c ? () => focusComposer('note') : undefined,
    a: canWork && c && c.ownerId !== me?.user.id ? () => void assignMe() : undefined,
    e: canWork && c && !closed ? () => setCloseStatus('resolved') : undefined,
    Escape: () => navigate(inboxReturnPath(wid)),
    '?': () => setHelp(true),
  });

  const names = useMemo<EventNames>(() => ({
    status: (key) => statusLabel(t, lang, key, meta.settings),
    theme: (id) => themeLabel(t, lang, id, meta.themes),
    team: (id) => meta.teams.find((tm) => tm.id === id)?.name ?? null,
    formatTime: (iso) => formatDateTime(lang, iso),
  }), [t, lang, meta.settings, meta.themes, meta.teams]);

  const back = { to: inboxReturnPath(wid), label: t('cases.inbox.title') };
  if (detail.error && !c) {
    return (
      <>
        <PageHeader title={t('cases.page.title')} back={back} />
        <EmptyState title={detail.error.status === 404 ? t('cases.page.notFound') : t('errors.loadFailed')} text={errorText(t, detail.error)} testId="case-error"
          action={<Button onClick={() => void reload()}>{t('common.retry')}</Button>} />
      </>
    );
  }
  if (!c) return <Loading testId="case-loading" />;

  return (
    <>
      <PageHeader back={back} title={<CaseTitle key={c.id} c={c} canEdit={canWork} onPatch={patch} />}
        subtitle={t('cases.page.subtitle', { theme: themeLabel(t, lang, c.theme, meta.themes), created: formatDateTime(lang, c.createdAt) })}
        actions={<>
          <span className={`live${live.connected ? ' live-on' : ''}`} data-testid="case-live"><span className="live-dot" />{live.connected ? t('cases.live.on') : t('cases.live.off')}</span>
          {canWork && c.ownerId !== me?.user.id && !closed && <Button busy={busy === 'assign'} onClick={() => void assignMe()} testId="case-assign-me">{t('cases.actions.assignMe')}</Button>}
          {canWork && !closed && <Button variant="primary" onClick={() => setCloseStatus('resolved')} testId="case-resolve">{t('cases.actions.resolve')}</Button>}
          {canWork && closed && <Button busy={busy === 'reopen'} onClick={() => void reopen()} testId="case-reopen">{t('cases.actions.reopen')}</Button>}
          <ShortcutsButton onClick={() => setHelp(true)} />
        </>} />
      {conflict && (
        <p className="notice notice-warning" role="alert" data-testid="case-open-exists">
          {t('cases.errors.openCaseExists')}{' '}
          {conflict.otherId && <Link to={casePath(wid, conflict.otherId)} data-testid="case-open-exists-link">{t('cases.page.openOther')}</Link>}
        </p>
      )}
      {closed && c.rootCause && (
        <p className="notice small" data-testid="case-resolution">
          {t('cases.page.resolution', { cause: themeLabel(t, lang, c.rootCause, meta.themes), code: c.resolutionCode ?? '–' })}
        </p>
      )}
      <CaseControls c={c} meta={meta} canEdit={canWork} onPatch={patch} onCloseWith={setCloseStatus} />
      <div className="case-layout">
        <div className="case-main stack">
          <CaseTimeline events={c.timeline} names={names} now={now} />
          {canWork && <CaseComposer wid={wid} c={c} settings={meta.settings} tab={composerTab} onTab={setComposerTab} focusTick={focusTick} onSent={() => void reload()} />}
        </div>
        <aside className="case-side stack">
          <SlaPanel c={c} now={now} />
          <CustomerPanel wid={wid} c={c} />
          <ResponsesPanel responses={c.responses} themes={meta.themes} />
        </aside>
      </div>
      {canWork && (
        <CloseCaseDialog wid={wid} c={c} settings={meta.settings} themes={meta.themes} status={closeStatus} onClose={() => setCloseStatus(null)}
          onStale={reload} onDone={(updated) => { setData(updated); setCloseStatus(null); toast.success(t('cases.toast.closed', { number: updated.number })); }} />
      )}
      <ShortcutsHelp scope="case" open={help} onClose={() => setHelp(false)} />
    </>
  );
}

/**
 * The open case that blocks a reopen (same customer, same theme). The API names it in the error's
 * details, which the app's api client does not keep (it keeps field issues only), so it is looked up.
 */
async function findOpenCase(wid: string, c: CaseDetail): Promise<string | null> {
  const params = listParams({ ...DEFAULT_INBOX_VIEW, categories: ACTIVE_CATEGORIES, theme: c.theme }, { limit: 200 });
  try {
    const list = await api<CaseList>(`${casesApi(wid)}?${params.toString()}`);
    return list.cases.find((x) => x.id !== c.id && x.customer.key === c.customer.key)?.id ?? null;
  } catch {
    return null;
  }
}
