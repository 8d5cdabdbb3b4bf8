import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from './router';
import { LanguageSwitch } from './LanguageSwitch';
import { UserMenu } from './UserMenu';
import { SideNav } from './SideNav';
import { useWorkspace } from './workspace-context';
import { WorkspaceSwitcher } from '../features/workspaces/WorkspaceSwitcher';

/** Top bar + left navigation around every workspace page. */
export function Shell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { workspace } = useWorkspace();
  return (
    <div className="shell">
      <a className="skip-link" href="#main">{t('shell.skipToContent')}</a>
      <header className="topbar">
        <Link to={`/w/${workspace.id}`} className="brand" data-testid="brand">
          <span className="brand-mark" aria-hidden="true" />
          <span className="brand-name">Touchpoint</span>
        </Link>
        <span className="topbar-sep" aria-hidden="true">/</span>
        <WorkspaceSwitcher />
        <div className="topbar-spacer" />
        <LanguageSwitch />
        <UserMenu />
      </header>
      <SideNav />
      <main className="main" id="main" tabIndex={-1}>{children}</main>
    </div>
  );
}

/** Title row of a page: heading, optional subtitle, actions on the right. */
export function PageHeader({ title, subtitle, actions, back }: { title: ReactNode; subtitle?: ReactNode; actions?: ReactNode; back?: { to: string; label: string } }) {
  // The tab title follows the page, so history and tab lists are readable.
  useEffect(() => {
    if (typeof title === 'string') document.title = `${title} · Touchpoint`;
  }, [title]);
  return (
    <div className="page-header">
      <div className="page-heading">
        {back && <Link to={back.to} className="back-link">← {back.label}</Link>}
        <h1 className="page-title" data-testid="page-title">{title}</h1>
        {subtitle && <p className="page-subtitle">{subtitle}</p>}
      </div>
      {actions && <div className="page-actions">{actions}</div>}
    </div>
  );
}
