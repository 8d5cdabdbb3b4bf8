import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../lib/format';
import { currentUiLanguage } from '../../lib/i18n';
import { navigate, useLocation } from '../../app/router';
import { PageHeader } from '../../app/Shell';
import { useWorkspace } from '../../app/workspace-context';
import { Tabs } from '../../ui/Tabs';
import { ReanalysisControl } from './ReanalysisControl';
import { RetagProgress } from './RetagProgress';
import { TextExplorer } from './TextExplorer';
import { ThemesSection } from './ThemesSection';
import { decodeTextView, encodeTextView, type TextView } from './url-state';
import { useTextStatus } from './use-text-data';
import './texts.css';

/** Open-text answers as analysed in the background: the explorer and the workspace's themes. */
export function TextsPage() {
  const { t } = useTranslation();
  const lang = currentUiLanguage();
  const { workspace } = useWorkspace();
  const wid = workspace.id;
  const { search } = useLocation();
  const query = search.toString();
  const view = useMemo(() => decodeTextView(query), [query]);
  const setView = (v: TextView, replace = true) => {
    const q = encodeTextView(v);
    navigate(`/w/${wid}/texts${q ? `?${q}` : ''}`, { replace });
  };
  const { status, error: statusError, refresh } = useTextStatus(wid);

  // A finished re-tag or re-analysis changes what every text shows: tell the explorer.
  const dataVersion = `${status?.analyzed ?? ''}:${status?.taxonomyVersion ?? ''}:${status?.retag ? 'r' : ''}:${status?.reanalysis ? 'a' : ''}:${status?.otherModelVersions ?? ''}`;

  return (
    <>
      <PageHeader title={t('text.title')} subtitle={t('text.subtitle')} />
      <div className="text-status small muted" data-testid="text-status" aria-live="polite">
        {status ? (
          <>
            <span>{t('text.status.analyzed', { count: status.analyzed, n: formatNumber(lang, status.analyzed) })}</span>
            <span data-testid="text-backlog">{status.backlog > 0 ? t('text.status.backlog', { n: formatNumber(lang, status.backlog) }) : t('text.status.upToDate')}</span>
            <span>{t('text.status.model', { version: status.modelVersion })}</span>
            <ReanalysisControl status={status} onStarted={refresh} />
            {status.retag && <RetagProgress progress={status.retag} compact />}
            {!status.analysing && <span data-testid="not-analysing">{t('text.status.notAnalysing')}</span>}
          </>
        ) : statusError ? <span>{t('text.status.unavailable')}</span> : <span>{t('common.loading')}</span>}
      </div>
      <Tabs
        label={t('text.title')}
        idPrefix="text-tab"
        value={view.tab}
        onChange={(id) => setView({ ...view, tab: id as TextView['tab'] }, false)}
        items={[
          { id: 'explorer', label: t('text.tabs.explorer'), testId: 'text-tab-explorer' },
          { id: 'themes', label: t('text.tabs.themes'), testId: 'text-tab-themes' },
        ]}
      />
      <div className="tab-panel" role="tabpanel" aria-labelledby={`text-tab-${view.tab}`}>
        {view.tab === 'explorer'
          ? <TextExplorer view={view} onChange={(v) => setView(v)} dataVersion={dataVersion} timeZone={status?.timeZone ?? 'UTC'} />
          : <ThemesSection status={status} onChanged={refresh} />}
      </div>
    </>
  );
}
