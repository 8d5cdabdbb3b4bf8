import { useTranslation } from 'react-i18next';
import { formatNumber, formatPercent } from '../../lib/format';
import { currentUiLanguage } from '../../lib/i18n';
import { Link } from '../../app/router';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { Table } from '../../ui/Table';
import { formatBytes } from './import-file';
import { MAX_REPORTED_ERRORS, importShare, statusTone, type ImportView } from './import-progress';

/** The bar of bytes done; also used, compact, in the list of recent imports. */
export function ImportBar({ view, label, testId }: { view: ImportView; label: string; testId?: string }) {
  const pct = Math.round(importShare(view) * 100);
  return (
    <div className="progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct} aria-label={label} data-testid={testId}>
      <div className="progress-bar" style={{ width: `${pct}%` }} />
    </div>
  );
}

/** Bytes sent while the browser uploads, then "checking" while the server reads the header. */
export function UploadProgress({ sent, total, onCancel }: { sent: number; total: number; onCancel: () => void }) {
  const { t } = useTranslation();
  const lang = currentUiLanguage();
  const share = total ? Math.min(1, sent / total) : 0;
  const sentAll = share >= 1;
  return (
    <div className="stack-sm" aria-live="polite" data-testid="import-uploading">
      <div className="progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(share * 100)} aria-label={t('customers.import.uploadLabel')}>
        <div className="progress-bar" style={{ width: `${share * 100}%` }} />
      </div>
      <div className="row-wrap">
        <span className="grow">{sentAll ? t('customers.import.checking')
          : t('customers.import.uploading', { sent: formatBytes(lang, sent), total: formatBytes(lang, total), pct: formatPercent(lang, share) })}</span>
        {!sentAll && <Button size="sm" onClick={onCancel} testId="import-cancel-upload">{t('common.cancel')}</Button>}
      </div>
    </div>
  );
}

/** Step 2: an import's live progress and counts; once it ends, a summary and its invalid records. */
export function ImportProgress({ view, searchPath, onAnother }: { view: ImportView; searchPath: string; onAnother: () => void }) {
  const { t } = useTranslation();
  const lang = currentUiLanguage();
  const running = view.status === 'running';
  const counts = [
    ['records', view.records], ['accepted', view.accepted], ['duplicates', view.duplicates], ['invalid', view.invalid],
  ] as const;

  return (
    <div className="stack" aria-live="polite" data-testid="import-progress" data-status={view.status} data-id={view.id}>
      <div className="row-wrap">
        <strong className="import-file-name">{view.fileName}</strong>
        <Badge tone={statusTone(view.status)} testId="import-status">{t(`customers.import.status.${view.status}`)}</Badge>
        <span className="muted small grow">{t('customers.import.bytes', { done: formatBytes(lang, view.status === 'done' ? view.sizeBytes : view.doneBytes), total: formatBytes(lang, view.sizeBytes) })}</span>
        <span className="num">{formatPercent(lang, importShare(view))}</span>
      </div>
      <ImportBar view={view} label={t('customers.import.progressLabel')} testId="import-progress-bar" />
      <dl className="import-counts">
        {counts.map(([key, n]) => (
          <div key={key} className={`import-count import-count-${key}${n > 0 ? ' import-count-some' : ''}`}>
            <dt>{t(`customers.import.count.${key}`)}</dt>
            <dd className="num" data-testid={`import-${key}`}>{formatNumber(lang, n)}</dd>
          </div>
        ))}
      </dl>
      {!running && (
        <div className="stack-sm" data-testid="import-summary">
          <p>{t(view.status === 'done' ? 'customers.import.summary' : 'customers.import.failedSummary', {
            records: formatNumber(lang, view.records), accepted: formatNumber(lang, view.accepted),
            duplicates: formatNumber(lang, view.duplicates), invalid: formatNumber(lang, view.invalid),
          })}</p>
          {view.errors.length > 0 ? <ImportErrors view={view} /> : view.status === 'done' && <p className="muted small">{t('customers.import.noErrors')}</p>}
        </div>
      )}
      <div className="row-end">
        {!running && <Button onClick={onAnother} testId="import-another">{t('customers.import.another')}</Button>}
        <Link to={searchPath} className="btn btn-primary" data-testid="import-search-link">{t('customers.import.searchLink')}</Link>
      </div>
    </div>
  );
}

function ImportErrors({ view }: { view: ImportView }) {
  const { t } = useTranslation();
  return (
    <div className="stack-sm">
      <h3 className="card-subtitle">{t('customers.import.errorsTitle')}</h3>
      <div className="scroll-box">
        <Table testId="import-errors" caption={t('customers.import.errorsTitle')}>
          <thead><tr><th className="right">{t('customers.import.record')}</th><th>{t('customers.import.field')}</th><th>{t('customers.import.message')}</th></tr></thead>
          <tbody>
            {view.errors.map((e, i) => (
              <tr key={i} data-testid="import-error" data-record={e.record}>
                <td className="right num">{e.record}</td>
                <td className="mono">{e.path || '–'}</td>
                <td>{e.message}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      </div>
      {view.errors.length >= MAX_REPORTED_ERRORS && <p className="muted small">{t('customers.import.moreErrors', { n: MAX_REPORTED_ERRORS })}</p>}
    </div>
  );
}
