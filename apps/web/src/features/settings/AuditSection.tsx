import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ws } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { currentUiLanguage } from '../../lib/i18n';
import type { AuditEntry, Page } from '../../lib/types';
import { useWorkspace } from '../../app/workspace-context';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { Field } from '../../ui/Field';
import { Loading } from '../../ui/Spinner';
import { Table } from '../../ui/Table';
import { useToast } from '../../ui/Toast';
import { ACTION_PREFIXES, NO_AUDIT_FILTERS, auditQuery, type AuditFilters } from './audit-query';

const details = (d: unknown) => (d && typeof d === 'object' && Object.keys(d).length ? JSON.stringify(d) : '');

export function AuditSection() {
  const { t } = useTranslation();
  const lang = currentUiLanguage();
  const { workspace } = useWorkspace();
  const toast = useToast();
  const [form, setForm] = useState<AuditFilters>(NO_AUDIT_FILTERS);
  const [applied, setApplied] = useState<AuditFilters>(NO_AUDIT_FILTERS);
  const [items, setItems] = useState<AuditEntry[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [loadingMore, setLoadingMore] = useState(false);

  const fetchPage = useCallback((before?: string | null) =>
    api<Page<AuditEntry>>(ws(workspace.id, 'audit'), { query: auditQuery(applied, before) }), [workspace.id, applied]);

  useEffect(() => {
    let live = true;
    setLoading(true);
    fetchPage()
      .then((p) => { if (live) { setItems(p.items); setCursor(p.nextCursor); } })
      .catch((err) => { if (live) toast.error(err); })
      .finally(() => { if (live) setLoading(false); });
    return () => { live = false; };
  }, [fetchPage, toast]);

  async function more() {
    setLoadingMore(true);
    try {
      const p = await fetchPage(cursor);
      setItems((list) => [...list, ...p.items]);
      setCursor(p.nextCursor);
    } catch (err) { toast.error(err); } finally { setLoadingMore(false); }
  }

  const apply = (e: FormEvent) => { e.preventDefault(); setApplied(form); };
  const set = (k: keyof AuditFilters) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [k]: e.target.value }));

  return (
    <div className="stack">
      <form className="card form-row" onSubmit={apply} data-testid="audit-filters">
        <Field label={t('audit.action')} className="grow">
          {(p) => <><input {...p} className="input" list="audit-prefixes" value={form.action} onChange={set('action')} placeholder="survey." data-testid="audit-action" />
            <datalist id="audit-prefixes">{ACTION_PREFIXES.map((a) => <option key={a} value={a} />)}</datalist></>}
        </Field>
        <Field label={t('audit.actor')} className="grow">
          {(p) => <input {...p} className="input" value={form.actor} onChange={set('actor')} data-testid="audit-actor" />}
        </Field>
        <Field label={t('audit.from')}>{(p) => <input {...p} className="input" type="date" value={form.from} onChange={set('from')} data-testid="audit-from" />}</Field>
        <Field label={t('audit.to')}>{(p) => <input {...p} className="input" type="date" value={form.to} onChange={set('to')} data-testid="audit-to" />}</Field>
        <Button type="submit" variant="primary" className="form-row-button" testId="audit-apply">{t('audit.apply')}</Button>
        <Button className="form-row-button" onClick={() => { setForm(NO_AUDIT_FILTERS); setApplied(NO_AUDIT_FILTERS); }}>{t('audit.reset')}</Button>
      </form>
      {loading ? <Loading /> : !items.length ? <EmptyState title={t('audit.none')} testId="audit-empty" /> : (
        <Table testId="audit-table" caption={t('settings.audit')}>
          <thead><tr><th>{t('audit.time')}</th><th>{t('audit.actor')}</th><th>{t('audit.action')}</th><th>{t('audit.target')}</th><th>{t('audit.details')}</th></tr></thead>
          <tbody>
            {items.map((e) => (
              <tr key={e.id} data-testid="audit-row">
                <td className="nowrap muted">{formatDateTime(lang, e.createdAt)}</td>
                <td>{e.actor}</td>
                <td className="mono">{e.action}</td>
                <td className="muted nowrap" title={e.targetId ?? undefined}>{e.targetType ? `${e.targetType} ${e.targetId?.slice(0, 8) ?? ''}` : '–'}</td>
                <td className="mono small details-cell" title={details(e.details)}>{details(e.details)}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {cursor && !loading && <div className="center"><Button busy={loadingMore} onClick={more} testId="audit-load-more">{t('common.loadMore')}</Button></div>}
    </div>
  );
}
