import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseRule } from '@touchpoint/shared';
import { api, ws } from '../../../lib/api';
import { formatNumber, formatRelative } from '../../../lib/format';
import { currentUiLanguage } from '../../../lib/i18n';
import { useApi } from '../../../lib/use-api';
import { Badge } from '../../../ui/Badge';
import { Button } from '../../../ui/Button';
import { EmptyState } from '../../../ui/EmptyState';
import { Icon } from '../../../ui/icons';
import { Modal } from '../../../ui/Modal';
import { Loading } from '../../../ui/Spinner';
import { Table } from '../../../ui/Table';
import { useToast } from '../../../ui/Toast';
import { LoadError } from './LoadError';
import { RuleFormModal } from './RuleFormModal';
import { ruleInputOf } from './rule-draft';
import { actionTexts, triggerText } from './rule-text';
import { useCaseDirectory } from './use-case-directory';

/** The rules that open cases: what each watches and does, how often it matched; edit for managers. */
export function RulesSection({ wid, manage }: { wid: string; manage: boolean }) {
  const { t } = useTranslation();
  const lang = currentUiLanguage();
  const toast = useToast();
  const rules = useApi<CaseRule[]>(ws(wid, 'cases', 'rules'));
  const dir = useCaseDirectory(wid, { themes: true });
  const [open, setOpen] = useState<CaseRule | 'new' | null>(null);
  const [deleting, setDeleting] = useState<CaseRule | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const names = { theme: dir.themeName, team: dir.teamName, person: dir.personName };

  async function run(id: string, action: () => Promise<void>) {
    setBusy(id);
    try { await action(); } catch (err) { toast.error(err); } finally { setBusy(null); }
  }
  const toggle = (r: CaseRule) => run(r.id, async () => {
    const saved = await api<CaseRule>(ws(wid, 'cases', 'rules', r.id), { method: 'PUT', body: ruleInputOf(r, !r.enabled) });
    rules.setData((list) => (list ?? []).map((x) => (x.id === r.id ? saved : x)));
  });
  const remove = () => deleting && run(deleting.id, async () => {
    await api(ws(wid, 'cases', 'rules', deleting.id), { method: 'DELETE' });
    toast.success(t('casesAdmin.rules.deleted', { name: deleting.name }));
    setDeleting(null);
    await rules.reload();
  });

  if (rules.error && !rules.data) return <LoadError error={rules.error} onRetry={() => void rules.reload()} />;
  if (!rules.data) return <Loading />;
  const list = [...rules.data].sort((a, b) => a.position - b.position);
  return (
    <div className="stack">
      <div className="section-head">
        <p className="muted small">{t('casesAdmin.rules.intro')}</p>
        {manage && <Button variant="primary" icon={<Icon name="plus" />} onClick={() => setOpen('new')} testId="new-case-rule">{t('casesAdmin.rules.new')}</Button>}
      </div>
      {!list.length ? <EmptyState title={t('casesAdmin.rules.none')} text={t('casesAdmin.rules.noneText')} testId="case-rules-empty" /> : (
        <Table caption={t('casesAdmin.tabs.rules')} testId="case-rule-table">
          <thead><tr>
            <th>{t('casesAdmin.rules.name')}</th><th>{t('casesAdmin.rules.when')}</th><th>{t('casesAdmin.rules.does')}</th>
            <th className="right">{t('casesAdmin.rules.matches')}</th><th>{t('casesAdmin.rules.lastMatched')}</th>
            <th><span className="sr-only">{t('common.actions')}</span></th>
          </tr></thead>
          <tbody>
            {list.map((r) => (
              <tr key={r.id} data-testid="case-rule-row" className={r.enabled ? undefined : 'row-muted'}>
                <td>
                  {/* Not a <label> around the name: a click on the name must not switch the rule. */}
                  <span className="cases-rule-title">
                    <input type="checkbox" role="switch" className="cases-switch" checked={r.enabled} disabled={!manage || busy === r.id} onChange={() => void toggle(r)}
                      aria-label={t('casesAdmin.rules.enabledFor', { name: r.name })} data-testid="case-rule-toggle" />
                    <span className="cases-rule-name">{r.name}</span>
                    {!r.enabled && <Badge>{t('casesAdmin.rules.off')}</Badge>}
                  </span>
                </td>
                <td className="small" data-testid="case-rule-when">{triggerText(t, r.trigger, names)}</td>
                <td className="small"><span className="badge-list">{actionTexts(t, r.actions, names).map((a) => <Badge key={a}>{a}</Badge>)}</span></td>
                <td className="right num">{formatNumber(lang, r.matches)}</td>
                <td className="muted nowrap small">{r.lastMatchedAt ? formatRelative(lang, r.lastMatchedAt) : t('casesAdmin.rules.never')}</td>
                <td className="right nowrap">
                  <span className="row-actions">
                    <Button size="sm" variant="ghost" onClick={() => setOpen(r)} testId="edit-case-rule">{manage ? t('common.edit') : t('casesAdmin.view')}</Button>
                    {manage && <Button size="sm" variant="ghost" onClick={() => setDeleting(r)} testId="delete-case-rule">{t('common.delete')}</Button>}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {open && (
        <RuleFormModal key={open === 'new' ? 'new' : open.id} wid={wid} rule={open === 'new' ? null : open} readOnly={!manage}
          teams={dir.teams.data ?? []} agents={dir.agents.data ?? []} themes={dir.themes} themeName={dir.themeName}
          onClose={() => setOpen(null)} onSaved={() => void rules.reload()} />
      )}
      <Modal open={!!deleting} onClose={() => setDeleting(null)} title={t('casesAdmin.rules.deleteTitle')} testId="delete-case-rule-modal"
        footer={<><Button onClick={() => setDeleting(null)}>{t('common.cancel')}</Button><Button variant="danger" busy={!!deleting && busy === deleting.id} onClick={() => void remove()} testId="confirm-delete-case-rule">{t('common.delete')}</Button></>}>
        <p>{t('casesAdmin.rules.deleteText', { name: deleting?.name ?? '' })}</p>
      </Modal>
    </div>
  );
}
