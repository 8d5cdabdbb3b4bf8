/**
 * Downloads of the current dashboard: CSV (the numbers, see csv.ts), PNG and PDF (the picture).
 * The picture is the dashboard's export area (title, filter summary, tiles) drawn by
 * html-to-image: the DOM is cloned into an SVG foreignObject with computed styles inlined and the
 * ECharts canvases copied as images, then painted onto a canvas. Controls marked
 * data-export="skip" (edit tools, buttons) are left out. The PDF places that picture as a JPEG
 * on one page (pdf.ts); no print dialog.
 */
import { toCanvas } from 'html-to-image';
import { jpegPdf } from './pdf';
import { toCsv, type CsvRow } from './csv';

/** A file name from the dashboard name and range: letters of any script kept, the rest dashed. */
export function fileBase(name: string, range: { from: string; to: string }): string {
  const slug = name.normalize('NFKC').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'dashboard';
  return `${slug}_${range.from}_${range.to}`;
}

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

/** UTF-8 with a byte-order mark, so spreadsheet programs read Chinese text correctly. */
export function downloadCsv(rows: readonly CsvRow[], filename: string): void {
  downloadBlob(new Blob(['\ufeff', toCsv(rows)], { type: 'text/csv;charset=utf-8' }), filename);
}

const MAX_SIDE = 16_000; // browsers refuse larger canvases

async function capture(node: HTMLElement): Promise<HTMLCanvasElement> {
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
    return await paint(node);
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

function paint(node: HTMLElement): Promise<HTMLCanvasElement> {
  const { scrollWidth: w, scrollHeight: h } = node;
  const pad = 24;
  const pixelRatio = Math.max(1, Math.min(2, MAX_SIDE / (Math.max(w, h) + 2 * pad)));
  return toCanvas(node, {
    pixelRatio,
    backgroundColor: '#f6f7f9',
    // A margin around the picture; the content keeps its on-screen width (charts are images by then).
    width: w + 2 * pad,
    height: h + 2 * pad,
    style: { padding: `${pad}px`, boxSizing: 'content-box', margin: '0' },
    skipFonts: true, // system fonts only: nothing to embed
    filter: (el) => !(el instanceof HTMLElement && el.dataset.export === 'skip'),
  });
}

function canvasBlob(canvas: HTMLCanvasElement, type: string, quality?: number): Promise<Blob> {
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the picture could not be encoded'))), type, quality));
}

export async function downloadPng(node: HTMLElement, filename: string): Promise<void> {
  downloadBlob(await canvasBlob(await capture(node), 'image/png'), filename);
}

export async function downloadPdf(node: HTMLElement, filename: string, title: string): Promise<void> {
  const canvas = await capture(node);
  const jpeg = new Uint8Array(await (await canvasBlob(canvas, 'image/jpeg', 0.92)).arrayBuffer());
  const pdf = jpegPdf({ jpeg, width: canvas.width, height: canvas.height, title });
  downloadBlob(new Blob([pdf], { type: 'application/pdf' }), filename);
}
