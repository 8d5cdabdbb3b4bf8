import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerMerge } from '@touchpoint/shared';
import { api, ws } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { currentUiLanguage } from '../../lib/i18n';
import { Link } from '../../app/router';
import { useWorkspace } from '../../app/workspace-context';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { Modal } from '../../ui/Modal';
import { useToast } from '../../ui/Toast';
import { customerPath, type Profile } from './use-customer-data';

interface Props { profile: Profile; merges: CustomerMerge[]; onChanged: () => void }

/**
 * How this person came to be one: each merge, why and by whom, and (for customers.manage) an
 * unmerge behind a confirmation and a form to merge another profile in by its id.
 */
export function MergeHistory({ profile, merges, onChanged }: Props) {
  const { t } = useTranslation();
  const lang = currentUiLanguage();
  const toast = useToast();
  const { workspace, can } = useWorkspace();
  const manage = can('customers.manage');
  const [undoing, setUndoing] = useState<CustomerMerge | null>(null);
  const [busy, setBusy] = useState(false);

  async function unmerge() {
    if (!undoing) return;
    setBusy(true);
    try {
      await api<CustomerMerge>(ws(workspace.id, 'customers', 'merges', undoing.id, 'unmerge'), { method: 'POST' });
      toast.success(t('customers.merges.unmerged'));
      setUndoing(null);
      onChanged();
    } catch (err) { toast.error(err); } finally { setBusy(false); }
  }

  const profileLink = (id: string) => (id === profile.id
    ? <span className="mono small">{t('customers.merges.thisProfile')}</span>
    : <Link to={customerPath(workspace.id, id)} className="mono small">{id}</Link>);

  return (
    <section className="card stack" aria-labelledby="merges-title" data-testid="merges">
      <h2 className="card-title" id="merges-title">{t('customers.merges.title')}</h2>
      {!merges.length ? <p className="muted" data-testid="merges-empty">{t('customers.merges.none')}</p> : (
        <ul className="plain-list merge-list">
          {merges.map((m) => (
            <li key={m.id} className={`merge${m.unmergedAt ? ' merge-undone' : ''}`} data-testid="merge-row" data-absorbed={m.absorbedId}>
              <div className="merge-main">
                <span className="merge-what">{t(`customers.mergeReason.${m.reason}`)}</span>
                {m.survivorId === profile.id
                  ? <span className="small">{t('customers.timeline.mergedIn')} {profileLink(m.absorbedId)}</span>
                  : <span>{profileLink(m.absorbedId)} <span className="muted small">→</span> {profileLink(m.survivorId)}</span>}
                <span className="muted small">{m.actor} · <time dateTime={m.mergedAt}>{formatDateTime(lang, m.mergedAt)}</time></span>
              </div>
              {m.unmergedAt
                ? <Badge testId="merge-undone" title={formatDateTime(lang, m.unmergedAt)}>{t('customers.merges.undone')}</Badge>
                : manage && <Button size="sm" onClick={() => setUndoing(m)} testId="unmerge">{t('customers.merges.unmerge')}</Button>}
            </li>
          ))}
        </ul>
      )}
      {manage && <ManualMerge profile={profile} onMerged={onChanged} />}
      <Modal open={!!undoing} onClose={() => setUndoing(null)} title={t('customers.merges.confirmTitle')} testId="unmerge-modal"
        footer={<><Button onClick={() => setUndoing(null)}>{t('common.cancel')}</Button><Button variant="danger" busy={busy} onClick={() => void unmerge()} testId="confirm-unmerge">{t('customers.merges.unmerge')}</Button></>}>
        <p>{t('customers.merges.confirmText', { id: undoing?.absorbedId ?? '' })}</p>
      </Modal>
    </section>
  );
}

/** Merge another person into this one by pasting their profile id (from their page or the API). */
function ManualMerge({ profile, onMerged }: { profile: Profile; onMerged: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const { workspace } = useWorkspace();
  const [id, setId] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const absorbedId = id.trim();
    if (!absorbedId) { setError(t('customers.merges.idRequired')); return; }
    if (absorbedId === profile.id || profile.mergedProfileIds.includes(absorbedId)) { setError(t('customers.merges.alreadyOne')); return; }
    setError(null);
    setBusy(true);
    try {
      await api<Profile>(ws(workspace.id, 'customers', profile.id, 'merge'), { method: 'POST', body: { absorbedId } });
      toast.success(t('customers.merges.merged'));
      setId('');
      onMerged();
    } catch (err) { toast.error(err); } finally { setBusy(false); }
  }

  return (
    <form className="merge-form" onSubmit={submit} noValidate data-testid="merge-form">
      <Field label={t('customers.merges.mergeLabel')} hint={t('customers.merges.mergeHint')} error={error}>
        {(p) => <input {...p} className="input input-mono" value={id} maxLength={64} autoComplete="off" placeholder={t('customers.merges.idPlaceholder')}
          onChange={(e) => setId(e.target.value)} data-testid="merge-id" />}
      </Field>
      <Button type="submit" busy={busy} className="form-row-button" testId="merge-submit">{t('customers.merges.merge')}</Button>
    </form>
  );
}
