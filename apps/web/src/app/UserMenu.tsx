import { useTranslation } from 'react-i18next';
import { useAuth } from './auth-context';
import { navigate } from './router';
import { Menu } from '../ui/Menu';
import { useToast } from '../ui/Toast';

function initials(name: string): string {
  const parts = name.trim().split(/\s+/);
  // CJK names have no spaces: the first character reads naturally.
  return (parts.length > 1 ? parts[0][0] + parts[1][0] : [...name.trim()].slice(0, 1).join('')).toUpperCase() || '?';
}

export function UserMenu() {
  const { t } = useTranslation();
  const { me, logout } = useAuth();
  const toast = useToast();
  if (!me) return null;
  return (
    <Menu
      align="end"
      testId="user-menu"
      buttonLabel={t('shell.userMenu', { name: me.user.name })}
      button={<span className="avatar" aria-hidden="true">{initials(me.user.name || me.user.email)}</span>}
    >
      {(close) => (
        <>
          <div className="menu-header">
            <strong>{me.user.name}</strong>
            <span className="muted">{me.user.email}</span>
          </div>
          <button
            type="button"
            className="menu-item"
            data-testid="sign-out"
            onClick={async () => {
              close();
              try { await logout(); navigate('/login'); } catch (err) { toast.error(err); }
            }}
          >
            {t('shell.signOut')}
          </button>
        </>
      )}
    </Menu>
  );
}
