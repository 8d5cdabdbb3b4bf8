/** The list of gap analyses (CX evaluation frameworks), a new empty one, or the course's example. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GapAnalysis, GapAnalysisSummary } from '@touchpoint/shared';
import { api, ws } from '../../lib/api';
import type { Items } from '../../lib/types';
import { useApi } from '../../lib/use-api';
import { currentUiLanguage } from '../../lib/i18n';
import { formatRelative } from '../../lib/format';
import { PageHeader } from '../../app/Shell';
import { StrategySections } from '../../app/StrategySections';
import { Link, navigate } from '../../app/router';
import { useWorkspace } from '../../app/workspace-context';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { Icon } from '../../ui/icons';
import { NameModal } from '../../ui/NameModal';
import { Spinner } from '../../ui/Spinner';
import { Table } from '../../ui/Table';
import { useToast } from '../../ui/Toast';

export function GapAnalysesPage() {
  const { t } = useTranslation();
  const lang = currentUiLanguage();
  const toast = useToast();
  const { workspace, can } = useWorkspace();
  const list = useApi<Items<GapAnalysisSummary>>(ws(workspace.id, 'gap-analyses'));
  const [creating, setCreating] = useState(false);
  const [loadingTemplate, setLoadingTemplate] = useState(false);
  const manage = can('strategy.manage');
  const open = (id: string) => navigate(`/w/${workspace.id}/gap-analyses/${id}`);

  async function loadCourse() {
    setLoadingTemplate(true);
    try {
      const made = await api<GapAnalysis>(ws(workspace.id, 'gap-analyses', 'templates', 'course'), { method: 'POST' });
      toast.success(t('strategy.gaps.templateLoaded'));
      open(made.id);
    } catch (err) { toast.error(err); } finally { setLoadingTemplate(false); }
  }

  const actions = manage && (
    <>
      <Button onClick={loadCourse} busy={loadingTemplate} testId="gap-load-course">{t('strategy.gaps.loadCourse')}</Button>
      <Button variant="primary" icon={<Icon name="plus" />} onClick={() => setCreating(true)} testId="gap-new">{t('strategy.gaps.new')}</Button>
    </>
  );

  return (
    <>
      <PageHeader title={t('strategy.gaps.title')} subtitle={t('strategy.gaps.subtitle')} actions={actions} />
      <StrategySections group="compete" />
      {list.loading && !list.data ? <Spinner /> : !list.data?.items.length ? (
        <EmptyState title={t('strategy.gaps.emptyTitle')} text={t('strategy.gaps.emptyText')} action={manage && <Button variant="primary" onClick={loadCourse} busy={loadingTemplate}>{t('strategy.gaps.loadCourse')}</Button>} testId="gaps-empty" />
      ) : (
        <Table testId="gap-list" caption={t('strategy.gaps.title')}>
          <thead><tr><th>{t('strategy.gaps.name')}</th><th className="num">{t('strategy.gaps.rows')}</th><th>{t('strategy.gaps.updated')}</th></tr></thead>
          <tbody>
            {list.data.items.map((a) => (
              <tr key={a.id}>
                <td><Link to={`/w/${workspace.id}/gap-analyses/${a.id}`} className="strong-link" data-testid="gap-link">{a.name}</Link></td>
                <td className="num">{a.rowCount}</td>
                <td className="muted">{formatRelative(lang, a.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {creating && (
        <NameModal
          title={t('strategy.gaps.new')} label={t('strategy.gaps.name')} submitLabel={t('strategy.common.create')}
          testIds={{ modal: 'gap-new-modal', input: 'gap-new-name', submit: 'gap-new-save' }}
          onClose={() => setCreating(false)}
          create={async (name) => open((await api<GapAnalysis>(ws(workspace.id, 'gap-analyses'), { method: 'POST', body: { name } })).id)}
        />
      )}
    </>
  );
}
