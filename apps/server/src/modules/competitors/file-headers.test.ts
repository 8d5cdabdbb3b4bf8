import { describe, expect, it } from 'vitest';
import { cleanFileName, contentDisposition, downloadType, mediaType } from './file-headers.js';

describe('evidence file headers', () => {
  it('encodes Chinese names per RFC 5987 with an ASCII fallback', () => {
    expect(contentDisposition('價格表 (2026).pdf')).toBe(`attachment; filename="___ (2026).pdf"; filename*=UTF-8''%E5%83%B9%E6%A0%BC%E8%A1%A8%20%282026%29.pdf`);
    expect(contentDisposition('a"b.txt')).toContain('filename="a_b.txt"');
  });
  it('echoes only inert types', () => {
    expect(downloadType('image/png')).toBe('image/png');
    expect(downloadType('text/plain')).toBe('text/plain; charset=utf-8');
    expect(downloadType('text/html')).toBe('application/octet-stream');
    expect(downloadType('image/svg+xml')).toBe('application/octet-stream');
    expect(downloadType(null)).toBe('application/octet-stream');
    expect(mediaType('Image/PNG; charset=x')).toBe('image/png');
    expect(mediaType('nonsense')).toBe('application/octet-stream');
  });
  it('drops folders and control characters from names', () => {
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
    expect(cleanFileName('C:\\x\\報告.pdf')).toBe('報告.pdf');
    expect(cleanFileName('..')).toBe('file');
    expect(cleanFileName('a\u0000b\n.txt')).toBe('ab.txt');
  });
});
