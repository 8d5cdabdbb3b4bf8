/** SMART goals tied to live metrics (or manual values): cards with progress, status by projection, and a chart each. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Goal, Segment } from '@touchpoint/shared';
import { ws } from '../../lib/api';
import type { Items, Member } from '../../lib/types';
import { useApi } from '../../lib/use-api';
import { PageHeader } from '../../app/Shell';
import { StrategySections } from '../../app/StrategySections';
import { useWorkspace } from '../../app/workspace-context';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { Icon } from '../../ui/icons';
import { Spinner } from '../../ui/Spinner';
import { GoalCard } from './GoalCard';
import { GoalFormModal } from './GoalFormModal';
import './strategy.css';

export function GoalsPage() {
  const { t } = useTranslation();
  const { workspace, can } = useWorkspace();
  const manage = can('strategy.manage');
  const goals = useApi<Items<Goal>>(ws(workspace.id, 'goals'));
  const members = useApi<Items<Member>>(can('members.read') ? ws(workspace.id, 'members') : null);
  const segments = useApi<Items<Segment>>(can('customers.read') ? ws(workspace.id, 'segments') : null);
  const [editing, setEditing] = useState<Goal | 'new' | null>(null);
  const replace = (g: Goal) => goals.setData((prev) => ({ items: (prev?.items ?? []).some((x) => x.id === g.id) ? prev!.items.map((x) => (x.id === g.id ? g : x)) : [...(prev?.items ?? []), g] }));

  return (
    <>
      <PageHeader
        title={t('strategy.goals.pageTitle')}
        subtitle={t('strategy.goals.subtitle')}
        actions={manage && <Button variant="primary" icon={<Icon name="plus" />} onClick={() => setEditing('new')} testId="goal-new">{t('strategy.goals.new')}</Button>}
      />
      <StrategySections group="plan" />
      {goals.loading && !goals.data ? <Spinner /> : !goals.data?.items.length ? (
        <EmptyState title={t('strategy.goals.emptyTitle')} text={t('strategy.goals.emptyText')} action={manage && <Button variant="primary" onClick={() => setEditing('new')}>{t('strategy.goals.new')}</Button>} testId="goals-empty" />
      ) : (
        <div className="goal-grid" data-testid="goal-list">
          {goals.data.items.map((g) => (
            <GoalCard key={g.id} wid={workspace.id} goal={g} members={members.data?.items ?? []} manage={manage} onChanged={replace} onEdit={() => setEditing(g)} onDeleted={() => void goals.reload()} />
          ))}
        </div>
      )}
      {editing && (
        <GoalFormModal
          key={editing === 'new' ? 'new' : editing.id}
          wid={workspace.id}
          goal={editing === 'new' ? null : editing}
          members={members.data?.items ?? []}
          segments={segments.data?.items ?? null}
          onClose={() => setEditing(null)}
          onSaved={(g) => { replace(g); setEditing(null); }}
        />
      )}
    </>
  );
}
