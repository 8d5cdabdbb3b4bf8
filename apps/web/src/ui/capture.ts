/**
 * A picture of a part of the page, for downloads (dashboards' PNG and PDF, reports' PDF): the DOM is
 * cloned into an SVG foreignObject with computed styles inlined and the ECharts canvases copied as
 * images by html-to-image, then painted onto a canvas. Controls marked data-export="skip" are left
 * out (the `is-exporting` class hides them while the picture is measured).
 */
import { toCanvas } from 'html-to-image';

export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const MAX_SIDE = 16_000; // browsers refuse larger canvases

/** The margin (CSS pixels) drawn around the captured part on every side. */
export const CAPTURE_PAD = 24;

export async function capture(node: HTMLElement, background = '#f6f7f9'): Promise<HTMLCanvasElement> {
  // Hide the controls first (see dashboards.css) so the picture is measured without them; they
  // sit above or beside the tiles, so the tiles keep their width and the charts need no redraw.
  // The page's scrollbar is kept even if the page gets shorter: its disappearing would widen the
  // tiles, and the charts would be captured mid-way through redrawing.
  const root = document.documentElement;
  const overflowY = root.style.overflowY;
  if (root.scrollHeight > root.clientHeight) root.style.overflowY = 'scroll';
  node.classList.add('is-exporting');
  try {
    await new Promise((r) => requestAnimationFrame(() => r(null)));
    await chartsSettled(node);
    return await paint(node, background);
  } finally {
    node.classList.remove('is-exporting');
    root.style.overflowY = overflowY;
  }
}

/** Waits (up to a limit) until no chart in the node is still drawing its animation (see DashChart). */
async function chartsSettled(node: HTMLElement, limitMs = 2000): Promise<void> {
  const start = performance.now();
  while (node.querySelector('[data-rendering="1"]') && performance.now() - start < limitMs) await new Promise((r) => setTimeout(r, 50));
}

function paint(node: HTMLElement, background: string): Promise<HTMLCanvasElement> {
  const { scrollWidth: w, scrollHeight: h } = node;
  const pad = CAPTURE_PAD;
  const pixelRatio = Math.max(1, Math.min(2, MAX_SIDE / (Math.max(w, h) + 2 * pad)));
  return toCanvas(node, {
    pixelRatio,
    backgroundColor: background,
    // A margin around the picture; the content keeps its on-screen width (charts are images by then).
    width: w + 2 * pad,
    height: h + 2 * pad,
    style: { padding: `${pad}px`, boxSizing: 'content-box', margin: '0' },
    skipFonts: true, // system fonts only: nothing to embed
    filter: (el) => !(el instanceof HTMLElement && el.dataset.export === 'skip'),
  });
}

export function canvasBlob(canvas: HTMLCanvasElement, type: string, quality?: number): Promise<Blob> {
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the picture could not be encoded'))), type, quality));
}

