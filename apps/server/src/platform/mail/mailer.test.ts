import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailer, type MailMessage } from './mailer.js';

const threaded: MailMessage = {
  to: 'Jane <jane@example.net>', subject: 'Re: Your delivery [#42]', text: 'Hello Jane',
  replyTo: 'cases+c-abcdefghij12@support.example.com', messageId: '<case.abcdefghij12.x1y2z3@support.example.com>',
  inReplyTo: '<CAF123@mail.gmail.com>', references: ['<case.abcdefghij12.a0@support.example.com>', '<CAF123@mail.gmail.com>'],
  headers: { 'X-Touchpoint-Case': '42' },
};

describe('file mailer', () => {
  let dir: string;
  beforeAll(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tp-mailer-')); });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const log = () => fs.readFileSync(path.join(dir, 'outbox.eml.log'), 'utf8');

  it('writes the threading headers and answers the Message-ID it used', async () => {
    const mailer = createMailer({ from: 'Touchpoint <cases@support.example.com>', dataDir: dir });
    expect(await mailer.send(threaded)).toEqual({ messageId: threaded.messageId });
    const entry = log();
    for (const line of [
      'From: Touchpoint <cases@support.example.com>', 'To: Jane <jane@example.net>', 'Reply-To: cases+c-abcdefghij12@support.example.com',
      'Subject: Re: Your delivery [#42]', `Message-ID: ${threaded.messageId}`, 'In-Reply-To: <CAF123@mail.gmail.com>',
      'References: <case.abcdefghij12.a0@support.example.com> <CAF123@mail.gmail.com>', 'X-Touchpoint-Case: 42',
    ]) expect(entry).toContain(`${line}\n`);
    expect(entry).toMatch(/\n\nHello Jane\n\n----\n$/);
  });

  it('keeps old callers working: a Message-ID is made from the sender domain, no empty headers', async () => {
    const mailer = createMailer({ from: 'Touchpoint <Cases@Support.Example.com>', dataDir: dir });
    const before = log().length;
    const { messageId } = await mailer.send({ to: 'a@example.com', subject: 'Invitation', text: 'Join us' });
    expect(messageId).toMatch(/^<[0-9a-f-]{36}@support\.example\.com>$/);
    const entry = log().slice(before);
    expect(entry).toContain(`Message-ID: ${messageId}\n`);
    expect(entry).not.toMatch(/Reply-To|In-Reply-To|References/);
  });

  it('cannot be made to write a header of its own through a value', async () => {
    const mailer = createMailer({ from: 'cases@support.example.com', dataDir: dir });
    const before = log().length;
    await mailer.send({ to: 'a@example.com', subject: 'Hi\r\nBcc: evil@example.com', text: 'x', headers: { 'X-Note': 'a\nX-Evil: 1' } });
    const head = log().slice(before).split('\n\n')[0];
    expect(head).not.toMatch(/^(Bcc|X-Evil):/m);
    expect(head).toContain('Subject: Hi Bcc: evil@example.com');
  });
});

describe('SMTP mailer', () => {
  const received: Buffer[] = [];
  let smtp: SMTPServer;
  beforeAll(async () => {
    smtp = new SMTPServer({
      secure: false, authOptional: true, disabledCommands: ['STARTTLS'], logger: false,
      onData(stream, _session, done) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => { received.push(Buffer.concat(chunks)); done(); });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', () => resolve()));
  });
  afterAll(() => new Promise<void>((resolve) => smtp.close(() => resolve())));

  it('sends our Message-ID, Reply-To, In-Reply-To, References and custom headers', async () => {
    const mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`, from: 'Touchpoint <cases@support.example.com>', dataDir: os.tmpdir() });
    expect(await mailer.send(threaded)).toEqual({ messageId: threaded.messageId });
    const { messageId: generated } = await mailer.send({ to: 'b@example.com', subject: 'Plain', text: 'x' });
    expect(received).toHaveLength(2);
    const first = await simpleParser(received[0]);
    expect(first.messageId).toBe(threaded.messageId);
    expect(first.inReplyTo).toBe('<CAF123@mail.gmail.com>');
    expect(first.references).toEqual(threaded.references);
    expect(first.replyTo?.value[0].address).toBe('cases+c-abcdefghij12@support.example.com');
    expect(first.headers.get('x-touchpoint-case')).toBe('42');
    expect((await simpleParser(received[1])).messageId).toBe(generated);
  });
});
