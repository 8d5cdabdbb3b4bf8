import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../lib/errors';

type Kind = 'success' | 'error' | 'info';
interface ToastItem { id: number; kind: Kind; text: string }

interface ToastApi {
  success(text: string): void;
  info(text: string): void;
  /** Accepts anything thrown; server errors are translated by code. */
  error(err: unknown): void;
}

const ToastContext = createContext<ToastApi | null>(null);

export function ToastProvider({ children }: { children: ReactNode }) {
  const [items, setItems] = useState<ToastItem[]>([]);
  const next = useRef(1);
  const { t } = useTranslation();

  const dismiss = useCallback((id: number) => setItems((list) => list.filter((x) => x.id !== id)), []);
  const push = useCallback((kind: Kind, text: string) => {
    const id = next.current++;
    setItems((list) => [...list.slice(-3), { id, kind, text }]);
    // Errors stay longer: people need time to read what went wrong.
    setTimeout(() => dismiss(id), kind === 'error' ? 8000 : 4000);
  }, [dismiss]);

  const api = useMemo<ToastApi>(() => ({
    success: (text) => push('success', text),
    info: (text) => push('info', text),
    error: (err) => push('error', typeof err === 'string' ? err : errorText(t, err)),
  }), [push, t]);

  return (
    <ToastContext.Provider value={api}>
      {children}
      <div className="toasts" aria-live="polite" data-testid="toasts">
        {items.map((item) => (
          <div key={item.id} className={`toast toast-${item.kind}`} role={item.kind === 'error' ? 'alert' : 'status'} data-testid={`toast-${item.kind}`}>
            <span>{item.text}</span>
            <button type="button" className="icon-btn" onClick={() => dismiss(item.id)} aria-label={t('common.dismiss')}>×</button>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

export function useToast(): ToastApi {
  const ctx = useContext(ToastContext);
  if (!ctx) throw new Error('useToast outside ToastProvider');
  return ctx;
}
