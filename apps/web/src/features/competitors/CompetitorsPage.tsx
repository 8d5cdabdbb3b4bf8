/** Competitor records: the list, a new record by name, and the theme comparison with our answers. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Competitor, CompetitorListItem } from '@touchpoint/shared';
import { api } from '../../lib/api';
import { formatDate, formatNumber } from '../../lib/format';
import { currentUiLanguage } from '../../lib/i18n';
import type { Items } from '../../lib/types';
import { useApi } from '../../lib/use-api';
import { Link, navigate } from '../../app/router';
import { PageHeader } from '../../app/Shell';
import { StrategySections } from '../../app/StrategySections';
import { useWorkspace } from '../../app/workspace-context';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { Icon } from '../../ui/icons';
import { NameModal } from '../../ui/NameModal';
import { Loading } from '../../ui/Spinner';
import { Table } from '../../ui/Table';
import { useToast } from '../../ui/Toast';
import { CompareCard } from './CompareCard';
import { competitorPath, competitorsApi } from './competitors-data';
import { SentimentBadge } from './SentimentBadge';
import './competitors.css';

export const dayText = (lang: ReturnType<typeof currentUiLanguage>, day: string | null) => (day ? formatDate(lang, `${day}T12:00:00Z`) : '–');

export function CompetitorsPage() {
  const { t } = useTranslation();
  const lang = currentUiLanguage();
  const { workspace, can } = useWorkspace();
  const wid = workspace.id;
  const list = useApi<Items<CompetitorListItem>>(competitorsApi(wid));
  const [creating, setCreating] = useState(false);
  const toast = useToast();

  return (
    <>
      <PageHeader
        title={t('competitors.title')}
        subtitle={t('competitors.subtitle')}
        actions={can('strategy.manage') && <Button variant="primary" icon={<Icon name="plus" />} onClick={() => setCreating(true)} testId="new-competitor">{t('competitors.new')}</Button>}
      />
      <StrategySections group="compete" />
      <div className="stack-lg">
        {list.loading && !list.data && <Loading />}
        {list.data && !list.data.items.length && (
          <EmptyState title={t('competitors.emptyTitle')} text={t('competitors.emptyText')}
            action={can('strategy.manage') && <Button variant="primary" onClick={() => setCreating(true)}>{t('competitors.new')}</Button>} />
        )}
        {list.data && list.data.items.length > 0 && (
          <Table caption={t('competitors.title')} testId="competitor-list">
            <thead>
              <tr>
                <th>{t('competitors.field.name')}</th>
                <th>{t('competitors.field.methods')}</th>
                <th>{t('competitors.reviews.count')}</th>
                <th>{t('competitors.sentiment.title')}</th>
                <th>{t('competitors.field.researchedAt')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((c) => (
                <tr key={c.id} data-testid="competitor-row">
                  <td><Link to={competitorPath(wid, c.id)}>{c.name}</Link></td>
                  <td><span className="badge-list">{c.methods.map((m) => <Badge key={m}>{t(`competitors.method.${m}`)}</Badge>)}</span></td>
                  <td>{formatNumber(lang, c.reviewCount)}</td>
                  <td><SentimentBadge s={c.sentiment} /></td>
                  <td>{dayText(lang, c.researchedAt)}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
        <CompareCard key={lang} wid={wid} />
      </div>
      {creating && (
        <NameModal
          title={t('competitors.new')} label={t('competitors.field.name')} hint={t('competitors.nameHint')} submitLabel={t('competitors.create')}
          testIds={{ modal: 'new-competitor-modal', input: 'competitor-name-input', submit: 'create-competitor' }}
          onClose={() => setCreating(false)}
          create={async (name) => {
            const c = await api<Competitor>(competitorsApi(wid), { method: 'POST', body: { name } });
            toast.success(t('competitors.created'));
            navigate(competitorPath(wid, c.id));
          }}
        />
      )}
    </>
  );
}
