import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Survey } from '@touchpoint/shared';
import { api, ws } from '../../../lib/api';
import { formatNumber } from '../../../lib/format';
import { currentUiLanguage } from '../../../lib/i18n';
import type { ImportResult } from '../../../lib/types';
import { Button } from '../../../ui/Button';
import { Icon } from '../../../ui/icons';
import { Table } from '../../../ui/Table';
import { useToast } from '../../../ui/Toast';
import { chunkCsv, type ChunkedCsv } from './csv-chunks';

interface Progress { done: number; imported: number; duplicates: number; errorCount: number; errors: ImportResult['errors'] }
const MAX_SHOWN_ERRORS = 500;
const EMPTY: Progress = { done: 0, imported: 0, duplicates: 0, errorCount: 0, errors: [] };

/**
 * Imports past responses from a CSV. The file is split here into ~1,000-row uploads, sent one
 * after another, so a large file shows progress, stays under the request size limit, and a
 * failure part-way leaves the earlier parts stored (re-importing skips them as duplicates).
 */
export function CsvImport({ wid, survey }: { wid: string; survey: Survey }) {
  const { t } = useTranslation();
  const lang = currentUiLanguage();
  const toast = useToast();
  const [file, setFile] = useState<{ name: string; csv: ChunkedCsv } | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [running, setRunning] = useState(false);
  const cancelled = useRef(false);
  const expectedHeader = ['submitted_at', 'channel', 'language', 'customer_id', ...survey.definition.questions.map((q) => q.id)].join(',');

  async function choose(f: File | undefined) {
    setProgress(null);
    if (!f) return setFile(null);
    try {
      setFile({ name: f.name, csv: chunkCsv(await f.text()) });
    } catch (err) { toast.error(err); }
  }

  async function run() {
    if (!file) return;
    setRunning(true);
    cancelled.current = false;
    let acc = { ...EMPTY };
    setProgress(acc);
    try {
      for (const chunk of file.csv.chunks) {
        if (cancelled.current) break;
        const r = await api<ImportResult>(ws(wid, 'surveys', survey.id, 'responses', 'import'), {
          method: 'POST', body: chunk.body, contentType: 'text/csv', query: { firstRow: chunk.firstRow },
        });
        acc = {
          done: acc.done + chunk.rows,
          imported: acc.imported + r.imported,
          duplicates: acc.duplicates + r.duplicates,
          errorCount: acc.errorCount + r.errorCount,
          errors: [...acc.errors, ...r.errors].slice(0, MAX_SHOWN_ERRORS),
        };
        setProgress(acc);
      }
      toast.success(t('import.finished', { count: acc.imported }));
    } catch (err) { toast.error(err); } finally { setRunning(false); }
  }

  const total = file?.csv.totalRows ?? 0;
  const pct = progress && total ? Math.round((progress.done / total) * 100) : 0;

  return (
    <section className="card stack" data-testid="csv-import">
      <h2 className="card-title">{t('import.title')}</h2>
      <p className="muted small">{t('import.hint')}</p>
      <pre className="code small" aria-label={t('import.expectedHeader')}><code>{expectedHeader}</code></pre>
      <div className="row-wrap">
        <label className="btn btn-secondary file-btn">
          <Icon name="upload" /> {t('import.chooseFile')}
          <input type="file" accept=".csv,text/csv" className="sr-only" disabled={running}
            onChange={(e) => void choose(e.target.files?.[0])} data-testid="csv-file-input" />
        </label>
        {file && <span className="muted small" data-testid="csv-file-summary">{t('import.fileSummary', { name: file.name, rows: formatNumber(lang, total), parts: file.csv.chunks.length })}</span>}
        <div className="row-end grow">
          {running && <Button onClick={() => { cancelled.current = true; }}>{t('common.cancel')}</Button>}
          <Button variant="primary" busy={running} disabled={!file || !total} onClick={run} testId="csv-import-start">{t('import.start')}</Button>
        </div>
      </div>
      {progress && (
        <div className="stack-sm" aria-live="polite">
          <div className="progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct} aria-label={t('import.progress')} data-testid="import-progress">
            <div className="progress-bar" style={{ width: `${pct}%` }} />
          </div>
          <div className="import-stats">
            <span>{pct}%</span>
            <span>{t('import.imported')}: <strong data-testid="import-imported">{formatNumber(lang, progress.imported)}</strong></span>
            <span>{t('import.duplicates')}: <strong data-testid="import-duplicates">{formatNumber(lang, progress.duplicates)}</strong></span>
            <span>{t('import.errors')}: <strong data-testid="import-error-count">{formatNumber(lang, progress.errorCount)}</strong></span>
          </div>
          {progress.errors.length > 0 && (
            <div className="scroll-box">
            <Table testId="import-errors" caption={t('import.errors')}>
              <thead><tr><th>{t('import.row')}</th><th>{t('import.column')}</th><th>{t('import.message')}</th></tr></thead>
              <tbody>
                {progress.errors.map((e, i) => <tr key={i}><td className="num">{e.row}</td><td className="mono">{e.path}</td><td>{e.message}</td></tr>)}
              </tbody>
            </Table>
            </div>
          )}
          {progress.errorCount > progress.errors.length && <p className="muted small">{t('import.moreErrors', { count: progress.errorCount - progress.errors.length })}</p>}
        </div>
      )}
    </section>
  );
}
