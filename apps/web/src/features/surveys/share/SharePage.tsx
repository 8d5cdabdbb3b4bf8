import { useTranslation } from 'react-i18next';
import { ws } from '../../../lib/api';
import type { ShareInfo, Survey } from '../../../lib/types';
import { useApi } from '../../../lib/use-api';
import { Link } from '../../../app/router';
import { PageHeader } from '../../../app/Shell';
import { useWorkspace } from '../../../app/workspace-context';
import { Badge } from '../../../ui/Badge';
import { Button } from '../../../ui/Button';
import { EmptyState } from '../../../ui/EmptyState';
import { Icon } from '../../../ui/icons';
import { Loading } from '../../../ui/Spinner';
import { STATUS_TONE } from '../survey-text';
import { CsvImport } from './CsvImport';
import { EmailInvitesForm } from './EmailInvitesForm';
import { ShareLinks } from './ShareLinks';

/** Share & distribute: link, QR, widget, email invitations, CSV import and export. */
export function SharePage({ surveyId }: { surveyId: string }) {
  const { t } = useTranslation();
  const { workspace, can } = useWorkspace();
  const survey = useApi<Survey>(ws(workspace.id, 'surveys', surveyId));
  const share = useApi<ShareInfo>(can('surveys.distribute') ? ws(workspace.id, 'surveys', surveyId, 'share') : null);
  const base = `/w/${workspace.id}/surveys/${surveyId}`;

  if (survey.loading && !survey.data) return <Loading />;
  if (!survey.data) return <EmptyState title={t('errors.loadFailed')} text={survey.error?.message} action={<Button onClick={survey.reload}>{t('common.retry')}</Button>} />;
  const s = survey.data;
  const exportHref = (format: 'csv' | 'json') => `${ws(workspace.id, 'surveys', surveyId, 'responses', 'export')}?format=${format}`;

  return (
    <>
      <PageHeader
        back={{ to: `/w/${workspace.id}/surveys`, label: t('nav.surveys') }}
        title={t('share.title', { name: s.name })}
        subtitle={<span className="inline-meta"><Badge tone={STATUS_TONE[s.status]}>{t(`surveyStatus.${s.status}`)}</Badge><Link to={`${base}/results`}>{t('surveys.results')}</Link>{can('surveys.write') && <Link to={`${base}/edit`}>{t('common.edit')}</Link>}</span>}
      />
      {s.status !== 'live' && (
        <p className="notice notice-warning" data-testid="not-live-notice">
          {t(s.status === 'draft' ? 'share.draftNotice' : 'share.closedNotice')} {can('surveys.write') && <Link to={`${base}/edit`}>{t('share.goToBuilder')}</Link>}
        </p>
      )}
      <div className="stack-lg">
        {share.data ? <ShareLinks share={share.data} /> : share.loading ? <Loading /> : null}
        {can('surveys.distribute') && <EmailInvitesForm wid={workspace.id} surveyId={surveyId} live={s.status === 'live'} />}
        {can('responses.write') && <CsvImport wid={workspace.id} survey={s} />}
        {can('responses.export') && (
          <section className="card stack">
            <h2 className="card-title">{t('export.title')}</h2>
            <p className="muted small">{t('export.hint')}</p>
            <div className="row-wrap">
              <a className="btn btn-secondary" href={exportHref('csv')} download data-testid="export-csv"><Icon name="download" /> {t('export.csv')}</a>
              <a className="btn btn-secondary" href={exportHref('json')} download data-testid="export-json"><Icon name="download" /> {t('export.json')}</a>
            </div>
          </section>
        )}
      </div>
    </>
  );
}
