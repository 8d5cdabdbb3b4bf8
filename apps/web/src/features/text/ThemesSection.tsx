import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaxonomyView, TextStatus, Theme, ThemeSuggestions } from '@touchpoint/shared';
import { api, ws } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { formatNumber } from '../../lib/format';
import { currentUiLanguage } from '../../lib/i18n';
import { useApi } from '../../lib/use-api';
import { useWorkspace } from '../../app/workspace-context';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { Icon } from '../../ui/icons';
import { Modal } from '../../ui/Modal';
import { Loading } from '../../ui/Spinner';
import { Table } from '../../ui/Table';
import { useToast } from '../../ui/Toast';
import { RetagProgress } from './RetagProgress';
import { ThemeFormModal } from './ThemeFormModal';
import { themeLabel } from './theme-form';

/**
 * The workspace's themes (taxonomy) and discovered suggestions. Editing needs themes.manage
 * (owner, admin, analyst): other roles see the list without the actions.
 */
export function ThemesSection({ status, onChanged }: { status: TextStatus | undefined; onChanged: () => void }) {
  const { t } = useTranslation();
  const lang = currentUiLanguage();
  const toast = useToast();
  const { workspace, can } = useWorkspace();
  const wid = workspace.id;
  const manage = can('themes.manage');
  const taxonomy = useApi<TaxonomyView>(ws(wid, 'text', 'themes'));
  const suggestions = useApi<ThemeSuggestions>(`${ws(wid, 'text', 'themes', 'suggestions')}?limit=10`);
  const [editing, setEditing] = useState<Theme | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Theme | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const changed = () => { void taxonomy.reload(); void suggestions.reload(); onChanged(); };
  async function run(id: string, fn: () => Promise<void>) {
    setBusy(id);
    try { await fn(); } catch (err) { toast.error(err); } finally { setBusy(null); }
  }
  const remove = () => deleting && run(deleting.id, async () => {
    await api(ws(wid, 'text', 'themes', deleting.id), { method: 'DELETE' });
    toast.success(t('text.themes.deleted', { name: deleting.name }));
    setDeleting(null);
    changed();
  });
  const adopt = (label: string, phrases: string[]) => run(`s:${label}`, async () => {
    await api(ws(wid, 'text', 'themes', 'suggestions', 'adopt'), { method: 'POST', body: { label, phrases: phrases.slice(0, 200) } });
    toast.success(t('text.suggestions.adopted', { name: label }));
    changed();
  });

  const retag = status?.retag ?? taxonomy.data?.retag ?? null;
  const themes = taxonomy.data?.themes ?? [];

  return (
    <div className="stack-lg">
      <section className="stack" aria-labelledby="themes-title">
        <div className="section-head">
          <h2 id="themes-title" className="section-title">{t('text.themes.title')}</h2>
          {manage && <Button variant="primary" icon={<Icon name="plus" />} onClick={() => setEditing('new')} testId="new-theme">{t('text.themes.add')}</Button>}
        </div>
        {retag && <div className="card"><RetagProgress progress={retag} /></div>}
        {taxonomy.loading && !taxonomy.data ? <Loading /> : taxonomy.error ? (
          <EmptyState title={t('text.error.title')} text={errorText(t, taxonomy.error)} testId="themes-error" />
        ) : !themes.length ? (
          <EmptyState title={t('text.themes.none')} text={t('text.themes.noneText')} testId="themes-empty" />
        ) : (
          <Table testId="theme-table" caption={t('text.themes.title')}>
            <thead><tr>
              <th>{t('text.themes.name')}</th><th>{t('text.themes.keywords')}</th><th>{t('text.themes.examples')}</th>
              {manage && <th><span className="sr-only">{t('common.actions')}</span></th>}
            </tr></thead>
            <tbody>
              {themes.map((th) => (
                <tr key={th.id} data-testid="theme-row" data-theme-id={th.id}>
                  <td><div>{themeLabel(th, lang)}</div><div className="muted small mono">{th.id}</div></td>
                  <td><span className="badge-list">{th.keywords.slice(0, 12).map((k) => <Badge key={k}>{k}</Badge>)}{th.keywords.length > 12 && <span className="muted small">{t('text.themes.more', { n: formatNumber(lang, th.keywords.length - 12) })}</span>}</span></td>
                  <td className="small">{th.examples.slice(0, 2).map((x) => <div key={x} className="theme-example">“{x}”</div>)}{th.examples.length > 2 && <span className="muted">{t('text.themes.more', { n: formatNumber(lang, th.examples.length - 2) })}</span>}</td>
                  {manage && (
                    <td className="right nowrap">
                      <span className="row-actions">
                        <Button size="sm" variant="ghost" onClick={() => setEditing(th)} testId="edit-theme">{t('common.edit')}</Button>
                        <Button size="sm" variant="ghost" onClick={() => setDeleting(th)} testId="delete-theme">{t('common.delete')}</Button>
                      </span>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </section>

      <section className="stack" aria-labelledby="suggestions-title">
        <div>
          <h2 id="suggestions-title" className="section-title">{t('text.suggestions.title')}</h2>
          <p className="muted small">{t('text.suggestions.subtitle')}</p>
        </div>
        {suggestions.loading && !suggestions.data ? <Loading /> : suggestions.error ? (
          <p className="field-error" role="alert">{errorText(t, suggestions.error)}</p>
        ) : !suggestions.data?.items.length ? (
          <EmptyState title={t('text.suggestions.none')} text={t('text.suggestions.noneText')} testId="suggestions-empty" />
        ) : (
          <ul className="suggestion-list" data-testid="suggestions">
            {suggestions.data.items.map((s) => (
              <li key={s.label} className="card suggestion" data-testid="suggestion">
                <div className="suggestion-head">
                  <strong>{s.label}</strong>
                  <span className="muted small">{t('text.suggestions.documents', { count: s.documents, n: formatNumber(lang, s.documents) })}</span>
                </div>
                <span className="badge-list">{s.phrases.slice(0, 10).map((p) => <Badge key={p}>{p}</Badge>)}</span>
                {manage && <div><Button size="sm" onClick={() => void adopt(s.label, s.phrases)} busy={busy === `s:${s.label}`} testId="adopt-suggestion">{t('text.suggestions.adopt')}</Button></div>}
              </li>
            ))}
          </ul>
        )}
      </section>

      {editing && (
        <ThemeFormModal key={editing === 'new' ? 'new' : editing.id} wid={wid} theme={editing === 'new' ? null : editing} onClose={() => setEditing(null)} onSaved={changed} />
      )}
      <Modal open={!!deleting} onClose={() => setDeleting(null)} title={t('text.themes.deleteTitle')} testId="delete-theme-modal"
        footer={<><Button onClick={() => setDeleting(null)}>{t('common.cancel')}</Button><Button variant="danger" busy={!!deleting && busy === deleting.id} onClick={() => void remove()} testId="confirm-delete-theme">{t('common.delete')}</Button></>}>
        <p>{t('text.themes.deleteText', { name: deleting?.name ?? '' })}</p>
      </Modal>
    </div>
  );
}
