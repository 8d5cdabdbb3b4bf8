/**
 * The poller against a real IMAP server: Debian's Dovecot (apt package `dovecot-imapd`), started
 * for this file only from a generated config in a temp directory: loopback on a free port,
 * plaintext auth without TLS, one passwd-file user, maildir under the temp directory. It runs
 * unprivileged: as `nobody` when the tests run as root (CI), as the current user otherwise.
 * Skipped only when no dovecot binary is installed.
 */
import { ImapFlow } from 'imapflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImapPoller, type ImapPollerConfig } from './imap-poller.js';
import { DOVECOT, freePort, startDovecot } from './imap-test-server.js';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { InboundMailTooLarge, parseInboundMail } from './mail-inbound.js';

const mail = (subject: string, body = 'hello') =>
  Buffer.from(`From: Jane <jane@example.net>\r\nTo: cases@support.example.com\r\nSubject: ${subject}\r\nMessage-ID: <${subject.replace(/\W/g, '')}@example.net>\r\n\r\n${body}\r\n`);

describe.skipIf(!DOVECOT)('ImapPoller against a real Dovecot', () => {
  let server: Awaited<ReturnType<typeof startDovecot>>;
  let admin: ImapFlow;
  let boxes = 0;

  beforeAll(async () => {
    server = await startDovecot();
    admin = new ImapFlow({ ...server.config, auth: { user: server.config.user, pass: server.config.password }, logger: false });
    await admin.connect();
  }, 60_000);
  afterAll(async () => {
    await admin?.logout().catch(() => undefined);
    await server?.stop();
  });

  /** A fresh mailbox with these messages appended (flags per message). */
  async function mailbox(messages: { raw: Buffer; seen?: boolean }[]): Promise<{ name: string; uids: number[] }> {
    const name = `box${++boxes}`;
    await admin.mailboxCreate(name);
    const uids: number[] = [];
    for (const m of messages) {
      const appended = await admin.append(name, m.raw, m.seen ? ['\\Seen'] : []);
      if (!appended || !appended.uid) throw new Error('APPEND did not answer a UID');
      uids.push(appended.uid);
    }
    return { name, uids };
  }
  /** Unseen UIDs as a new session sees them (a session with the box open may show older flags). */
  async function unseen(name: string): Promise<number[]> {
    const client = new ImapFlow({ ...server.config, auth: { user: server.config.user, pass: server.config.password }, logger: false });
    await client.connect();
    try {
      await client.mailboxOpen(name, { readOnly: true });
      return ((await client.search({ seen: false }, { uid: true })) || []).sort((a, b) => a - b);
    } finally {
      await client.logout();
    }
  }

  it('hands over unseen messages in UID order, byte for byte, and marks them \\Seen', async () => {
    const big5 = Buffer.concat([mail('big5'), Buffer.from([0xb3, 0x5c, 0xa5, 0x5c, 0x0d, 0x0a])]); // 8-bit bytes survive
    const { name, uids } = await mailbox([{ raw: mail('first') }, { raw: mail('read already'), seen: true }, { raw: big5 }]);
    const got: [number, Buffer][] = [];
    const poller = new ImapPoller({ ...server.config, mailbox: name }, async (raw, uid) => { got.push([uid, raw]); });
    expect(await poller.pollOnce()).toEqual({ delivered: 2, failed: 0, skipped: 0 });
    expect(got.map(([uid]) => uid)).toEqual([uids[0], uids[2]]);
    expect(got[0][1].equals(mail('first'))).toBe(true);
    expect(got[1][1].equals(big5)).toBe(true);
    expect(await unseen(name)).toEqual([]);
    expect(await poller.pollOnce()).toEqual({ delivered: 0, failed: 0, skipped: 0 });
  });

  it('flags a message only after the callback resolved, and hands a failed one over again', async () => {
    const { name, uids } = await mailbox([{ raw: mail('a') }, { raw: mail('b') }, { raw: mail('c') }]);
    const calls: number[] = [];
    const errors: (number | undefined)[] = [];
    let failB = true;
    const poller = new ImapPoller({ ...server.config, mailbox: name }, async (_raw, uid) => {
      calls.push(uid);
      expect(await unseen(name)).toContain(uid); // not yet flagged while the handler runs
      if (uid === uids[1] && failB) throw new Error('database is down');
    }, { onError: (_err, uid) => errors.push(uid) });
    expect(await poller.pollOnce()).toEqual({ delivered: 2, failed: 1, skipped: 0 });
    expect(errors).toEqual([uids[1]]);
    expect(await unseen(name)).toEqual([uids[1]]);
    failB = false;
    expect(await poller.pollOnce()).toEqual({ delivered: 1, failed: 0, skipped: 0 });
    expect(calls).toEqual([uids[0], uids[1], uids[2], uids[1]]);
    expect(await unseen(name)).toEqual([]);
  });

  it('sets aside a message larger than maxBytes without downloading it', async () => {
    const { name, uids } = await mailbox([{ raw: mail('huge', 'x'.repeat(4000)) }, { raw: mail('small') }]);
    const errors: unknown[] = [];
    const got: number[] = [];
    const poller = new ImapPoller({ ...server.config, mailbox: name }, async (_raw, uid) => { got.push(uid); }, { maxBytes: 1000, onError: (err) => errors.push(err) });
    expect(await poller.pollOnce()).toEqual({ delivered: 1, failed: 0, skipped: 1 });
    expect(got).toEqual([uids[1]]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(InboundMailTooLarge);
    expect(await unseen(name)).toEqual([]);
  });

  it('joins a poll in progress instead of opening a second session', async () => {
    const { name } = await mailbox([{ raw: mail('once') }]);
    let calls = 0;
    const poller = new ImapPoller({ ...server.config, mailbox: name }, async () => { calls++; await new Promise((r) => setTimeout(r, 50)); });
    const [a, b] = await Promise.all([poller.pollOnce(), poller.pollOnce()]);
    expect(a).toEqual({ delivered: 1, failed: 0, skipped: 0 });
    expect(b).toBe(a);
    expect(calls).toBe(1);
  });

  it('polls on a clock until stopped, and feeds parseInboundMail', async () => {
    const fixture = fs.readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'gbk-reply.eml'), 'latin1').replace(/\n/g, '\r\n');
    const { name } = await mailbox([{ raw: Buffer.from(fixture, 'latin1') }]);
    const texts: string[] = [];
    const poller = new ImapPoller({ ...server.config, mailbox: name }, async (raw) => { texts.push((await parseInboundMail(raw)).text); });
    poller.start(100);
    for (let i = 0; i < 100 && texts.length < 1; i++) await new Promise((r) => setTimeout(r, 50));
    expect(texts).toEqual(['你好，\n\n快递已经收到了，但是里面的杯子碎了一个，麻烦尽快补发。\n\n谢谢！\n王喆']);
    await admin.append(name, mail('second'));
    for (let i = 0; i < 100 && texts.length < 2; i++) await new Promise((r) => setTimeout(r, 50));
    expect(texts).toHaveLength(2);
    await poller.stop();
    await admin.append(name, mail('after stop'));
    await new Promise((r) => setTimeout(r, 400));
    expect(texts).toHaveLength(2);
    expect(await unseen(name)).toHaveLength(1);
  });

  // Last in this file: Dovecot then slows every login from 127.0.0.1 for a while (auth penalty).
  it('rejects a poll with a wrong password; on a clock, failures are reported and polling goes on', async () => {
    const bad = new ImapPoller({ ...server.config, password: 'wrong' }, async () => undefined);
    await expect(bad.pollOnce()).rejects.toMatchObject({ authenticationFailed: true });
    const errors: unknown[] = [];
    const unreachable = new ImapPoller({ ...server.config, port: await freePort() }, async () => undefined, { onError: (err) => errors.push(err) });
    unreachable.start(20);
    for (let i = 0; i < 100 && errors.length < 3; i++) await new Promise((r) => setTimeout(r, 50));
    await unreachable.stop();
    expect(errors.length).toBeGreaterThanOrEqual(3);
    const after = errors.length;
    await new Promise((r) => setTimeout(r, 200));
    expect(errors.length).toBe(after);
  });
});
