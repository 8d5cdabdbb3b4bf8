import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '@touchpoint/shared';
import { api, ws } from '../../lib/api';
import { fieldErrors } from '../../lib/errors';
import { formatDate } from '../../lib/format';
import { currentUiLanguage } from '../../lib/i18n';
import type { Invitation, Items } from '../../lib/types';
import { useApi } from '../../lib/use-api';
import { useWorkspace } from '../../app/workspace-context';
import { Badge, type Tone } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { Field } from '../../ui/Field';
import { Loading } from '../../ui/Spinner';
import { Table } from '../../ui/Table';
import { useToast } from '../../ui/Toast';

type InviteState = 'pending' | 'accepted' | 'revoked' | 'expired';
const STATE_TONE: Record<InviteState, Tone> = { pending: 'info', accepted: 'success', revoked: 'neutral', expired: 'warning' };

function stateOf(i: Invitation, now = new Date().toISOString()): InviteState {
  if (i.accepted_at) return 'accepted';
  if (i.revoked_at) return 'revoked';
  return i.expires_at < now ? 'expired' : 'pending';
}

export function InvitationsSection() {
  const { t } = useTranslation();
  const lang = currentUiLanguage();
  const { workspace, role: myRole } = useWorkspace();
  const toast = useToast();
  const { data, loading, reload } = useApi<Items<Invitation>>(ws(workspace.id, 'invitations'));
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('analyst');
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const roles = ROLES.filter((r) => myRole === 'owner' || r !== 'owner');

  async function invite(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setErrors({});
    try {
      await api(ws(workspace.id, 'invitations'), { method: 'POST', body: { email: email.trim(), role } });
      toast.success(t('invitations.sent', { email: email.trim() }));
      setEmail('');
      await reload();
    } catch (err) {
      setErrors(fieldErrors(err));
      toast.error(err);
    } finally { setBusy(false); }
  }

  async function revoke(i: Invitation) {
    try {
      await api(ws(workspace.id, 'invitations', i.id), { method: 'DELETE' });
      toast.success(t('invitations.revoked', { email: i.email }));
      await reload();
    } catch (err) { toast.error(err); }
  }

  return (
    <div className="stack-lg">
      <form className="card form-row" onSubmit={invite} data-testid="invite-member-form">
        <Field label={t('invitations.email')} error={errors.email} className="grow">
          {(p) => <input {...p} className="input" type="email" value={email} onChange={(e) => setEmail(e.target.value)} required maxLength={320} data-testid="invite-email" />}
        </Field>
        <Field label={t('invitations.role')} error={errors.role}>
          {(p) => (
            <select {...p} className="input select" value={role} onChange={(e) => setRole(e.target.value as Role)} data-testid="invite-role">
              {roles.map((r) => <option key={r} value={r}>{t(`roles.${r}`)}</option>)}
            </select>
          )}
        </Field>
        <Button type="submit" variant="primary" busy={busy} testId="send-invitation" className="form-row-button">{t('invitations.send')}</Button>
      </form>
      <p className="muted small">{t('invitations.hint')}</p>
      {loading && !data ? <Loading /> : !data?.items.length ? <EmptyState title={t('invitations.none')} /> : (
        <Table testId="invitation-table" caption={t('settings.invitations')}>
          <thead><tr><th>{t('invitations.email')}</th><th>{t('invitations.role')}</th><th>{t('invitations.status')}</th><th>{t('invitations.sentAt')}</th><th>{t('invitations.expires')}</th><th><span className="sr-only">{t('common.actions')}</span></th></tr></thead>
          <tbody>
            {data.items.map((i) => {
              const state = stateOf(i);
              return (
                <tr key={i.id} data-testid="invitation-row">
                  <td>{i.email}</td>
                  <td>{t(`roles.${i.role}`)}</td>
                  <td><Badge tone={STATE_TONE[state]}>{t(`invitations.state.${state}`)}</Badge></td>
                  <td className="muted nowrap">{formatDate(lang, i.created_at)}</td>
                  <td className="muted nowrap">{formatDate(lang, i.expires_at)}</td>
                  <td className="right">{state === 'pending' && <Button size="sm" variant="ghost" onClick={() => void revoke(i)} testId="revoke-invitation">{t('invitations.revoke')}</Button>}</td>
                </tr>
              );
            })}
          </tbody>
        </Table>
      )}
    </div>
  );
}
