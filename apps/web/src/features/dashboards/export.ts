/**
 * Downloads of the current dashboard: CSV (the numbers, see csv.ts), PNG and PDF (the picture).
 * The picture is the dashboard's export area (title, filter summary, tiles) drawn by
 * html-to-image: the DOM is cloned into an SVG foreignObject with computed styles inlined and the
 * ECharts canvases copied as images, then painted onto a canvas. Controls marked
 * data-export="skip" (edit tools, buttons) are left out. The PDF places that picture as a JPEG
 * on one page (ui/pdf.ts); no print dialog. The picture itself is taken by ui/capture.ts.
 */
import { jpegPdf } from '../../ui/pdf';
import { canvasBlob, capture, downloadBlob } from '../../ui/capture';
import { toCsv, type CsvRow } from './csv';

export { downloadBlob };

/** A file name from the dashboard name and range: letters of any script kept, the rest dashed. */
export function fileBase(name: string, range: { from: string; to: string }): string {
  const slug = name.normalize('NFKC').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'dashboard';
  return `${slug}_${range.from}_${range.to}`;
}

/** UTF-8 with a byte-order mark, so spreadsheet programs read Chinese text correctly. */
export function downloadCsv(rows: readonly CsvRow[], filename: string): void {
  downloadBlob(new Blob(['\ufeff', toCsv(rows)], { type: 'text/csv;charset=utf-8' }), filename);
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
