import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

interface MenuProps {
  /** Content of the toggle button. */
  button: ReactNode;
  buttonLabel?: string;
  testId?: string;
  align?: 'start' | 'end';
  /** Receives close() so an item can close the menu after acting. */
  children: (close: () => void) => ReactNode;
}

/**
 * A dropdown menu: the toggle reports aria-expanded, Escape and outside clicks close it, and
 * arrow keys move between the items (anything focusable with .menu-item).
 */
export function Menu({ button, buttonLabel, testId, align = 'start', children }: MenuProps) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const id = useId();

  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => { if (!root.current?.contains(e.target as Node)) setOpen(false); };
    document.addEventListener('mousedown', onDown);
    root.current?.querySelector<HTMLElement>('.menu-item')?.focus();
    return () => document.removeEventListener('mousedown', onDown);
  }, [open]);

  const close = () => { setOpen(false); toggle.current?.focus(); };

  function onKey(e: KeyboardEvent) {
    if (e.key === 'Escape') { e.preventDefault(); close(); return; }
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    e.preventDefault();
    const items = [...(root.current?.querySelectorAll<HTMLElement>('.menu-item') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLElement);
    const next = e.key === 'ArrowDown' ? (at + 1) % items.length : (at - 1 + items.length) % items.length;
    items[next]?.focus();
  }

  return (
    <div className="menu" ref={root} onKeyDown={onKey}>
      <button
        ref={toggle}
        type="button"
        className="menu-toggle"
        aria-expanded={open}
        aria-controls={id}
        aria-label={buttonLabel}
        data-testid={testId}
        onClick={() => setOpen((o) => !o)}
      >
        {button}
      </button>
      {open && (
        <div className={`menu-pop menu-${align}`} id={id} data-testid={testId ? `${testId}-menu` : undefined}>
          {children(close)}
        </div>
      )}
    </div>
  );
}
