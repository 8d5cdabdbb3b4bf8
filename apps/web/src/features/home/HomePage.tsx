import { useTranslation } from 'react-i18next';
import { ws } from '../../lib/api';
import type { Items, Survey } from '../../lib/types';
import { useApi } from '../../lib/use-api';
import { navigate } from '../../app/router';
import { PageHeader } from '../../app/Shell';
import { useWorkspace } from '../../app/workspace-context';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { Icon } from '../../ui/icons';
import { Loading } from '../../ui/Spinner';
import { SurveySummaryCard } from './SurveySummaryCard';

/** Each card loads its survey's headline scores (one aggregate query), so the first dozen are shown. */
const MAX_CARDS = 12;
const ORDER = { live: 0, closed: 1, draft: 2 } as const;

export function HomePage() {
  const { t } = useTranslation();
  const { workspace, can } = useWorkspace();
  const { data, loading, error, reload } = useApi<Items<Survey>>(can('surveys.read') ? ws(workspace.id, 'surveys') : null);
  const surveys = [...(data?.items ?? [])].sort((a, b) => ORDER[a.status] - ORDER[b.status] || b.updatedAt.localeCompare(a.updatedAt));
  const newButton = can('surveys.write') && (
    <Button variant="primary" icon={<Icon name="plus" />} onClick={() => navigate(`/w/${workspace.id}/surveys/new`)} testId="new-survey">{t('surveys.new')}</Button>
  );

  return (
    <>
      <PageHeader title={workspace.name} subtitle={t('home.subtitle')} actions={newButton} />
      {loading && !data ? <Loading /> : error ? (
        <EmptyState title={t('errors.loadFailed')} text={error.message} action={<Button onClick={reload}>{t('common.retry')}</Button>} />
      ) : !surveys.length ? (
        <EmptyState title={t('home.emptyTitle')} text={t('home.emptyText')} action={newButton} testId="home-empty" />
      ) : (
        <>
          <h2 className="section-title">{t('home.surveysHeading')}</h2>
          <div className="card-grid" data-testid="home-surveys">
            {surveys.slice(0, MAX_CARDS).map((s) => <SurveySummaryCard key={s.id} survey={s} />)}
          </div>
          {surveys.length > MAX_CARDS && (
            <p className="muted center"><Button variant="ghost" onClick={() => navigate(`/w/${workspace.id}/surveys`)}>{t('home.allSurveys', { count: surveys.length })}</Button></p>
          )}
        </>
      )}
    </>
  );
}
