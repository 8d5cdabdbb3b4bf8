import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ws } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { currentUiLanguage } from '../../lib/i18n';
import type { Items, Survey } from '../../lib/types';
import { useApi } from '../../lib/use-api';
import { Link, navigate } from '../../app/router';
import { PageHeader } from '../../app/Shell';
import { useWorkspace } from '../../app/workspace-context';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { Icon } from '../../ui/icons';
import { Modal } from '../../ui/Modal';
import { Loading } from '../../ui/Spinner';
import { Table } from '../../ui/Table';
import { useToast } from '../../ui/Toast';
import { STATUS_TONE, languageLabel } from './survey-text';

export function SurveyListPage() {
  const { t } = useTranslation();
  const lang = currentUiLanguage();
  const { workspace, can } = useWorkspace();
  const toast = useToast();
  const { data, loading, error, reload } = useApi<Items<Survey>>(ws(workspace.id, 'surveys'));
  const [deleting, setDeleting] = useState<Survey | null>(null);
  const [busy, setBusy] = useState(false);
  const base = `/w/${workspace.id}/surveys`;

  async function remove() {
    if (!deleting) return;
    setBusy(true);
    try {
      await api(ws(workspace.id, 'surveys', deleting.id), { method: 'DELETE' });
      toast.success(t('surveys.deleted', { name: deleting.name }));
      setDeleting(null);
      await reload();
    } catch (err) { toast.error(err); } finally { setBusy(false); }
  }

  const newButton = can('surveys.write') && (
    <Button variant="primary" icon={<Icon name="plus" />} onClick={() => navigate(`${base}/new`)} testId="new-survey">{t('surveys.new')}</Button>
  );

  return (
    <>
      <PageHeader title={t('surveys.title')} subtitle={t('surveys.subtitle')} actions={newButton} />
      {loading && !data ? <Loading /> : error ? <EmptyState title={t('errors.loadFailed')} text={error.message} action={<Button onClick={reload}>{t('common.retry')}</Button>} /> :
        !data?.items.length ? (
          <EmptyState title={t('surveys.emptyTitle')} text={t('surveys.emptyText')} action={newButton} testId="surveys-empty" />
        ) : (
          <Table testId="survey-table" caption={t('surveys.title')}>
            <thead>
              <tr>
                <th>{t('surveys.name')}</th><th>{t('surveys.status')}</th><th>{t('surveys.languages')}</th>
                <th>{t('surveys.questions')}</th><th>{t('surveys.updated')}</th><th><span className="sr-only">{t('common.actions')}</span></th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((s) => (
                <tr key={s.id} data-testid="survey-row">
                  <td><Link to={`${base}/${s.id}/results`} className="strong-link">{s.name}</Link></td>
                  <td><Badge tone={STATUS_TONE[s.status]} testId="survey-status">{t(`surveyStatus.${s.status}`)}</Badge></td>
                  <td className="muted">{s.definition.languages.map(languageLabel).join(' · ')}</td>
                  <td className="num">{s.definition.questions.length}</td>
                  <td className="muted nowrap">{formatDateTime(lang, s.updatedAt)}</td>
                  <td>
                    <div className="row-actions">
                      <Link to={`${base}/${s.id}/results`} className="btn btn-ghost btn-sm">{t('surveys.results')}</Link>
                      {can('surveys.distribute') && <Link to={`${base}/${s.id}/share`} className="btn btn-ghost btn-sm">{t('surveys.share')}</Link>}
                      {can('surveys.write') && <Link to={`${base}/${s.id}/edit`} className="btn btn-ghost btn-sm" data-testid="edit-survey">{t('common.edit')}</Link>}
                      {can('surveys.write') && (
                        <Button size="sm" variant="ghost" onClick={() => setDeleting(s)} aria-label={t('surveys.deleteNamed', { name: s.name })} icon={<Icon name="trash" />} />
                      )}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      <Modal
        open={!!deleting}
        onClose={() => setDeleting(null)}
        title={t('surveys.deleteTitle')}
        testId="delete-survey-modal"
        footer={<><Button onClick={() => setDeleting(null)}>{t('common.cancel')}</Button><Button variant="danger" busy={busy} onClick={remove} testId="confirm-delete-survey">{t('common.delete')}</Button></>}
      >
        <p>{t('surveys.deleteText', { name: deleting?.name ?? '' })}</p>
      </Modal>
    </>
  );
}
