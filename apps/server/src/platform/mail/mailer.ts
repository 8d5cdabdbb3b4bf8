/**
 * Outgoing mail. With SMTP_URL set, mail goes through that SMTP server (nodemailer); without it
 * (the embedded demo), messages are appended to dataDir/outbox.eml.log so nothing is lost and a
 * person can read them.
 *
 * Case replies need threading: we choose the Message-ID ourselves (so the customer's answer, whose
 * In-Reply-To/References carry it, finds its case even when the plus-address was lost), and send
 * In-Reply-To/References of the conversation so the customer's client shows one thread.
 */
import nodemailer from 'nodemailer';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
  replyTo?: string;
  /** `<id@domain>`; one is made from the sender's domain when absent. */
  messageId?: string;
  inReplyTo?: string;
  references?: string[];
  headers?: Record<string, string>;
}
export interface SentMail { messageId: string }
export interface Mailer { send(message: MailMessage): Promise<SentMail>; readonly kind: 'smtp' | 'file' }

/** The domain of "Name <user@domain>" or "user@domain"; localhost when it has none. */
function senderDomain(from: string): string {
  const address = /<([^>]*)>/.exec(from)?.[1] ?? from;
  return /@([^\s>@]+)$/.exec(address.trim())?.[1]?.toLowerCase() ?? 'localhost';
}

// A header value is one line: a CR or LF in a subject or custom value must not start a header of
// its own (nodemailer folds and encodes for SMTP; the file log is written by hand, so we flatten).
const oneLine = (v: string) => v.replace(/[\r\n]+\s*/g, ' ');

export function createMailer(opts: { smtpUrl?: string; from: string; dataDir: string }): Mailer {
  const domain = senderDomain(opts.from);
  const idFor = (m: MailMessage) => m.messageId ?? `<${crypto.randomUUID()}@${domain}>`;
  if (opts.smtpUrl) {
    const transport = nodemailer.createTransport(opts.smtpUrl);
    return {
      kind: 'smtp',
      async send(m) {
        const messageId = idFor(m);
        await transport.sendMail({
          from: opts.from, to: m.to, subject: m.subject, text: m.text, html: m.html, replyTo: m.replyTo,
          messageId, inReplyTo: m.inReplyTo, references: m.references, headers: m.headers,
        });
        return { messageId };
      },
    };
  }
  const file = path.join(opts.dataDir, 'outbox.eml.log');
  return {
    kind: 'file',
    async send(m) {
      const messageId = idFor(m);
      const headers: [string, string | undefined][] = [
        ['From', opts.from], ['To', m.to], ['Reply-To', m.replyTo], ['Subject', m.subject],
        ['Date', new Date().toUTCString()], ['Message-ID', messageId], ['In-Reply-To', m.inReplyTo],
        ['References', m.references?.length ? m.references.join(' ') : undefined],
        ...Object.entries(m.headers ?? {}),
      ];
      const head = headers.filter(([, v]) => v !== undefined).map(([k, v]) => `${oneLine(k)}: ${oneLine(v!)}\n`).join('');
      await fs.promises.mkdir(opts.dataDir, { recursive: true });
      await fs.promises.appendFile(file, `${head}\n${m.text}\n\n----\n`);
      return { messageId };
    },
  };
}
