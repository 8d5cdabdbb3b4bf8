import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Team } from '@touchpoint/shared';
import { api, ws } from '../../../lib/api';
import { INTL_LOCALE, formatNumber } from '../../../lib/format';
import { currentUiLanguage } from '../../../lib/i18n';
import { Button } from '../../../ui/Button';
import { EmptyState } from '../../../ui/EmptyState';
import { Icon } from '../../../ui/icons';
import { Modal } from '../../../ui/Modal';
import { Loading } from '../../../ui/Spinner';
import { Table } from '../../../ui/Table';
import { useToast } from '../../../ui/Toast';
import { LoadError } from './LoadError';
import { TeamFormModal } from './TeamFormModal';
import { hoursSummary, weekdayName } from './team-hours';
import { useCaseDirectory } from './use-case-directory';

/** Teams that work cases: their zone, week, days off, hand-out method, lead and members. */
export function TeamsSection({ wid, manage }: { wid: string; manage: boolean }) {
  const { t } = useTranslation();
  const lang = currentUiLanguage();
  const toast = useToast();
  const { teams, agents, personName } = useCaseDirectory(wid);
  const [open, setOpen] = useState<Team | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Team | null>(null);
  const [busy, setBusy] = useState(false);
  const dayName = (d: number) => weekdayName(INTL_LOCALE[lang], d, 'short');

  async function remove() {
    if (!deleting) return;
    setBusy(true);
    try {
      await api(ws(wid, 'cases', 'teams', deleting.id), { method: 'DELETE' });
      toast.success(t('casesAdmin.teams.deleted', { name: deleting.name }));
      setDeleting(null);
      await Promise.all([teams.reload(), agents.reload()]);
    } catch (err) { toast.error(err); } finally { setBusy(false); }
  }

  if (teams.error && !teams.data) return <LoadError error={teams.error} onRetry={() => void teams.reload()} />;
  if (!teams.data) return <Loading />;
  const members = (id: string) => agents.data?.filter((a) => a.teamId === id).length ?? 0;
  return (
    <div className="stack">
      <div className="section-head">
        <p className="muted small">{t('casesAdmin.teams.intro')}</p>
        {manage && <Button variant="primary" icon={<Icon name="plus" />} onClick={() => setOpen('new')} testId="new-case-team">{t('casesAdmin.teams.new')}</Button>}
      </div>
      {!teams.data.length ? <EmptyState title={t('casesAdmin.teams.none')} text={t('casesAdmin.teams.noneText')} testId="case-teams-empty" /> : (
        <Table caption={t('casesAdmin.tabs.teams')} testId="case-team-table">
          <thead><tr>
            <th>{t('casesAdmin.teams.name')}</th><th>{t('casesAdmin.teams.hours')}</th><th>{t('casesAdmin.teams.assignment')}</th>
            <th>{t('casesAdmin.teams.lead')}</th><th className="right">{t('casesAdmin.teams.members')}</th>
            <th><span className="sr-only">{t('common.actions')}</span></th>
          </tr></thead>
          <tbody>
            {teams.data.map((team) => (
              <tr key={team.id} data-testid="case-team-row">
                <td><div>{team.name}</div><div className="muted small">{team.timeZone}</div></td>
                <td className="small">
                  <div data-testid="case-team-hours">{hoursSummary(team.hours, dayName) || t('casesAdmin.teams.alwaysClosed')}</div>
                  {team.holidays.length > 0 && <div className="muted">{t('casesAdmin.teams.holidayCount', { count: team.holidays.length })}</div>}
                </td>
                <td className="small">{t(`casesAdmin.assignment.${team.assignment}`)}</td>
                <td className="small">{team.leadUserId ? personName(team.leadUserId) ?? '–' : '–'}</td>
                <td className="right num">{formatNumber(lang, members(team.id))}</td>
                <td className="right nowrap">
                  <span className="row-actions">
                    <Button size="sm" variant="ghost" onClick={() => setOpen(team)} testId="edit-case-team">{manage ? t('common.edit') : t('casesAdmin.view')}</Button>
                    {manage && <Button size="sm" variant="ghost" onClick={() => setDeleting(team)} testId="delete-case-team">{t('common.delete')}</Button>}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {open && (
        <TeamFormModal key={open === 'new' ? 'new' : open.id} wid={wid} team={open === 'new' ? null : open} agents={agents.data ?? []} readOnly={!manage}
          onClose={() => setOpen(null)} onSaved={() => void teams.reload()} />
      )}
      <Modal open={!!deleting} onClose={() => setDeleting(null)} title={t('casesAdmin.teams.deleteTitle')} testId="delete-case-team-modal"
        footer={<><Button onClick={() => setDeleting(null)}>{t('common.cancel')}</Button><Button variant="danger" busy={busy} onClick={() => void remove()} testId="confirm-delete-case-team">{t('common.delete')}</Button></>}>
        <p>{t('casesAdmin.teams.deleteText', { name: deleting?.name ?? '', count: deleting ? members(deleting.id) : 0 })}</p>
      </Modal>
    </div>
  );
}
