import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button';
import { Icon } from '../../ui/icons';
import { Menu } from '../../ui/Menu';
import type { DashboardItem } from './types';

export type ExportKind = 'csv' | 'png' | 'pdf';

interface Props {
  dashboards: DashboardItem[];
  current: DashboardItem;
  canManage: boolean;
  /** In edit mode the page shows Save/Cancel instead of "Edit tiles". */
  editing: boolean;
  exporting: ExportKind | null;
  onSelect: (id: string) => void;
  onNew: () => void;
  onCopy: () => void;
  onEdit: () => void;
  onRename: () => void;
  onDelete: () => void;
  onExport: (kind: ExportKind) => void;
}

/** Picker, management actions (for roles with dashboards.manage) and the downloads. */
export function DashboardToolbar({ dashboards, current, canManage, editing, exporting, onSelect, onNew, onCopy, onEdit, onRename, onDelete, onExport }: Props) {
  const { t } = useTranslation();
  return (
    <div className="dash-toolbar" data-export="skip">
      <label className="sr-only" htmlFor="dash-picker">{t('dashboards.manage.pick')}</label>
      <select id="dash-picker" className="input select dash-picker" value={current.id} onChange={(e) => onSelect(e.target.value)} data-testid="dashboard-picker">
        {dashboards.map((d) => <option key={d.id} value={d.id}>{d.builtIn ? t('dashboards.overview') : d.name}</option>)}
      </select>
      {canManage && !current.builtIn && !editing && <Button onClick={onEdit} testId="dashboard-edit">{t('dashboards.manage.edit')}</Button>}
      {canManage && (
        <Menu testId="dashboard-more" buttonLabel={t('dashboards.manage.more')} align="end" button={<span className="btn btn-secondary">{t('dashboards.manage.more')}<Icon name="chevron" size={14} /></span>}>
          {(close) => (
            <>
              <button type="button" className="menu-item" onClick={() => { close(); onNew(); }} data-testid="dashboard-new">{t('dashboards.manage.new')}</button>
              <button type="button" className="menu-item" onClick={() => { close(); onCopy(); }} data-testid="dashboard-copy">{t('dashboards.manage.copy')}</button>
              {!current.builtIn && (
                <>
                  <button type="button" className="menu-item" onClick={() => { close(); onRename(); }} data-testid="dashboard-rename">{t('dashboards.manage.rename')}</button>
                  <div className="menu-sep" />
                  <button type="button" className="menu-item text-danger" onClick={() => { close(); onDelete(); }} data-testid="dashboard-delete">{t('common.delete')}</button>
                </>
              )}
              {current.builtIn && <p className="menu-label">{t('dashboards.manage.builtInHint')}</p>}
            </>
          )}
        </Menu>
      )}
      <Menu testId="dashboard-export" buttonLabel={t('dashboards.export.label')} align="end"
        button={<span className="btn btn-secondary"><Icon name="download" />{exporting ? t('dashboards.export.working') : t('dashboards.export.label')}</span>}>
        {(close) => (
          <>
            {(['csv', 'png', 'pdf'] as const).map((k) => (
              <button key={k} type="button" className="menu-item" disabled={!!exporting} onClick={() => { close(); onExport(k); }} data-testid={`export-${k}`}>
                <span>{t(`dashboards.export.${k}`)}</span><span className="muted small">.{k}</span>
              </button>
            ))}
          </>
        )}
      </Menu>
    </div>
  );
}
