import { useRef, type KeyboardEvent, type ReactNode } from 'react';
import { Link } from '../app/router';

export interface TabItem { id: string; label: ReactNode; testId?: string }

/**
 * In-page tabs (WAI-ARIA tabs pattern): arrow keys move between tabs, only the active one is in
 * the tab order. The panel is rendered by the caller with aria-labelledby={`tab-${id}`}.
 */
export function Tabs({ items, value, onChange, label, idPrefix = 'tab' }: { items: TabItem[]; value: string; onChange: (id: string) => void; label: string; idPrefix?: string }) {
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  function onKey(e: KeyboardEvent, i: number) {
    const delta = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!delta) return;
    e.preventDefault();
    const next = (i + delta + items.length) % items.length;
    onChange(items[next].id);
    refs.current[next]?.focus();
  }
  return (
    <div className="tabs" role="tablist" aria-label={label}>
      {items.map((item, i) => (
        <button
          key={item.id}
          ref={(el) => { refs.current[i] = el; }}
          type="button"
          role="tab"
          id={`${idPrefix}-${item.id}`}
          aria-selected={item.id === value}
          tabIndex={item.id === value ? 0 : -1}
          className="tab"
          data-testid={item.testId}
          onClick={() => onChange(item.id)}
          onKeyDown={(e) => onKey(e, i)}
        >
          {item.label}
        </button>
      ))}
    </div>
  );
}

/** Tabs that are links to sub-pages (settings); the current one carries aria-current. */
export function TabLinks({ items, current, label }: { items: (TabItem & { to: string })[]; current: string; label: string }) {
  return (
    <nav className="tabs" aria-label={label}>
      {items.map((item) => (
        <Link key={item.id} to={item.to} className="tab" aria-current={item.id === current ? 'page' : undefined} data-testid={item.testId}>
          {item.label}
        </Link>
      ))}
    </nav>
  );
}
