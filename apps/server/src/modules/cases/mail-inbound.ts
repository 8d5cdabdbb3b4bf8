/**
 * A customer's email answer, from raw MIME to what a case needs: who wrote, which mails it
 * answers (for threading), the recipients (where our plus-address hides), and the new text with
 * the quoted history cut off. mailparser does the MIME work: multipart trees, quoted-printable,
 * base64, encoded words and charsets through iconv-lite (Big5, GBK/GB2312/GB18030, …).
 * Inbound mail is untrusted input, so size is bounded before parsing, and both refusals are
 * AppErrors: the route's error handler answers 413 / 400 without code of its own.
 */
import type { HeaderLines, ParsedMail } from 'mailparser';
import { AppError } from '../../platform/http/errors.js';

/** Larger raw mails are refused (413): a reply with a few photos fits; a mailbox dump does not. */
export const MAX_INBOUND_BYTES = 10 * 1024 * 1024;

export class InboundMailTooLarge extends AppError {
  constructor(bytes: number) {
    super(413, 'inbound_mail_too_large', `the mail is larger than ${MAX_INBOUND_BYTES} bytes`, { bytes, maxBytes: MAX_INBOUND_BYTES });
  }
}

export class InboundMailUnreadable extends AppError {
  constructor(reason: string) {
    super(400, 'inbound_mail_unreadable', `the mail could not be read: ${reason}`);
  }
}

export interface InboundMail {
  messageId: string | null;
  inReplyTo: string | null;
  references: string[];
  from: { address: string; name: string | null } | null;
  /** Every recipient address: To, Cc, Delivered-To, X-Original-To, Envelope-To (each once). */
  to: string[];
  subject: string;
  /** ISO 8601; null when the Date header is missing or not a date. */
  date: string | null;
  /** The new part of the reply: quoted history and signature cut off. */
  text: string;
  /** The whole text body (from the HTML when the mail has no text part). */
  fullText: string;
  attachments: { filename: string | null; contentType: string; size: number }[];
  /** Sent by a machine (out-of-office, vacation responder, bounce): must not reopen a case or trigger replies. */
  autoReply: boolean;
}

// Headers in which MTAs record the address the mail was delivered to: the plus-address survives
// there when the customer's client put the plain address (or a list) in To.
const RECIPIENT_HEADERS = new Set(['to', 'cc', 'delivered-to', 'x-original-to', 'envelope-to', 'x-envelope-to']);

export async function parseInboundMail(raw: Buffer | string): Promise<InboundMail> {
  // A string is never shorter (in UTF-16 units) than its UTF-8 bytes, so a long one is refused
  // before it is copied.
  if (raw.length > MAX_INBOUND_BYTES) throw new InboundMailTooLarge(typeof raw === 'string' ? Buffer.byteLength(raw) : raw.length);
  const bytes = typeof raw === 'string' ? Buffer.from(raw, 'utf8') : raw;
  if (bytes.length > MAX_INBOUND_BYTES) throw new InboundMailTooLarge(bytes.length);

  // Loaded on first use: mailparser costs ≈ 250 ms to import, which every server start would pay.
  const { simpleParser, parseAddressHeader } = await import('mailparser');
  let mail: ParsedMail;
  try {
    mail = await simpleParser(bytes, { keepCidLinks: true, skipTextToHtml: true, skipTextLinks: true });
  } catch (err) {
    throw new InboundMailUnreadable(err instanceof Error ? err.message : String(err));
  }
  if (!mail.headerLines?.length || !mail.headerLines.some((h) => /^[\x21-\x39\x3b-\x7e]+$/.test(h.key))) {
    throw new InboundMailUnreadable('no mail headers');
  }

  const fullText = normaliseText(mail.text || (mail.html ? htmlToPlainText(mail.html) : ''));
  const subject = mail.subject ?? '';
  const sender = mail.from?.value.find((a) => a.address);
  return {
    messageId: mail.messageId?.trim() || null,
    inReplyTo: firstMessageId(mail.inReplyTo),
    references: (Array.isArray(mail.references) ? mail.references : mail.references ? [mail.references] : []).flatMap((r) => r.split(/\s+/)).filter(Boolean),
    from: sender ? { address: sender.address!, name: sender.name.trim() || null } : null,
    to: recipients(mail.headerLines, parseAddressHeader),
    subject,
    date: dateOf(mail.headerLines),
    text: stripQuotedReply(fullText),
    fullText,
    attachments: mail.attachments.map((a) => ({ filename: a.filename ?? null, contentType: a.contentType, size: a.size })),
    autoReply: isAutoReply(mail, subject),
  };
}

const headerValue = (line: string) => line.slice(line.indexOf(':') + 1).replace(/\r?\n[ \t]+/g, ' ').trim();

function recipients(lines: HeaderLines, parseAddressHeader: typeof import('mailparser').parseAddressHeader): string[] {
  const seen = new Map<string, string>();
  for (const { key, line } of lines) {
    if (!RECIPIENT_HEADERS.has(key)) continue;
    for (const a of parseAddressHeader(headerValue(line), { flatten: true }).value) {
      if (a.address && !seen.has(a.address.toLowerCase())) seen.set(a.address.toLowerCase(), a.address);
    }
  }
  return [...seen.values()];
}

// mailparser turns an unreadable Date into "now"; a case timeline should rather show none.
function dateOf(lines: HeaderLines): string | null {
  const line = lines.find((h) => h.key === 'date');
  const date = line ? new Date(headerValue(line.line)) : null;
  return date && !Number.isNaN(date.getTime()) ? date.toISOString() : null;
}

function firstMessageId(value: string | undefined): string | null {
  if (!value) return null;
  return /<[^<>\s]+>/.exec(value)?.[0] ?? (value.trim() || null);
}

function normaliseText(text: string): string {
  // HTML conversion leaves runs of blank lines where empty <div>s and <br>s stood.
  return text.replace(/\r\n?/g, '\n').replace(/^\uFEFF/, '').replace(/\n[ \t]*\n(?:[ \t]*\n)+/g, '\n\n').trim();
}

/**
 * Fallback for HTML that mailparser's converter gave up on (too deep, too long): drop invisible
 * elements, turn block ends into line breaks, remove tags, decode the common entities.
 */
export function htmlToPlainText(html: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
  return html
    .replace(/<(style|script|head|title)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|tr|h[1-6]|blockquote)\s*>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, e: string) => {
      if (e[0] !== '#') return named[e.toLowerCase()] ?? all;
      const cp = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : all;
    })
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

// Subjects that out-of-office and vacation responders put first, in English and Chinese, and
// bounce subjects (a bounce must not count as the customer's answer either).
const AUTO_SUBJECT = new RegExp(
  '^\\s*[\\[(（【]?\\s*(' +
    [
      'auto(matic)?[ -]?(reply|response|answer)', 'autoreply', 'out of (the )?office', 'away from (the )?office', 'on vacation',
      'undeliverable', 'undelivered mail', 'delivery status notification', 'mail delivery (failed|subsystem)',
      '自動回覆', '自動回復', '自動答覆', '自动回复', '自动答复', '不在辦公室', '不在办公室', '休假通知', '退信',
    ].join('|') + ')',
  'i',
);

function isAutoReply(mail: ParsedMail, subject: string): boolean {
  const header = (name: string) => {
    const v = mail.headers.get(name);
    return typeof v === 'string' ? v.trim().toLowerCase() : Array.isArray(v) ? String(v[0]).trim().toLowerCase() : v ? 'yes' : null;
  };
  const auto = header('auto-submitted'); // RFC 3834: anything but "no" is a machine
  if (auto && auto !== 'no') return true;
  if (header('x-autoreply') || header('x-autorespond') || header('x-auto-reply') || header('x-failed-recipients')) return true;
  if (['bulk', 'auto_reply', 'junk'].includes(header('precedence') ?? '')) return true;
  const type = mail.headers.get('content-type') as { value?: unknown } | undefined;
  if (typeof type?.value === 'string' && type.value.toLowerCase() === 'multipart/report') return true;
  return AUTO_SUBJECT.test(subject);
}

// ── the quoted history ────────────────────────────────────────────────────────────────────────

const SEPARATOR = [
  /^\s*-{2,}\s*(original message|forwarded message|原始郵件|原始邮件|原始信件|原始訊息|原始消息|轉寄郵件|转发邮件)\s*-{2,}\s*$/i,
  /^\s*_{10,}\s*$/, // Outlook's rule above its header block
  /^--\s?$/, // the signature separator "-- " (some clients drop the space)
  // Mobile signatures are whole short lines: "Sent from my account…" in prose is not one.
  /^\s*(sent from my [\w .-]{1,30}|sent from (mail|outlook|yahoo mail) for [\w .-]{1,20}|get outlook for [\w .-]{1,20})$/i,
  /^\s*(從我的|从我的)\s*\S.{0,30}(傳送|发送|寄出)\s*$/,
  /^\s*(發自我的|发自我的|寄自我的)\s*([A-Za-z][\w .-]{0,24}|\S{0,10}(手機|手机|平板|裝置|設備|设备))\s*$/,
];
// Header blocks of quoted mails (Outlook EN/繁/简, QQ Mail, Foxmail): a From line, or a "回覆：" line,
// followed within four lines by a Sent/Date/Subject line ("From: Taipei / To: Kaohsiung" in a
// complaint about a delivery route is not a block).
const BLOCK_START = /^\s*\*?(from|寄件者|寄件人|發件人|发件人|回覆|回复|答覆|答复)\*?\s*[:：]/i;
const BLOCK_LINE = /^\s*\*?(sent|date|subject|寄件日期|傳送時間|發送時間|发送时间|日期|時間|时间|主旨|主題|主题)\*?\s*[:：]/i;
// Attribution lines: "On <date>, <name> wrote:", "<name> 於 <date> 寫道：", "在 <date>，<name> 写道：".
// They always name a date or an address, so prose such as "On Monday you wrote:" is left alone.
// Clients and HTML converters wrap them (often inside "<address>"), so up to three lines are joined
// when the first looks like the start of one.
const ATTRIBUTION_START = /^\s*(on\s|在\s?)|(於|于)\s?\d|\d{4}\s*年|@/i;
const ATTRIBUTION_END = /(\bwrote|寫道|写道)\s*[:：]\s*$/i;

function attributionAt(lines: string[], i: number): boolean {
  let joined = '';
  for (let j = i; j < Math.min(lines.length, i + 3); j++) {
    joined += (j > i ? ' ' : '') + lines[j].trim();
    if (joined.length > 400) return false;
    if (ATTRIBUTION_END.test(lines[j])) return (j === i || ATTRIBUTION_START.test(lines[i])) && /\d|@/.test(joined);
  }
  return false;
}

function quoteStartsAt(lines: string[], i: number): boolean {
  const line = lines[i];
  if (SEPARATOR.some((re) => re.test(line))) return true;
  if (BLOCK_START.test(line)) {
    for (let j = i + 1; j < Math.min(lines.length, i + 5); j++) if (BLOCK_LINE.test(lines[j])) return true;
  }
  return attributionAt(lines, i);
}

/**
 * The new part of a reply: the text above the first line that starts the quoted history
 * (attribution line, "Original Message" separator, Outlook header block, signature separator,
 * "Sent from my iPhone"), without a trailing block of "> " lines. Conservative: when nothing would
 * remain, the whole text (trimmed) is returned, so a reply written below the quote is not lost.
 */
export function stripQuotedReply(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  let end = lines.findIndex((_, i) => quoteStartsAt(lines, i));
  if (end < 0) end = lines.length;
  while (end > 0 && (/^\s*$/.test(lines[end - 1]) || /^\s*>/.test(lines[end - 1]))) end--;
  return lines.slice(0, end).join('\n').trim() || lines.join('\n').trim();
}
