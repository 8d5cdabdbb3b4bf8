/**
 * The IMAP option for customers' replies (CASES_IMAP_URL): the server polls a real Dovecot mailbox,
 * a reply in the case's thread lands on the case's timeline, and a message no case matches is set
 * aside (marked seen, not fetched again). Skipped only where Dovecot is not installed (CI installs it).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImapFlow } from 'imapflow';
import { startTestServer, type Client, type TestServer } from './harness.js';
import { eventually } from './alert-receivers.js';
import { DOVECOT, startDovecot } from '../src/modules/cases/imap-test-server.js';

describe.skipIf(!DOVECOT)('case replies from an IMAP mailbox', () => {
  let imap: Awaited<ReturnType<typeof startDovecot>>;
  let admin: ImapFlow;
  let s: TestServer;
  let w: { id: string; owner: Client };

  beforeAll(async () => {
    imap = await startDovecot();
    const { host, port, user, password } = imap.config;
    s = await startTestServer({ casesImapUrl: `imap://${user}:${encodeURIComponent(password)}@${host}:${port}/INBOX`, casesImapEveryMs: 200, textAnalysis: 'off' });
    w = await s.workspace();
    admin = new ImapFlow({ ...imap.config, auth: { user, pass: password }, logger: false });
    await admin.connect();
  }, 60_000);
  afterAll(async () => {
    await admin?.logout().catch(() => undefined);
    await s?.destroy();
    await imap?.stop();
  });

  it('takes a reply in the thread into its case and sets a stray message aside', async () => {
    const made = await w.owner.post(`/api/workspaces/${w.id}/cases`, { title: 'Broken kettle', customerEmail: 'wang@example.cn', language: 'zh-Hans' });
    expect(made.statusCode, made.body).toBe(201);
    const c = made.json();
    const reply = await w.owner.post(`/api/workspaces/${w.id}/cases/${c.id}/replies`, { body: '王先生您好，我们明天会寄出新的水壶。' });
    expect(reply.statusCode, reply.body).toBe(201);
    const messageId = reply.json().data.messageId as string;

    const answer = ['From: Wang <wang@example.cn>', 'To: no-reply@touchpoint.local', `Subject: Re: Broken kettle [#${c.number}]`, 'Message-ID: <imap-answer-1@example.cn>', `In-Reply-To: ${messageId}`, `References: ${messageId}`,
      'MIME-Version: 1.0', 'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: 8bit', '', '收到，谢谢！', ''].join('\r\n');
    const stray = ['From: someone@example.org', 'To: no-reply@touchpoint.local', 'Subject: Hello', 'Message-ID: <stray-1@example.org>', '', 'Not about any case.', ''].join('\r\n');
    await admin.append('INBOX', Buffer.from(stray));
    await admin.append('INBOX', Buffer.from(answer));

    const detail = await eventually(async () => {
      const d = (await w.owner.get(`/api/workspaces/${w.id}/cases/${c.id}`)).json();
      return d.timeline.some((e: { kind: string }) => e.kind === 'email_in') && d;
    }, 15_000, 'the reply on the case');
    expect(detail.timeline.find((e: { kind: string }) => e.kind === 'email_in').data).toMatchObject({ from: 'wang@example.cn', body: '收到，谢谢！' });
    expect(detail.category).toBe('open');
    // Both messages were handled once: nothing is left unseen in the mailbox.
    await eventually(async () => {
      await admin.mailboxOpen('INBOX');
      const unseen = (await admin.search({ seen: false }, { uid: true })) || [];
      return unseen.length === 0;
    }, 10_000, 'both messages marked seen');
  });
});
