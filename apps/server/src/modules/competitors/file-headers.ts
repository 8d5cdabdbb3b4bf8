/**
 * Headers for downloading stored evidence files (pure). Files come from anyone with write access,
 * so a download never renders in our origin: always an attachment, never sniffed, and the stored
 * type is echoed only when browsers treat it as inert data (no HTML, SVG or script types).
 */
const SAFE_TYPES = new Set([
  'application/pdf', 'image/png', 'image/jpeg', 'image/gif', 'image/webp', 'text/plain', 'text/csv',
  'application/zip', 'application/json',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.ms-excel', 'application/msword',
]);

/** The media type of a Content-Type header, lower-case, or octet-stream when it is not one. */
export function mediaType(header: string | undefined): string {
  const t = String(header ?? '').split(';')[0].trim().toLowerCase();
  return /^[a-z0-9][a-z0-9.+-]*\/[a-z0-9][a-z0-9.+-]*$/.test(t) && t.length <= 100 ? t : 'application/octet-stream';
}

export function downloadType(stored: string | null): string {
  const t = mediaType(stored ?? undefined);
  if (!SAFE_TYPES.has(t)) return 'application/octet-stream';
  return t.startsWith('text/') ? `${t}; charset=utf-8` : t;
}

/** A file name as given, without folders or control characters (1–255 characters). */
export function cleanFileName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const base = name.split(/[/\\]/).pop()!.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return (base && base !== '.' && base !== '..' ? base : 'file').slice(0, 255);
}

/** attachment; filename="ASCII fallback"; filename*=UTF-8''… (RFC 6266 / RFC 5987). */
export function contentDisposition(name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\%;]/g, '_') || 'file';
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
