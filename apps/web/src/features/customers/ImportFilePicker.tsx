import { useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { currentUiLanguage } from '../../lib/i18n';
import { Icon } from '../../ui/icons';
import {
  IMPORT_FORMATS, MAX_IMPORT_BYTES, PREVIEW_BYTES, checkCsvColumns, formatBytes, formatFromName, guessFormat,
  jsonlProblemLines, parseCsvHeader, previewLines, type ImportFormat,
} from './import-file';

/** A file the user picked, with what its first bytes tell: enough for the preview and the warnings. */
export interface ChosenFile { file: File; format: ImportFormat; formatFromName: boolean; lines: string[]; columns: string[] }

/** Reads only the start of the file: the preview must not load a 2 GB file into the tab. */
export async function readChosenFile(file: File): Promise<ChosenFile> {
  const head = await file.slice(0, PREVIEW_BYTES).text();
  return {
    file, format: guessFormat(file.name, head), formatFromName: formatFromName(file.name) !== null,
    lines: previewLines(head, file.size > PREVIEW_BYTES), columns: parseCsvHeader(head),
  };
}

/** Step 1: a drop zone with a file button, then the chosen file's format, first lines and column check. */
export function ImportFilePicker({ chosen, onPick, onFormat }: { chosen: ChosenFile | null; onPick: (file: File) => void; onFormat: (format: ImportFormat) => void }) {
  const { t } = useTranslation();
  const lang = currentUiLanguage();
  const [dragging, setDragging] = useState(false);
  // Without preventDefault on dragover the browser would open the dropped file instead.
  const over = (e: DragEvent) => { e.preventDefault(); setDragging(true); };
  const drop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    const file = e.dataTransfer.files?.[0];
    if (file) onPick(file);
  };

  return (
    <div className="stack">
      <div className={`drop-zone${dragging ? ' drop-zone-over' : ''}`} onDragEnter={over} onDragOver={over} onDragLeave={() => setDragging(false)} onDrop={drop} data-testid="import-drop-zone">
        <Icon name="upload" size={22} />
        <p className="drop-zone-title">{chosen ? t('customers.import.dropAnother') : t('customers.import.dropTitle')}</p>
        <label className="btn btn-secondary file-btn">
          {chosen ? t('customers.import.replace') : t('customers.import.choose')}
          <input type="file" className="sr-only" accept=".csv,.jsonl,.ndjson,.json,text/csv,application/x-ndjson"
            onChange={(e) => { const f = e.target.files?.[0]; if (f) onPick(f); e.target.value = ''; }} data-testid="import-file-input" />
        </label>
        <p className="muted small">{t('customers.import.dropHint')}</p>
      </div>
      {chosen && <ChosenFileDetails chosen={chosen} onFormat={onFormat} lang={lang} />}
    </div>
  );
}

function ChosenFileDetails({ chosen, onFormat, lang }: { chosen: ChosenFile; onFormat: (f: ImportFormat) => void; lang: ReturnType<typeof currentUiLanguage> }) {
  const { t } = useTranslation();
  const { file, format } = chosen;
  const check = format === 'csv' ? checkCsvColumns(chosen.columns) : null;
  const unknown = new Set(check?.unknown.map((u) => u.column));
  const badLines = format === 'jsonl' ? jsonlProblemLines(chosen.lines) : [];

  return (
    <div className="stack-sm" data-testid="import-chosen">
      <div className="row-wrap">
        <strong className="import-file-name" data-testid="import-file-name">{file.name}</strong>
        <span className="muted small">{formatBytes(lang, file.size)}</span>
        <label className="row-wrap grow import-format">
          <span className="small">{t('customers.import.format')}</span>
          <select className="input select" value={format} onChange={(e) => onFormat(e.target.value as ImportFormat)} data-testid="import-format">
            {IMPORT_FORMATS.map((f) => <option key={f} value={f}>{t(`customers.import.formats.${f}`)}</option>)}
          </select>
        </label>
      </div>
      <p className="muted small">{chosen.formatFromName ? t('customers.import.formatFromName') : t('customers.import.formatFromContent')}</p>
      {file.size > MAX_IMPORT_BYTES && <p className="form-error" role="alert" data-testid="import-too-large">{t('customers.import.tooLarge')}</p>}
      {file.size === 0 && <p className="form-error" role="alert" data-testid="import-empty">{t('customers.import.empty')}</p>}

      {check && chosen.columns.length > 0 && (
        <div className="stack-sm">
          <span className="import-label small">{t('customers.import.columns')}</span>
          <ul className="column-chips" data-testid="import-columns">
            {chosen.columns.map((c, i) => (
              <li key={`${c}-${i}`} className={`column-chip${unknown.has(c) ? ' column-chip-unknown' : ''}`} data-testid="import-column" data-unknown={unknown.has(c) || undefined}
                title={unknown.has(c) ? t('customers.import.columnUnknown') : undefined}>
                {c || '""'}
              </li>
            ))}
          </ul>
        </div>
      )}
      {check && (check.missingType || check.unknown.length > 0) && (
        <div className="notice notice-warning stack-sm" role="status" data-testid="import-column-warning">
          {check.missingType && <p>{t('customers.import.missingType')}</p>}
          {check.unknown.length > 0 && <p>{t('customers.import.unknownColumns', { columns: check.unknown.map((u) => u.column || '""').join(', ') })}</p>}
          {check.unknown.filter((u) => u.suggestion).map((u) => (
            <p key={u.column} className="small">{t('customers.import.didYouMean', { column: u.column, suggestion: u.suggestion })}</p>
          ))}
          <p className="small">{t('customers.import.serverDecides')}</p>
        </div>
      )}
      {badLines.length > 0 && (
        <p className="notice notice-warning" role="status" data-testid="import-jsonl-warning">{t('customers.import.notJson', { lines: badLines.join(', ') })}</p>
      )}

      <span className="import-label small">{t('customers.import.preview')}</span>
      <pre className="code import-preview" data-testid="import-preview">{chosen.lines.join('\n') || ' '}</pre>
    </div>
  );
}
