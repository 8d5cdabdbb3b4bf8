import { describe, expect, it } from 'vitest';
import { jpegPdf, pdfTextString } from './pdf';

const latin1 = (b: Uint8Array) => Array.from(b, (c) => String.fromCharCode(c)).join('');

describe('jpegPdf', () => {
  const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 0xff, 0xd9]);
  const pdf = latin1(jpegPdf({ jpeg, width: 1600, height: 2400, title: 'Overview 總覽', created: new Date('2026-11-23T05:00:00Z') }));

  it('is a PDF whose cross-reference table points at its objects', () => {
    expect(pdf.startsWith('%PDF-1.4\n')).toBe(true);
    expect(pdf.endsWith('%%EOF\n')).toBe(true);
    const startxref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(pdf)![1]);
    expect(pdf.slice(startxref, startxref + 4)).toBe('xref');
    const entries = [...pdf.slice(startxref).matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
    expect(entries).toHaveLength(6);
    entries.forEach((offset, i) => expect(pdf.slice(offset, offset + 8)).toBe(`${i + 1} 0 obj\n`));
    expect(pdf).toContain('/Size 7 /Root 1 0 R');
  });

  it('embeds the JPEG as it is, with its declared length, on a page that fits it', () => {
    expect(pdf).toContain(`/Width 1600 /Height 2400 /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode /Length ${jpeg.length} >>\nstream\n${latin1(jpeg)}\nendstream`);
    const [, w, h] = /\/MediaBox \[0 0 (\d+) (\d+)\]/.exec(pdf)!.map(Number);
    expect(w).toBe(842);
    expect(h).toBeGreaterThanOrEqual(Math.ceil((794 * 2400) / 1600)); // tall pictures get a tall page
    const content = /<< \/Length (\d+) >>\nstream\n(q [^\n]+\n)endstream/.exec(pdf)!;
    expect(Number(content[1])).toBe(content[2].length);
  });

  it('writes the title in UTF-16', () => {
    expect(pdfTextString('A總')).toBe('<FEFF00417E3D>');
    expect(pdf).toContain(`/Title ${pdfTextString('Overview 總覽')}`);
    expect(pdf).toContain('/CreationDate (D:20261123050000Z)');
  });
});
