/**
 * PDFs made of JPEG pictures: the dashboard export (one page) and reports (A4 pages).
 * A one-page PDF holding one JPEG picture: the dashboard export. A PDF viewer decodes JPEG itself
 * (DCTDecode), so the file is the picture's bytes plus a few hundred bytes of structure, and no
 * PDF library is needed. The page is A4-landscape wide (842 pt); it grows taller for tall
 * dashboards instead of cutting them. The title goes into the document info as UTF-16 (CJK-safe).
 */
const PAGE_WIDTH = 842;
const MIN_HEIGHT = 595;
const MARGIN = 24;

const ascii = (s: string) => new TextEncoder().encode(s);

/** A PDF text string in UTF-16BE with a byte-order mark, written as hex: any language. */
export function pdfTextString(s: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < s.length; i++) hex += s.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase();
  return `<${hex}>`;
}

function pdfDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `D:${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}Z`;
}

export interface PdfImage {
  /** The JPEG file's bytes. */
  jpeg: Uint8Array;
  /** Its size in pixels. */
  width: number;
  height: number;
  title: string;
  created?: Date;
}

/** A4 portrait, for reports that run over several pages. */
export const A4_PORTRAIT = { width: 595, height: 842 } as const;

export function jpegPdf(img: PdfImage): Uint8Array<ArrayBuffer> {
  const drawW = PAGE_WIDTH - 2 * MARGIN;
  const drawH = Math.round((drawW * img.height) / img.width * 100) / 100;
  const pageH = Math.max(MIN_HEIGHT, Math.ceil(drawH + 2 * MARGIN));
  return jpegPagesPdf({ pages: [img], title: img.title, created: img.created, pageWidth: PAGE_WIDTH, pageHeight: pageH });
}

export interface PdfPages {
  /** One JPEG per page, drawn at the page's width inside the margin, from the top. */
  pages: { jpeg: Uint8Array; width: number; height: number }[];
  title: string;
  created?: Date;
  pageWidth: number;
  pageHeight: number;
}

/** A PDF of several pages, one picture each (a long report cut into pages by ui/report-pdf.ts). */
export function jpegPagesPdf(doc: PdfPages): Uint8Array<ArrayBuffer> {
  const drawW = doc.pageWidth - 2 * MARGIN;
  const parts: Uint8Array[] = [];
  const offsets: number[] = [];
  let length = 0;
  const push = (b: Uint8Array) => { parts.push(b); length += b.length; };
  const object = (body: (Uint8Array | string)[]) => {
    offsets.push(length);
    push(ascii(`${offsets.length} 0 obj\n`));
    for (const b of body) push(typeof b === 'string' ? ascii(b) : b);
    push(ascii('\nendobj\n'));
  };
  // Objects: 1 catalog, 2 page tree, then per page its page, image and content, then the info.
  const pageObj = (i: number) => 3 + 3 * i;
  const infoObj = 3 + 3 * doc.pages.length;

  // The second line's high bytes tell tools the file is binary.
  push(new Uint8Array([...ascii('%PDF-1.4\n%'), 0xe2, 0xe3, 0xcf, 0xd3, 0x0a]));
  object(['<< /Type /Catalog /Pages 2 0 R >>']);
  object([`<< /Type /Pages /Kids [${doc.pages.map((_, i) => `${pageObj(i)} 0 R`).join(' ')}] /Count ${doc.pages.length} >>`]);
  doc.pages.forEach((img, i) => {
    const drawH = Math.round((drawW * img.height) / img.width * 100) / 100;
    const top = doc.pageHeight - MARGIN - drawH;
    const content = `q ${drawW} 0 0 ${drawH} ${MARGIN} ${top} cm /Im0 Do Q\n`;
    object([`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${doc.pageWidth} ${doc.pageHeight}] /Resources << /XObject << /Im0 ${pageObj(i) + 1} 0 R >> /ProcSet [/PDF /ImageC] >> /Contents ${pageObj(i) + 2} 0 R >>`]);
    object([
      `<< /Type /XObject /Subtype /Image /Width ${img.width} /Height ${img.height} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode /Length ${img.jpeg.length} >>\nstream\n`,
      img.jpeg,
      '\nendstream',
    ]);
    object([`<< /Length ${content.length} >>\nstream\n${content}endstream`]);
  });
  object([`<< /Title ${pdfTextString(doc.title)} /Producer (Touchpoint) /CreationDate (${pdfDate(doc.created ?? new Date())}) >>`]);

  const xref = length;
  const entries = offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  push(ascii(`xref\n0 ${offsets.length + 1}\n0000000000 65535 f \n${entries}trailer\n<< /Size ${offsets.length + 1} /Root 1 0 R /Info ${infoObj} 0 R >>\nstartxref\n${xref}\n%%EOF\n`));

  const out = new Uint8Array(length);
  let at = 0;
  for (const p of parts) { out.set(p, at); at += p.length; }
  return out;
}
