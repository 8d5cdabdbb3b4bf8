/**
 * One-click PDF reports (an initiative's business case, a gap analysis): the report's DOM, charts
 * included and in the UI language (the browser draws every script, so CJK needs no embedded font),
 * is captured as one picture (capture.ts) and cut into A4 portrait pages. Cuts fall between the
 * report's blocks where possible: the cut moves up to the lowest block boundary that still fits,
 * so a chart or a table row is not sliced in two unless one block is taller than a page.
 */
import { A4_PORTRAIT, jpegPagesPdf } from './pdf';
import { CAPTURE_PAD, canvasBlob, capture, downloadBlob } from './capture';

/**
 * Where to cut a picture of `total` pixels into pages of at most `pageHeight`, given the y
 * positions (pixels) where blocks end. Pure, so it is tested without a browser.
 */
export function pageCuts(total: number, pageHeight: number, blockEnds: readonly number[]): number[] {
  const ends = [...new Set(blockEnds.map(Math.round))].filter((y) => y > 0 && y < total).sort((a, b) => a - b);
  const cuts: number[] = [];
  let top = 0;
  while (total - top > pageHeight) {
    const limit = top + pageHeight;
    // The lowest block end that fits, unless it would leave the page less than a third full.
    const fit = ends.filter((y) => y <= limit && y > top + pageHeight / 3).pop();
    const cut = fit ?? limit;
    cuts.push(cut);
    top = cut;
  }
  return cuts;
}

/** The bottoms of the report's blocks: elements marked data-report-block, else its direct children. */
function blockEnds(node: HTMLElement, scale: number, pad: number): number[] {
  const origin = node.getBoundingClientRect().top;
  const marked = node.querySelectorAll<HTMLElement>('[data-report-block]');
  const blocks = marked.length ? [...marked] : [...node.children].filter((c): c is HTMLElement => c instanceof HTMLElement);
  return blocks.map((b) => (b.getBoundingClientRect().bottom - origin + pad) * scale);
}

export async function downloadReportPdf(node: HTMLElement, filename: string, title: string): Promise<void> {
  const canvas = await capture(node, '#ffffff');
  const ratio = canvas.width / (node.scrollWidth + 2 * CAPTURE_PAD); // canvas pixels per CSS pixel
  const pageHeightPx = Math.floor(canvas.width * ((A4_PORTRAIT.height - 48) / (A4_PORTRAIT.width - 48)));
  const cuts = pageCuts(canvas.height, pageHeightPx, blockEnds(node, ratio, CAPTURE_PAD));
  const bounds = [0, ...cuts, canvas.height];
  const pages = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const h = bounds[i + 1] - bounds[i];
    const page = document.createElement('canvas');
    page.width = canvas.width;
    page.height = h;
    const ctx = page.getContext('2d')!;
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, page.width, h);
    ctx.drawImage(canvas, 0, bounds[i], canvas.width, h, 0, 0, canvas.width, h);
    pages.push({ jpeg: new Uint8Array(await (await canvasBlob(page, 'image/jpeg', 0.9)).arrayBuffer()), width: page.width, height: h });
  }
  const pdf = jpegPagesPdf({ pages, title, pageWidth: A4_PORTRAIT.width, pageHeight: A4_PORTRAIT.height });
  downloadBlob(new Blob([pdf], { type: 'application/pdf' }), filename);
}
