// @vitest-environment node
/** Agent shortcuts (key → action, ignored while typing) and the inbox list helpers they drive. */
import { describe, expect, it, vi } from 'vitest';
import { appendPage, changedCaseIds, moveSelection } from './case-list';
import { dispatchShortcut, isTypingTarget, shortcutKey, type KeyLike } from './shortcuts';

const body = { tagName: 'BODY' };
const key = (k: string, extra: Partial<KeyLike> = {}): KeyLike => ({ key: k, target: body, ...extra });

describe('shortcuts', () => {
  it('runs the bound handler once and reports it', () => {
    const j = vi.fn(), help = vi.fn();
    const map = { j, '?': help, Escape: undefined };
    expect(dispatchShortcut(key('j'), map)).toBe(true);
    expect(dispatchShortcut(key('?'), map)).toBe(true);
    expect(dispatchShortcut(key('x'), map)).toBe(false);
    expect(dispatchShortcut(key('Escape'), map)).toBe(false); // bound to nothing right now
    expect(j).toHaveBeenCalledTimes(1);
    expect(help).toHaveBeenCalledTimes(1);
  });

  it('reads letters case-insensitively and ignores named keys other than Enter and Escape', () => {
    expect(shortcutKey(key('J'))).toBe('j');
    expect(shortcutKey(key('/'))).toBe('/');
    expect(shortcutKey(key('Enter'))).toBe('Enter');
    expect(shortcutKey(key('Escape'))).toBe('Escape');
    expect(shortcutKey(key('ArrowDown'))).toBeNull();
    expect(shortcutKey(key('Shift'))).toBeNull();
  });

  it('stays out of the way while typing, in an IME, with modifiers, or under a dialog', () => {
    const run = vi.fn();
    const map = { a: run, r: run, Escape: run };
    for (const target of [{ tagName: 'INPUT', type: 'text' }, { tagName: 'input', type: 'search' }, { tagName: 'TEXTAREA' }, { tagName: 'SELECT' }, { tagName: 'DIV', isContentEditable: true }]) {
      expect(dispatchShortcut(key('a', { target }), map), JSON.stringify(target)).toBe(false);
      expect(dispatchShortcut(key('Escape', { target }), map)).toBe(false);
    }
    expect(dispatchShortcut(key('a', { isComposing: true }), map)).toBe(false);
    expect(dispatchShortcut(key('r', { ctrlKey: true }), map)).toBe(false); // Ctrl+R reloads the page
    expect(dispatchShortcut(key('r', { metaKey: true }), map)).toBe(false);
    expect(dispatchShortcut(key('a', { altKey: true }), map)).toBe(false);
    expect(dispatchShortcut(key('a', { defaultPrevented: true }), map)).toBe(false);
    expect(dispatchShortcut(key('a'), map, { dialogOpen: true })).toBe(false);
    expect(run).not.toHaveBeenCalled();
  });

  it('treats checkboxes as commands, not text, and leaves Enter on links and buttons to them', () => {
    expect(isTypingTarget({ tagName: 'INPUT', type: 'checkbox' })).toBe(false);
    expect(isTypingTarget({ tagName: 'INPUT' })).toBe(true); // no type: text
    expect(isTypingTarget(null)).toBe(false);
    const open = vi.fn();
    expect(dispatchShortcut(key('Enter', { target: { tagName: 'A' } }), { Enter: open })).toBe(false);
    expect(dispatchShortcut(key('Enter', { target: { tagName: 'BUTTON' } }), { Enter: open })).toBe(false);
    expect(dispatchShortcut(key('Enter', { target: { tagName: 'TR' } }), { Enter: open })).toBe(true);
    expect(open).toHaveBeenCalledTimes(1);
  });
});

describe('inbox list', () => {
  it('moves the selection within the list; from none, j starts at the top and k at the bottom', () => {
    expect(moveSelection(-1, 1, 5)).toBe(0);
    expect(moveSelection(-1, -1, 5)).toBe(4);
    expect(moveSelection(0, -1, 5)).toBe(0);
    expect(moveSelection(4, 1, 5)).toBe(4);
    expect(moveSelection(2, 1, 5)).toBe(3);
    expect(moveSelection(9, 1, 5)).toBe(0); // the list shrank under the selection
    expect(moveSelection(0, 1, 0)).toBe(-1);
  });

  it('marks new and changed rows after a refetch, not the unchanged ones', () => {
    const before = [{ id: 'a', version: 1 }, { id: 'b', version: 3 }];
    const after = [{ id: 'c', version: 0 }, { id: 'a', version: 2 }, { id: 'b', version: 3 }];
    expect([...changedCaseIds(before, after)].sort()).toEqual(['a', 'c']);
    expect(changedCaseIds(after, after).size).toBe(0);
  });

  it('appends a page without repeating a case that moved between pages', () => {
    expect(appendPage([{ id: 'a' }, { id: 'b' }], [{ id: 'b' }, { id: 'c' }]).map((x) => x.id)).toEqual(['a', 'b', 'c']);
  });
});
