import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../../app/auth-context';
import { useWorkspace } from '../../../app/workspace-context';
import { EmptyState } from '../../../ui/EmptyState';
import { Loading } from '../../../ui/Spinner';
import { Table } from '../../../ui/Table';
import { AgentRow } from './AgentRow';
import { LoadError } from './LoadError';
import { useCaseDirectory } from './use-case-directory';

/** Every member who may work cases, with the settings assignment reads: team, languages, skills, capacity. */
export function AgentsSection({ wid, manage }: { wid: string; manage: boolean }) {
  const { t } = useTranslation();
  const { can } = useWorkspace();
  const { me } = useAuth();
  const { agents, teams } = useCaseDirectory(wid);
  const skillListId = useId();

  if (agents.error && !agents.data) return <LoadError error={agents.error} onRetry={() => void agents.reload()} />;
  if (!agents.data) return <Loading />;
  const skills = [...new Set(agents.data.flatMap((a) => a.skills))].sort();
  return (
    <div className="stack">
      <p className="muted small">{t('casesAdmin.agents.intro')}</p>
      {!agents.data.length ? <EmptyState title={t('casesAdmin.agents.none')} text={t('casesAdmin.agents.noneText')} testId="case-agents-empty" /> : (
        <Table caption={t('casesAdmin.tabs.agents')} testId="case-agent-table">
          <thead><tr>
            <th>{t('casesAdmin.agents.name')}</th><th>{t('casesAdmin.agents.team')}</th><th>{t('casesAdmin.agents.languages')}</th>
            <th>{t('casesAdmin.agents.skills')}</th><th>{t('casesAdmin.agents.capacity')}</th><th>{t('casesAdmin.agents.load')}</th>
            <th>{t('casesAdmin.agents.availability')}</th>
            {manage && <th><span className="sr-only">{t('common.actions')}</span></th>}
          </tr></thead>
          <tbody>
            {agents.data.map((a) => (
              <AgentRow key={a.userId} wid={wid} agent={a} teams={teams.data ?? []} manage={manage} isMe={a.userId === me?.user.id && can('cases.work')}
                skillListId={skillListId} onSaved={(saved) => agents.setData((list) => (list ?? []).map((x) => (x.userId === saved.userId ? saved : x)))} />
            ))}
          </tbody>
        </Table>
      )}
      <datalist id={skillListId}>{skills.map((s) => <option key={s} value={s} />)}</datalist>
      <p className="muted small">{t('casesAdmin.agents.skillsHint')}</p>
    </div>
  );
}
