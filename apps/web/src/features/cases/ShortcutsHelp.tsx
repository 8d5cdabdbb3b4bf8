import { useTranslation } from 'react-i18next';
import { Modal } from '../../ui/Modal';
import { Icon } from '../../ui/icons';
import { SHORTCUTS, type ShortcutScope } from './shortcuts';


export function ShortcutsHelp({ scope, open, onClose }: { scope: ShortcutScope; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal open={open} title={t('cases.shortcuts.title')} onClose={onClose} testId="case-shortcuts">
      <dl className="case-shortcuts">
        {SHORTCUTS[scope].map(([key, action]) => (
          <div key={key} className="case-shortcut">
            <dt><kbd>{key}</kbd>{key === 'o' && <> / <kbd>Enter</kbd></>}</dt>
            <dd>{t(`cases.shortcuts.action.${action}`)}</dd>
          </div>
        ))}
      </dl>
      <p className="muted small">{t('cases.shortcuts.typingHint')}</p>
    </Modal>
  );
}

export function ShortcutsButton({ onClick }: { onClick: () => void }) {
  const { t } = useTranslation();
  return (
    <button type="button" className="btn btn-ghost btn-sm" onClick={onClick} aria-label={t('cases.shortcuts.title')} title={t('cases.shortcuts.title')} data-testid="case-shortcuts-button">
      <Icon name="keyboard" /> <kbd>?</kbd>
    </button>
  );
}
