import { useEffect, useRef, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError, upload, ws } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { Loading } from '../../ui/Spinner';
import { useToast } from '../../ui/Toast';
import { MAX_IMPORT_BYTES, contentTypeOf, uploadName } from './import-file';
import type { ImportView } from './import-progress';
import { ImportFilePicker, readChosenFile, type ChosenFile } from './ImportFilePicker';
import { ImportFormatHelp } from './ImportFormatHelp';
import { ImportProgress, UploadProgress } from './ImportProgress';
import type { CustomerImports } from './use-customer-imports';

/**
 * The server's own words when it refuses a file (its CSV header: unknown columns or no `type`);
 * any other failure by its translated code.
 */
function refusalText(t: TFunction, err: unknown): string {
  const detail = err instanceof ApiError ? err.details.find((d) => d.path === 'body.header' || d.path === 'body') : undefined;
  return detail?.message || errorText(t, err);
}

/**
 * Two steps: choose a file (preview and column check), then upload it and follow the import live.
 * `shownId` is the import step 2 shows: the one just uploaded, or one opened from the list.
 */
export function ImportWizard({ wid, imports, shownId, onShow }: { wid: string; imports: CustomerImports; shownId: string | null; onShow: (id: string | null) => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const [chosen, setChosen] = useState<ChosenFile | null>(null);
  const [sending, setSending] = useState<{ sent: number; total: number } | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);
  // Leaving the tab cancels an upload in flight: nothing would be left on screen to follow or stop it.
  useEffect(() => () => abort.current?.abort(), []);

  const shown = shownId ? imports.items.find((i) => i.id === shownId) : undefined;
  const step = shownId || sending ? 2 : 1;
  const sendable = !!chosen && chosen.file.size > 0 && chosen.file.size <= MAX_IMPORT_BYTES;

  async function pick(file: File) {
    setRefusal(null);
    try { setChosen(await readChosenFile(file)); } catch (err) { toast.error(err); }
  }

  async function start() {
    if (!chosen || !sendable) return;
    const { file, format } = chosen;
    const c = new AbortController();
    abort.current = c;
    setRefusal(null);
    setSending({ sent: 0, total: file.size });
    try {
      const view = await upload<ImportView>(ws(wid, 'customers', 'imports'), file, {
        contentType: contentTypeOf(format), query: { format, name: uploadName(file.name) }, signal: c.signal,
        onProgress: (sent, total) => setSending({ sent, total }),
      });
      imports.add(view);
      setChosen(null);
      onShow(view.id);
    } catch (err) {
      if (!c.signal.aborted) setRefusal(refusalText(t, err));
    } finally {
      if (abort.current === c) { abort.current = null; setSending(null); }
    }
  }

  return (
    <section className="card stack import-wizard" data-testid="import-wizard" data-step={step}>
      <ol className="import-steps" aria-label={t('customers.import.steps')}>
        <li aria-current={step === 1 ? 'step' : undefined}><span className="import-step-n">1</span>{t('customers.import.stepChoose')}</li>
        <li aria-current={step === 2 ? 'step' : undefined}><span className="import-step-n">2</span>{t('customers.import.stepImport')}</li>
      </ol>
      {sending ? (
        <UploadProgress sent={sending.sent} total={sending.total} onCancel={() => abort.current?.abort()} />
      ) : shownId ? (
        shown ? <ImportProgress view={shown} searchPath={`/w/${wid}/customers`} onAnother={() => onShow(null)} />
          : !imports.loaded ? <Loading />
          : <EmptyState title={t('customers.import.gone')} testId="import-gone" action={<Button onClick={() => onShow(null)}>{t('customers.import.another')}</Button>} />
      ) : (
        <>
          <p className="muted">{t('customers.import.intro')}</p>
          <ImportFilePicker chosen={chosen} onPick={(f) => void pick(f)}
            onFormat={(format) => { setRefusal(null); setChosen((c) => (c ? { ...c, format } : c)); }} />
          {refusal && (
            <div className="form-error" role="alert" data-testid="import-refused">
              <strong>{t('customers.import.refused')}</strong> <span data-testid="import-refused-message">{refusal}</span>
            </div>
          )}
          <ImportFormatHelp />
          <div className="row-end">
            {chosen && <Button onClick={() => { setChosen(null); setRefusal(null); }}>{t('common.cancel')}</Button>}
            <Button variant="primary" disabled={!sendable} onClick={() => void start()} testId="import-start">{t('customers.import.start')}</Button>
          </div>
        </>
      )}
    </section>
  );
}
