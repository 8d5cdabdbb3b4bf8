import { useTranslation } from 'react-i18next';
import { errorText } from '../../lib/errors';
import { formatDateTime, formatNumber, formatRelative } from '../../lib/format';
import { currentUiLanguage } from '../../lib/i18n';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { Loading } from '../../ui/Spinner';
import { Table } from '../../ui/Table';
import { formatBytes } from './import-file';
import { statusTone } from './import-progress';
import { ImportBar } from './ImportProgress';
import type { CustomerImports } from './use-customer-imports';

/** The workspace's last 50 imports, newest first, each with its counts and, while it runs, its bar. */
export function RecentImports({ imports, shownId, onShow }: { imports: CustomerImports; shownId: string | null; onShow: (id: string) => void }) {
  const { t } = useTranslation();
  const lang = currentUiLanguage();
  const { items } = imports;

  return (
    <section className="stack-sm recent-imports" aria-labelledby="recent-imports-title" data-testid="recent-imports">
      <h2 className="card-title" id="recent-imports-title">{t('customers.import.recent')}</h2>
      {imports.error && !imports.loaded ? (
        <EmptyState title={t('errors.loadFailed')} text={errorText(t, imports.error)} testId="recent-imports-error"
          action={<Button onClick={() => void imports.reload()}>{t('common.retry')}</Button>} />
      ) : !imports.loaded && !items.length ? <Loading /> : !items.length ? (
        <EmptyState title={t('customers.import.recentEmpty')} text={t('customers.import.recentEmptyText')} testId="recent-imports-empty" />
      ) : (
        <Table testId="recent-imports-table" caption={t('customers.import.recent')}>
          <thead><tr>
            <th>{t('customers.import.file')}</th><th>{t('customers.import.when')}</th><th>{t('customers.import.statusLabel')}</th>
            <th className="right">{t('customers.import.count.records')}</th><th className="right">{t('customers.import.count.accepted')}</th>
            <th className="right">{t('customers.import.count.duplicates')}</th><th className="right">{t('customers.import.count.invalid')}</th>
            <th><span className="sr-only">{t('common.actions')}</span></th>
          </tr></thead>
          <tbody>
            {items.map((imp) => (
              <tr key={imp.id} data-testid="recent-import" data-id={imp.id} data-status={imp.status} aria-current={imp.id === shownId || undefined}>
                <td>
                  <div className="recent-import-file">
                    <span className="import-file-name">{imp.fileName}</span>
                    <span className="muted small">{t(`customers.import.formats.${imp.format}`)} · {formatBytes(lang, imp.sizeBytes)}</span>
                  </div>
                </td>
                <td className="muted nowrap"><time dateTime={imp.createdAt} title={formatDateTime(lang, imp.createdAt)}>{formatRelative(lang, imp.createdAt)}</time></td>
                <td>
                  <div className="recent-import-status">
                    <Badge tone={statusTone(imp.status)}>{t(`customers.import.status.${imp.status}`)}</Badge>
                    {imp.status === 'running' && <ImportBar view={imp} label={t('customers.import.progressLabel')} />}
                  </div>
                </td>
                <td className="right num">{formatNumber(lang, imp.records)}</td>
                <td className="right num" data-testid="recent-accepted">{formatNumber(lang, imp.accepted)}</td>
                <td className="right num" data-testid="recent-duplicates">{formatNumber(lang, imp.duplicates)}</td>
                <td className="right num" data-testid="recent-invalid">{formatNumber(lang, imp.invalid)}</td>
                <td className="right">
                  {imp.id !== shownId && <Button size="sm" variant="ghost" onClick={() => onShow(imp.id)} testId="recent-import-show">{t('customers.import.show')}</Button>}
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </section>
  );
}
