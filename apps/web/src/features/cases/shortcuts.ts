/**
 * Single-key shortcuts for agents (j/k, o, /, a, r, n, e, Escape, ?). Pure so it can be tested
 * without a DOM: which key a keydown means, and whether to ignore it — while the person types in
 * a field, while a dialog is open (it owns the keyboard), with Ctrl/⌘/Alt held (the browser's own
 * shortcuts), or mid-composition of Chinese input (the key belongs to the IME).
 */

export interface KeyLike {
  key: string;
  ctrlKey?: boolean; metaKey?: boolean; altKey?: boolean;
  isComposing?: boolean; defaultPrevented?: boolean; repeat?: boolean;
  target?: unknown;
}

interface ElementLike { tagName?: string; type?: string; isContentEditable?: boolean }

const TEXT_INPUTS = new Set(['text', 'search', 'email', 'url', 'tel', 'password', 'number', 'date', 'datetime-local', 'time', 'month', 'week']);

/** Whether keys typed at `target` are text (fields, selects, editable content) rather than commands. */
export function isTypingTarget(target: unknown): boolean {
  if (!target || typeof target !== 'object') return false;
  const el = target as ElementLike;
  if (el.isContentEditable) return true;
  const tag = (el.tagName ?? '').toUpperCase();
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') return TEXT_INPUTS.has((el.type ?? 'text').toLowerCase());
  return false;
}

/** Whether Enter at `target` already means something (follow the link, press the button, pick the tab). */
export function isActionTarget(target: unknown): boolean {
  if (!target || typeof target !== 'object') return false;
  const tag = ((target as ElementLike).tagName ?? '').toUpperCase();
  return tag === 'A' || tag === 'BUTTON' || tag === 'SUMMARY' || tag === 'INPUT';
}

/** The shortcut a key press names, or null when it must be left alone. */
export function shortcutKey(e: KeyLike, opts: { dialogOpen?: boolean } = {}): string | null {
  if (e.defaultPrevented || e.isComposing || e.ctrlKey || e.metaKey || e.altKey) return null;
  if (opts.dialogOpen || isTypingTarget(e.target)) return null;
  if (e.key === 'Enter') return isActionTarget(e.target) ? null : 'Enter';
  if (e.key === 'Escape') return e.key;
  // Letters by their lower case (Caps Lock on should not matter); '?' and '/' as typed.
  return e.key.length === 1 ? e.key.toLowerCase() : null;
}

export type ShortcutMap = Record<string, (() => void) | undefined>;

/** Runs the handler bound to the key press, if any; true when one ran (the caller prevents the default). */
export function dispatchShortcut(e: KeyLike, map: ShortcutMap, opts: { dialogOpen?: boolean } = {}): boolean {
  const key = shortcutKey(e, opts);
  if (key === null) return false;
  const handler = map[key];
  if (!handler) return false;
  handler();
  return true;
}

/** The keys each page answers to, as the help lists them (the handlers live in the pages). */
export const SHORTCUTS = {
  inbox: [['j', 'next'], ['k', 'previous'], ['o', 'open'], ['/', 'search'], ['a', 'assignMe'], ['?', 'help']],
  case: [['r', 'reply'], ['n', 'note'], ['a', 'assignMe'], ['e', 'close'], ['Esc', 'back'], ['?', 'help']],
} as const;
export type ShortcutScope = keyof typeof SHORTCUTS;
