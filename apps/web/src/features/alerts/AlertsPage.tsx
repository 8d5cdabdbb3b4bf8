import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AlertRule, Survey } from '@touchpoint/shared';
import { ws } from '../../lib/api';
import type { Items } from '../../lib/types';
import { useApi } from '../../lib/use-api';
import { PageHeader } from '../../app/Shell';
import { useWorkspace } from '../../app/workspace-context';
import { Button } from '../../ui/Button';
import { Icon } from '../../ui/icons';
import { Tabs } from '../../ui/Tabs';
import { AlertFeed } from './AlertFeed';
import { RuleFormModal } from './RuleFormModal';
import { RulesSection } from './RulesSection';

type Tab = 'fired' | 'rules';

/** Fired alerts (live) and the rules behind them. */
export function AlertsPage() {
  const { t } = useTranslation();
  const { workspace, can } = useWorkspace();
  const [tab, setTab] = useState<Tab>('fired');
  const [editing, setEditing] = useState<AlertRule | 'new' | null>(null);
  const rules = useApi<Items<AlertRule>>(ws(workspace.id, 'alerts', 'rules'));
  const surveys = useApi<Items<Survey>>(can('surveys.read') ? ws(workspace.id, 'surveys') : null);
  const surveyName = useCallback((id: string) => surveys.data?.items.find((s) => s.id === id)?.name, [surveys.data]);

  return (
    <>
      <PageHeader
        title={t('alerts.title')}
        subtitle={t('alerts.subtitle')}
        actions={can('workspace.manage') && <Button variant="primary" icon={<Icon name="plus" />} onClick={() => setEditing('new')} testId="new-alert-rule">{t('alerts.newRule')}</Button>}
      />
      <Tabs
        label={t('alerts.title')}
        idPrefix="alerts-tab"
        value={tab}
        onChange={(id) => setTab(id as Tab)}
        items={[
          { id: 'fired', label: t('alerts.tabs.fired'), testId: 'alerts-tab-fired' },
          { id: 'rules', label: t('alerts.tabs.rules'), testId: 'alerts-tab-rules' },
        ]}
      />
      <div className="tab-panel" role="tabpanel" aria-labelledby={`alerts-tab-${tab}`}>
        {tab === 'fired' ? <AlertFeed surveyName={surveyName} /> : <RulesSection rules={rules} surveyName={surveyName} onEdit={(r) => setEditing(r)} />}
      </div>
      {editing && (
        <RuleFormModal
          key={editing === 'new' ? 'new' : editing.id}
          wid={workspace.id}
          rule={editing === 'new' ? null : editing}
          surveys={surveys.data?.items ?? []}
          onClose={() => setEditing(null)}
          onSaved={() => { setTab('rules'); void rules.reload(); }}
        />
      )}
    </>
  );
}
