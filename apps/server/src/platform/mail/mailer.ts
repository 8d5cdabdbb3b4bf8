/**
 * Outgoing mail. With SMTP_URL set, mail goes through that SMTP server (nodemailer); without it
 * (the embedded demo), messages are appended to dataDir/outbox.eml.log so nothing is lost and a
 * person can read them.
 */
import nodemailer from 'nodemailer';
import fs from 'node:fs';
import path from 'node:path';

export interface MailMessage { to: string; subject: string; text: string; html?: string }
export interface Mailer { send(message: MailMessage): Promise<void>; readonly kind: 'smtp' | 'file' }

export function createMailer(opts: { smtpUrl?: string; from: string; dataDir: string }): Mailer {
  if (opts.smtpUrl) {
    const transport = nodemailer.createTransport(opts.smtpUrl);
    return {
      kind: 'smtp',
      async send(m) {
        await transport.sendMail({ from: opts.from, to: m.to, subject: m.subject, text: m.text, html: m.html });
      },
    };
  }
  const file = path.join(opts.dataDir, 'outbox.eml.log');
  return {
    kind: 'file',
    async send(m) {
      await fs.promises.mkdir(opts.dataDir, { recursive: true });
      await fs.promises.appendFile(file, `From: ${opts.from}\nTo: ${m.to}\nSubject: ${m.subject}\nDate: ${new Date().toUTCString()}\n\n${m.text}\n\n----\n`);
    },
  };
}
