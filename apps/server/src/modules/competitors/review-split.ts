/**
 * Pasted reviews into single reviews: one per line, or one per paragraph (blank lines between),
 * trimmed, empty ones dropped. Review sites copy with bullets and numbering, so a leading "- ",
 * "• " or "12. " is taken off; the text otherwise stays as written (analysis offsets refer to it).
 */
export type PasteFormat = 'lines' | 'paragraphs';

const LEADING_MARK = /^(?:[-*•·]\s+|\d{1,4}[.)、]\s*)/u;

export function splitReviews(text: string, format: PasteFormat): string[] {
  const normalised = text.replace(/\r\n?/g, '\n');
  const parts = format === 'paragraphs' ? normalised.split(/\n\s*\n/) : normalised.split('\n');
  const out: string[] = [];
  for (const part of parts) {
    const one = (format === 'paragraphs' ? part.replace(/\s*\n\s*/g, ' ') : part).trim().replace(LEADING_MARK, '').trim();
    if (one) out.push(one);
  }
  return out;
}
