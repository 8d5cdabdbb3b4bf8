import { useTranslation } from 'react-i18next';
import { ws } from '../../lib/api';
import { formatNumber, formatPercent, formatSigned } from '../../lib/format';
import { currentUiLanguage } from '../../lib/i18n';
import type { Survey, SurveyResults } from '../../lib/types';
import { useApi } from '../../lib/use-api';
import { Link } from '../../app/router';
import { useWorkspace } from '../../app/workspace-context';
import { Badge } from '../../ui/Badge';
import { Spinner } from '../../ui/Spinner';
import { STATUS_TONE } from '../surveys/survey-text';

/** One survey on the home page: status, response count and its headline scores. */
export function SurveySummaryCard({ survey }: { survey: Survey }) {
  const { t } = useTranslation();
  const lang = currentUiLanguage();
  const { workspace, can } = useWorkspace();
  const { data: r, loading } = useApi<SurveyResults>(can('responses.read') ? `${ws(workspace.id, 'surveys', survey.id, 'results')}?headline=true` : null);

  const metrics = r ? [
    r.nps.n > 0 && { id: 'nps', label: t('kpi.nps'), value: formatSigned(lang, r.nps.nps), n: r.nps.n },
    r.csat.n > 0 && { id: 'csat', label: t('kpi.csat'), value: formatPercent(lang, (r.csat.csat ?? 0) / 100), n: r.csat.n },
    r.ces.n > 0 && { id: 'ces', label: t('kpi.ces'), value: formatNumber(lang, r.ces.mean, 2), n: r.ces.n },
  ].filter((m): m is { id: string; label: string; value: string; n: number } => !!m) : [];

  return (
    <Link to={`/w/${workspace.id}/surveys/${survey.id}/results`} className="card card-link summary-card" data-testid="home-survey-card">
      <div className="summary-head">
        <span className="summary-name">{survey.name}</span>
        <Badge tone={STATUS_TONE[survey.status]}>{t(`surveyStatus.${survey.status}`)}</Badge>
      </div>
      {loading && !r ? <Spinner size={16} label={t('common.loading')} /> : r && (
        <>
          <p className="summary-count" data-testid="home-survey-total">
            {t('home.responses', { count: r.total, formatted: formatNumber(lang, r.total) })}
          </p>
          {metrics.length ? (
            <dl className="summary-metrics">
              {metrics.map((m) => (
                <div key={m.id} className="summary-metric" data-testid={`home-${m.id}`}>
                  <dt>{m.label}</dt>
                  <dd>{m.value}</dd>
                  <span className="muted small">n = {formatNumber(lang, m.n)}</span>
                </div>
              ))}
            </dl>
          ) : <p className="muted small">{t('home.noScores')}</p>}
        </>
      )}
    </Link>
  );
}
