import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface ModalProps {
  open: boolean;
  title: ReactNode;
  onClose: () => void;
  children: ReactNode;
  footer?: ReactNode;
  testId?: string;
  /** Keeps the dialog open on Escape / backdrop (e.g. while a one-time secret is shown). */
  dismissible?: boolean;
}

/**
 * A modal on the native <dialog>: showModal() gives focus trapping, Escape and an inert page
 * for free, and focus returns to the opener when it closes.
 */
export function Modal({ open, title, onClose, children, footer, testId, dismissible = true }: ModalProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const { t } = useTranslation();

  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      className="modal"
      data-testid={testId}
      aria-labelledby={testId ? `${testId}-title` : undefined}
      onCancel={(e) => { e.preventDefault(); if (dismissible) onClose(); }}
      onClick={(e) => { if (dismissible && e.target === ref.current) onClose(); }}
    >
      {open && (
        <div className="modal-body">
          <div className="modal-head">
            <h2 className="modal-title" id={testId ? `${testId}-title` : undefined}>{title}</h2>
            {dismissible && (
              <button type="button" className="icon-btn" onClick={onClose} aria-label={t('common.close')}>×</button>
            )}
          </div>
          <div className="modal-content">{children}</div>
          {footer && <div className="modal-foot">{footer}</div>}
        </div>
      )}
    </dialog>
  );
}
