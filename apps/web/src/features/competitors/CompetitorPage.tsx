/** One competitor: the Template 1 record, its evidence and its reviews, as tabs. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Competitor } from '@touchpoint/shared';
import { api } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { formatNumber } from '../../lib/format';
import { currentUiLanguage } from '../../lib/i18n';
import { useApi } from '../../lib/use-api';
import { navigate } from '../../app/router';
import { PageHeader } from '../../app/Shell';
import { StrategySections } from '../../app/StrategySections';
import { useWorkspace } from '../../app/workspace-context';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { Loading } from '../../ui/Spinner';
import { Tabs } from '../../ui/Tabs';
import { useToast } from '../../ui/Toast';
import { competitorsApi } from './competitors-data';
import { EvidenceTab } from './EvidenceTab';
import { RecordForm } from './RecordForm';
import { ReviewsTab } from './ReviewsTab';
import { SentimentBadge } from './SentimentBadge';
import './competitors.css';

type Tab = 'record' | 'evidence' | 'reviews';

export function CompetitorPage({ competitorId }: { competitorId: string }) {
  const { t } = useTranslation();
  const lang = currentUiLanguage();
  const toast = useToast();
  const { workspace, can } = useWorkspace();
  const wid = workspace.id;
  const record = useApi<Competitor>(competitorsApi(wid, competitorId));
  const [tab, setTab] = useState<Tab>('record');
  const [formKey, setFormKey] = useState(0);
  const readOnly = !can('strategy.manage');
  const back = { to: `/w/${wid}/competitors`, label: t('competitors.title') };

  if (record.error) return <><PageHeader title={t('competitors.title')} back={back} /><EmptyState title={errorText(t, record.error)} /></>;
  if (!record.data) return <Loading />;
  const c = record.data;

  async function remove() {
    if (!window.confirm(t('competitors.confirmDelete', { name: c.name }))) return;
    try {
      await api(competitorsApi(wid, c.id), { method: 'DELETE' });
      navigate(back.to);
    } catch (err) { toast.error(err); }
  }

  return (
    <>
      <PageHeader
        title={c.name}
        back={back}
        subtitle={<span className="row-wrap">
          <SentimentBadge s={c.sentiment} testId="record-sentiment" />
          {c.reviewCount > 0 && <span>{t('competitors.reviews.countN', { count: c.reviewCount, n: formatNumber(lang, c.reviewCount) })}</span>}
          {readOnly && <Badge tone="info" testId="read-only">{t('competitors.readOnly')}</Badge>}
        </span>}
        actions={!readOnly && <Button variant="danger" onClick={() => void remove()} testId="delete-competitor">{t('common.delete')}</Button>}
      />
      <StrategySections group="compete" />
      <Tabs
        label={c.name}
        idPrefix="competitor-tab"
        value={tab}
        onChange={(id) => setTab(id as Tab)}
        items={[
          { id: 'record', label: t('competitors.tab.record'), testId: 'tab-record' },
          { id: 'evidence', label: t('competitors.tab.evidence'), testId: 'tab-evidence' },
          { id: 'reviews', label: t('competitors.tab.reviews'), testId: 'tab-reviews' },
        ]}
      />
      <div className="tab-panel" role="tabpanel" aria-labelledby={`competitor-tab-${tab}`}>
        {tab === 'record' && (
          <RecordForm key={`${c.id}-${formKey}`} wid={wid} record={c} readOnly={readOnly}
            onSaved={(saved) => record.setData(saved)}
            onReload={() => { void record.reload().then(() => setFormKey((k) => k + 1)); }} />
        )}
        {tab === 'evidence' && <EvidenceTab wid={wid} competitorId={c.id} readOnly={readOnly} />}
        {/* Keyed by language: theme names come from the server in the UI language, so a switch refetches. */}
        {tab === 'reviews' && <ReviewsTab key={lang} wid={wid} competitorId={c.id} readOnly={readOnly} onChanged={() => void record.reload()} />}
      </div>
    </>
  );
}
