/**
 * A tiny element builder. Children that are strings become Text nodes and attribute values go
 * through setAttribute, so survey text and answers are never parsed as HTML.
 */
type Child = Node | string | null | undefined | false;
type AttrValue = string | number | boolean | null | undefined | ((event: Event) => void);

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs?: Record<string, AttrValue> | null,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (name.startsWith('on')) {
      // Only listeners: a string here would become an inline handler attribute.
      if (typeof value === 'function') el.addEventListener(name.slice(2), value);
    } else if (value != null && value !== false && typeof value !== 'function') {
      el.setAttribute(name, value === true ? '' : String(value));
    }
  }
  for (const child of children) if (child != null && child !== false) el.append(child);
  return el;
}

export function clear(el: Element): void {
  while (el.firstChild) el.removeChild(el.firstChild);
}

/**
 * Adds a style sheet to a document or shadow root. Constructed sheets are not blocked by a host
 * page's Content-Security-Policy style-src (inline <style> is), so prefer them where supported.
 */
export function applyStyles(root: Document | ShadowRoot, css: string): void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  } catch {
    const style = document.createElement('style');
    style.textContent = css;
    (root instanceof Document ? root.head : root).append(style);
  }
}
