/** Links and files attached to a competitor record: add, upload (with progress), download, remove. */
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CompetitorEvidence } from '@touchpoint/shared';
import { MAX_EVIDENCE_FILE_BYTES } from '@touchpoint/shared';
import { api, upload, ws } from '../../lib/api';
import { fieldErrors } from '../../lib/errors';
import { formatDateTime, formatNumber } from '../../lib/format';
import { currentUiLanguage } from '../../lib/i18n';
import type { Items } from '../../lib/types';
import { useApi } from '../../lib/use-api';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { Field } from '../../ui/Field';
import { Icon } from '../../ui/icons';
import { Loading } from '../../ui/Spinner';
import { Table } from '../../ui/Table';
import { useToast } from '../../ui/Toast';
import { competitorsApi } from './competitors-data';

const sizeText = (lang: ReturnType<typeof currentUiLanguage>, n: number | null) =>
  n === null ? '' : n < 1024 ? `${formatNumber(lang, n)} B` : n < 1024 * 1024 ? `${formatNumber(lang, n / 1024, 1)} KB` : `${formatNumber(lang, n / 1024 / 1024, 1)} MB`;

export function EvidenceTab({ wid, competitorId, readOnly }: { wid: string; competitorId: string; readOnly: boolean }) {
  const { t } = useTranslation();
  const lang = currentUiLanguage();
  const toast = useToast();
  const list = useApi<Items<CompetitorEvidence>>(competitorsApi(wid, competitorId, 'evidence'));
  const [link, setLink] = useState({ url: '', title: '', note: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [adding, setAdding] = useState(false);
  const [progress, setProgress] = useState<number | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  async function addLink(e: FormEvent) {
    e.preventDefault();
    setAdding(true);
    try {
      await api(competitorsApi(wid, competitorId, 'links'), { method: 'POST', body: link });
      setLink({ url: '', title: '', note: '' });
      setErrors({});
      await list.reload();
    } catch (err) {
      setErrors(fieldErrors(err));
      toast.error(err);
    } finally {
      setAdding(false);
    }
  }

  async function sendFile(file: File) {
    if (file.size > MAX_EVIDENCE_FILE_BYTES) { toast.info(t('competitors.evidence.tooLarge')); return; }
    setProgress(0);
    try {
      await upload(competitorsApi(wid, competitorId, 'files'), file, {
        contentType: file.type || 'application/octet-stream', query: { name: file.name },
        onProgress: (sent, total) => setProgress(total ? Math.round((sent / total) * 100) : 0),
      });
      toast.success(t('competitors.evidence.uploaded', { name: file.name }));
      await list.reload();
    } catch (err) {
      toast.error(err);
    } finally {
      setProgress(null);
      if (fileInput.current) fileInput.current.value = '';
    }
  }

  async function remove(ev: CompetitorEvidence) {
    if (!window.confirm(t('competitors.evidence.confirmDelete', { title: ev.title }))) return;
    try {
      await api(ws(wid, 'competitor-evidence', ev.id), { method: 'DELETE' });
      await list.reload();
    } catch (err) { toast.error(err); }
  }

  return (
    <div className="stack-lg">
      {!readOnly && (
        <div className="evidence-add">
          <form className="card stack" onSubmit={addLink} data-testid="add-link-form">
            <h2 className="card-title">{t('competitors.evidence.addLink')}</h2>
            <Field label={t('competitors.evidence.url')} error={errors.url}>
              {(p) => <input {...p} className="input" type="url" placeholder="https://" value={link.url} onChange={(e) => setLink({ ...link, url: e.target.value })} data-testid="link-url" />}
            </Field>
            <Field label={t('competitors.evidence.linkTitle')} error={errors.title}>
              {(p) => <input {...p} className="input" value={link.title} onChange={(e) => setLink({ ...link, title: e.target.value })} data-testid="link-title" />}
            </Field>
            <Field label={t('competitors.evidence.note')} error={errors.note}>
              {(p) => <input {...p} className="input" value={link.note} onChange={(e) => setLink({ ...link, note: e.target.value })} />}
            </Field>
            <div><Button type="submit" variant="primary" busy={adding} icon={<Icon name="link" />} testId="add-link">{t('competitors.evidence.addLinkButton')}</Button></div>
          </form>
          <div className="card stack">
            <h2 className="card-title">{t('competitors.evidence.uploadTitle')}</h2>
            <p className="muted">{t('competitors.evidence.uploadHint')}</p>
            <input ref={fileInput} type="file" className="sr-only" data-testid="file-input" onChange={(e) => { const f = e.target.files?.[0]; if (f) void sendFile(f); }} />
            <div className="row-wrap">
              <Button icon={<Icon name="upload" />} busy={progress !== null} onClick={() => fileInput.current?.click()} testId="upload-file">{t('competitors.evidence.chooseFile')}</Button>
              {progress !== null && (
                <span className="row-wrap" data-testid="upload-progress">
                  <progress max={100} value={progress} aria-label={t('competitors.evidence.uploading')} />
                  {t('competitors.evidence.uploadingPercent', { percent: progress })}
                </span>
              )}
            </div>
          </div>
        </div>
      )}
      {list.loading && !list.data && <Loading />}
      {list.data && !list.data.items.length && <EmptyState title={t('competitors.evidence.emptyTitle')} text={t('competitors.evidence.emptyText')} />}
      {list.data && list.data.items.length > 0 && (
        <Table caption={t('competitors.tab.evidence')} testId="evidence-list">
          <thead><tr><th>{t('competitors.evidence.kind')}</th><th>{t('competitors.evidence.linkTitle')}</th><th>{t('competitors.evidence.note')}</th><th>{t('competitors.evidence.added')}</th>{!readOnly && <th aria-label={t('common.actions')} />}</tr></thead>
          <tbody>
            {list.data.items.map((ev) => (
              <tr key={ev.id} data-testid="evidence-row">
                <td><Badge tone={ev.kind === 'link' ? 'info' : 'accent'}>{t(`competitors.evidence.${ev.kind}`)}</Badge></td>
                <td>
                  {ev.kind === 'link'
                    ? <a href={ev.url ?? '#'} target="_blank" rel="noopener noreferrer nofollow">{ev.title} <Icon name="external" /></a>
                    : <a href={ws(wid, 'competitor-files', ev.id)} download={ev.fileName ?? undefined} data-testid="download-file">{ev.title} <Icon name="download" /></a>}
                  {ev.kind === 'file' && <span className="muted"> · {sizeText(lang, ev.size)}</span>}
                </td>
                <td>{ev.note || <span className="muted">–</span>}</td>
                <td>{formatDateTime(lang, ev.createdAt)}</td>
                {!readOnly && <td className="row-actions"><Button variant="ghost" size="sm" icon={<Icon name="trash" />} aria-label={t('common.delete')} onClick={() => void remove(ev)} /></td>}
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </div>
  );
}
