import { useTranslation } from 'react-i18next';
import { Link, useLocation } from './router';
import { isActive, navEntries } from './nav';
import { useWorkspace } from './workspace-context';
import { Icon } from '../ui/icons';

export function SideNav() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const { workspace, can } = useWorkspace();
  const entries = navEntries().filter((e) => !e.permission || can(e.permission));
  return (
    <nav className="sidenav" aria-label={t('shell.mainNav')} data-testid="side-nav">
      <ul>
        {entries.map((e) => (
          <li key={e.id}>
            <Link
              to={e.path(workspace.id)}
              className="nav-link"
              aria-current={isActive(e, pathname, workspace.id) ? 'page' : undefined}
              data-testid={`nav-${e.id}`}
            >
              <Icon name={e.icon} />
              <span>{t(e.labelKey)}</span>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
