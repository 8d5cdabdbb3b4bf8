/**
 * Binds single-key shortcuts on the document while the page is shown. The map may change on every
 * render (handlers close over fresh state): the listener reads the latest one.
 */
import { useEffect, useRef } from 'react';
import { dispatchShortcut, type ShortcutMap } from './shortcuts';

export function useShortcuts(map: ShortcutMap, enabled = true): void {
  const current = useRef(map);
  current.current = map;
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      // A modal <dialog> (close dialog, help, save view) owns the keyboard while it is open.
      const dialogOpen = !!document.querySelector('dialog[open]');
      if (dispatchShortcut(e, current.current, { dialogOpen })) e.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [enabled]);
}
