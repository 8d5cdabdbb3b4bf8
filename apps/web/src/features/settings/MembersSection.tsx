import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '@touchpoint/shared';
import { api, ws } from '../../lib/api';
import { formatDate } from '../../lib/format';
import { currentUiLanguage } from '../../lib/i18n';
import type { Items, Member } from '../../lib/types';
import { useApi } from '../../lib/use-api';
import { useAuth } from '../../app/auth-context';
import { navigate } from '../../app/router';
import { useWorkspace } from '../../app/workspace-context';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { Modal } from '../../ui/Modal';
import { Loading } from '../../ui/Spinner';
import { Table } from '../../ui/Table';
import { useToast } from '../../ui/Toast';

/** Members and their roles. The server keeps the last owner; its "last_owner" error is shown as a toast. */
export function MembersSection() {
  const { t } = useTranslation();
  const lang = currentUiLanguage();
  const { me, refresh } = useAuth();
  const { workspace, can, role: myRole } = useWorkspace();
  const toast = useToast();
  const { data, loading, reload } = useApi<Items<Member>>(ws(workspace.id, 'members'));
  const [removing, setRemoving] = useState<Member | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const manage = can('members.manage');
  // Only an owner may grant or take away the owner role (the server enforces the same rule).
  const roleChoices = (current: Role) => ROLES.filter((r) => myRole === 'owner' || (r !== 'owner' && current !== 'owner'));

  async function changeRole(m: Member, role: Role) {
    setBusy(m.id);
    try {
      await api(ws(workspace.id, 'members', m.id), { method: 'PATCH', body: { role } });
      toast.success(t('members.roleChanged', { name: m.name || m.email, role: t(`roles.${role}`) }));
      await reload();
      if (m.id === me?.user.id) await refresh();
    } catch (err) {
      toast.error(err);
      await reload();
    } finally { setBusy(null); }
  }

  async function remove() {
    if (!removing) return;
    setBusy(removing.id);
    try {
      await api(ws(workspace.id, 'members', removing.id), { method: 'DELETE' });
      toast.success(t('members.removed', { name: removing.name || removing.email }));
      setRemoving(null);
      // Leaving a workspace myself: it is gone from my list, so go wherever "/" leads.
      if (removing.id === me?.user.id) { await refresh(); navigate('/'); return; }
      await reload();
    } catch (err) { toast.error(err); } finally { setBusy(null); }
  }

  if (loading && !data) return <Loading />;
  return (
    <>
      <Table testId="member-table" caption={t('settings.members')}>
        <thead><tr><th>{t('members.name')}</th><th>{t('members.email')}</th><th>{t('members.role')}</th><th>{t('members.since')}</th><th><span className="sr-only">{t('common.actions')}</span></th></tr></thead>
        <tbody>
          {data?.items.map((m) => (
            <tr key={m.id} data-testid="member-row">
              <td>{m.name} {m.id === me?.user.id && <Badge tone="accent">{t('members.you')}</Badge>}</td>
              <td className="muted">{m.email}</td>
              <td>
                {manage && roleChoices(m.role).length > 1 ? (
                  <select className="input select input-sm" value={m.role} disabled={busy === m.id} aria-label={t('members.roleFor', { name: m.name || m.email })}
                    onChange={(e) => void changeRole(m, e.target.value as Role)} data-testid="member-role-select">
                    {roleChoices(m.role).map((r) => <option key={r} value={r}>{t(`roles.${r}`)}</option>)}
                  </select>
                ) : <Badge>{t(`roles.${m.role}`)}</Badge>}
              </td>
              <td className="muted nowrap">{formatDate(lang, m.created_at)}</td>
              <td className="right">
                {manage && (myRole === 'owner' || m.role !== 'owner') && (
                  <Button size="sm" variant="ghost" onClick={() => setRemoving(m)} testId="remove-member">{t('members.remove')}</Button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </Table>
      <p className="muted small">{t('members.rolesHint')}</p>
      <Modal open={!!removing} onClose={() => setRemoving(null)} title={t('members.removeTitle')} testId="remove-member-modal"
        footer={<><Button onClick={() => setRemoving(null)}>{t('common.cancel')}</Button><Button variant="danger" busy={!!busy} onClick={remove} testId="confirm-remove-member">{t('members.remove')}</Button></>}>
        <p>{t('members.removeText', { name: removing?.name || removing?.email || '', workspace: workspace.name })}</p>
      </Modal>
    </>
  );
}
