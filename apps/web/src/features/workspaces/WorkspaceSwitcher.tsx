import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth-context';
import { Link } from '../../app/router';
import { useWorkspace } from '../../app/workspace-context';
import { Icon } from '../../ui/icons';
import { Menu } from '../../ui/Menu';
import { CreateWorkspaceModal } from './CreateWorkspaceModal';

export function WorkspaceSwitcher() {
  const { t } = useTranslation();
  const { me } = useAuth();
  const { workspace } = useWorkspace();
  const [creating, setCreating] = useState(false);
  return (
    <>
      <Menu
        testId="workspace-switcher"
        buttonLabel={t('workspaces.switch', { name: workspace.name })}
        button={<><span className="ws-name">{workspace.name}</span><Icon name="chevron" /></>}
      >
        {(close) => (
          <>
            <div className="menu-label">{t('workspaces.yourWorkspaces')}</div>
            {me?.workspaces.map((w) => (
              <Link
                key={w.id}
                to={`/w/${w.id}`}
                className="menu-item"
                aria-current={w.id === workspace.id ? 'true' : undefined}
                onClick={close}
                data-testid="workspace-option"
              >
                <span className="ws-option-name">{w.name}</span>
                <span className="muted small">{t(`roles.${w.role}`)}</span>
              </Link>
            ))}
            <div className="menu-sep" />
            <button type="button" className="menu-item" data-testid="new-workspace" onClick={() => { close(); setCreating(true); }}>
              <Icon name="plus" /> {t('workspaces.new')}
            </button>
          </>
        )}
      </Menu>
      <CreateWorkspaceModal open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
