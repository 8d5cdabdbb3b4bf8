/** Target-market worksheets (the course's "Template 3"): the list and a new one. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Worksheet, WorksheetSummary } from '@touchpoint/shared';
import { api, ws } from '../../lib/api';
import type { Items } from '../../lib/types';
import { useApi } from '../../lib/use-api';
import { currentUiLanguage } from '../../lib/i18n';
import { formatRelative } from '../../lib/format';
import { PageHeader } from '../../app/Shell';
import { StrategySections } from '../../app/StrategySections';
import { Link, navigate } from '../../app/router';
import { useWorkspace } from '../../app/workspace-context';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { Icon } from '../../ui/icons';
import { NameModal } from '../../ui/NameModal';
import { Spinner } from '../../ui/Spinner';
import { Table } from '../../ui/Table';

export function MarketWorksheetsPage() {
  const { t } = useTranslation();
  const lang = currentUiLanguage();
  const { workspace, can } = useWorkspace();
  const manage = can('strategy.manage');
  const list = useApi<Items<WorksheetSummary>>(ws(workspace.id, 'market-worksheets'));
  const [creating, setCreating] = useState(false);

  return (
    <>
      <PageHeader
        title={t('strategy.sheets.title')}
        subtitle={t('strategy.sheets.subtitle')}
        actions={manage && <Button variant="primary" icon={<Icon name="plus" />} onClick={() => setCreating(true)} testId="sheet-new">{t('strategy.sheets.new')}</Button>}
      />
      <StrategySections group="plan" />
      {list.loading && !list.data ? <Spinner /> : !list.data?.items.length ? (
        <EmptyState title={t('strategy.sheets.emptyTitle')} text={t('strategy.sheets.emptyText')} action={manage && <Button variant="primary" onClick={() => setCreating(true)}>{t('strategy.sheets.new')}</Button>} testId="sheets-empty" />
      ) : (
        <Table testId="sheet-list" caption={t('strategy.sheets.title')}>
          <thead><tr><th>{t('strategy.sheets.name')}</th><th className="num">{t('strategy.sheets.segmentation')}</th><th>{t('strategy.sheets.platforms')}</th><th>{t('strategy.gaps.updated')}</th></tr></thead>
          <tbody>
            {list.data.items.map((w) => (
              <tr key={w.id}>
                <td><Link to={`/w/${workspace.id}/target-market/${w.id}`} className="strong-link" data-testid="sheet-link">{w.name}</Link></td>
                <td className="num">{w.segments}</td>
                <td><span className="badge-list">{w.platforms.map((p, i) => <Badge key={`${p}${i}`}>{p}</Badge>)}</span></td>
                <td className="muted">{formatRelative(lang, w.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {creating && (
        <NameModal
          title={t('strategy.sheets.new')} label={t('strategy.sheets.name')} submitLabel={t('strategy.common.create')}
          testIds={{ modal: 'sheet-new-modal', input: 'sheet-new-name', submit: 'sheet-new-save' }}
          onClose={() => setCreating(false)}
          create={async (name) => navigate(`/w/${workspace.id}/target-market/${(await api<Worksheet>(ws(workspace.id, 'market-worksheets'), { method: 'POST', body: { name } })).id}`)}
        />
      )}
    </>
  );
}
