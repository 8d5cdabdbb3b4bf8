import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ws } from '../../../lib/api';
import { formatNumber } from '../../../lib/format';
import { currentUiLanguage } from '../../../lib/i18n';
import type { Survey, SurveyResults } from '../../../lib/types';
import { useApi } from '../../../lib/use-api';
import { Link } from '../../../app/router';
import { PageHeader } from '../../../app/Shell';
import { useWorkspace } from '../../../app/workspace-context';
import { Badge } from '../../../ui/Badge';
import { Button } from '../../../ui/Button';
import { EmptyState } from '../../../ui/EmptyState';
import { Loading } from '../../../ui/Spinner';
import { STATUS_TONE } from '../survey-text';
import { BreakdownCharts } from './BreakdownCharts';
import { KpiCards } from './KpiCards';
import { QuestionCharts } from './QuestionCharts';
import { ResponseList } from './ResponseList';
import { useLiveUpdates } from './use-live-updates';

/** Results of one survey, kept current over Server-Sent Events without reloading the page. */
export function ResultsPage({ surveyId }: { surveyId: string }) {
  const { t } = useTranslation();
  const lang = currentUiLanguage();
  const { workspace, can } = useWorkspace();
  const survey = useApi<Survey>(ws(workspace.id, 'surveys', surveyId));
  const resultsPath = ws(workspace.id, 'surveys', surveyId, 'results');
  const results = useApi<SurveyResults>(resultsPath);
  const [liveTick, setLiveTick] = useState(0);
  const { setData: setResults } = results;

  const onLive = useCallback(() => {
    // Fetch quietly (no loading state) so the page does not flicker on every response.
    api<SurveyResults>(resultsPath).then(setResults).catch(() => { /* next event retries */ });
    setLiveTick((n) => n + 1);
  }, [resultsPath, setResults]);
  const live = useLiveUpdates(workspace.id, surveyId, onLive);

  if ((survey.loading && !survey.data) || (results.loading && !results.data)) return <Loading />;
  if (!survey.data || !results.data) {
    const err = survey.error ?? results.error;
    return <EmptyState title={t('errors.loadFailed')} text={err?.message} action={<Button onClick={() => { void survey.reload(); void results.reload(); }}>{t('common.retry')}</Button>} />;
  }
  const s = survey.data;
  const r = results.data;
  const types = new Set(s.definition.questions.map((q) => q.type));
  const base = `/w/${workspace.id}/surveys/${surveyId}`;

  return (
    <>
      <PageHeader
        back={{ to: `/w/${workspace.id}/surveys`, label: t('nav.surveys') }}
        title={s.name}
        subtitle={
          <span className="inline-meta">
            <Badge tone={STATUS_TONE[s.status]}>{t(`surveyStatus.${s.status}`)}</Badge>
            <span className={`live ${live.connected ? 'live-on' : ''}`} data-testid="live-indicator" title={live.connected ? t('results.liveOn') : t('results.liveOff')}>
              <i className="live-dot" aria-hidden="true" />{live.connected ? t('results.live') : t('results.offline')}
            </span>
            {live.recent > 0 && (
              <span className="flash" role="status" data-testid="new-responses-flash">
                {t('results.newResponses', { count: live.recent, formatted: formatNumber(lang, live.recent) })}
              </span>
            )}
          </span>
        }
        actions={
          <>
            {can('surveys.distribute') && <Link to={`${base}/share`} className="btn btn-secondary">{t('surveys.share')}</Link>}
            {can('surveys.write') && <Link to={`${base}/edit`} className="btn btn-secondary">{t('common.edit')}</Link>}
          </>
        }
      />
      {r.total === 0 && (
        <p className="notice" data-testid="no-responses-notice">
          {t('results.noResponsesYet')} {can('surveys.distribute') && <Link to={`${base}/share`}>{t('results.shareIt')}</Link>}
        </p>
      )}
      <div className="stack-lg">
        <KpiCards results={r} scored={{ nps: types.has('nps'), csat: types.has('csat'), ces: types.has('ces') }} />
        <h2 className="section-title">{t('results.questions')}</h2>
        <QuestionCharts definition={s.definition} results={r} />
        <h2 className="section-title">{t('results.sources')}</h2>
        <BreakdownCharts results={r} />
        <ResponseList wid={workspace.id} surveyId={surveyId} definition={s.definition} liveTick={liveTick} />
      </div>
    </>
  );
}
