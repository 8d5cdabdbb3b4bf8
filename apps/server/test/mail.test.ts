/**
 * Mail through a real SMTP server (smtp-server on 127.0.0.1): a workspace invitation is
 * received and accepted through its link; survey invitations carry single-use tokens that
 * answer once and only once; a second invitation within the cooldown is throttled.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { liveSurvey, PASSWORD, startTestServer, type TestServer } from './harness.js';

interface Mail { from: string; to: string[]; headers: Record<string, string>; text: string }
const inbox: Mail[] = [];
let smtp: SMTPServer;
let s: TestServer;
let ws: Awaited<ReturnType<TestServer['workspace']>>;
let survey: { id: string; publicId: string };

/** Enough MIME for nodemailer's single-part text mails: headers, RFC 2047 words, QP / base64 bodies. */
function parseMail(raw: string): { headers: Record<string, string>; text: string } {
  const [head, ...rest] = raw.split(/\r?\n\r?\n/);
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const i = line.indexOf(':');
    headers[line.slice(0, i).toLowerCase()] = line.slice(i + 1).trim();
  }
  const words = (v: string) => v.replace(/=\?utf-8\?([BQ])\?([^?]*)\?=\s*/gi, (_m, enc: string, data: string) =>
    enc.toUpperCase() === 'B' ? Buffer.from(data, 'base64').toString('utf8') : qp(data.replace(/_/g, ' ')));
  for (const k of Object.keys(headers)) headers[k] = words(headers[k]);
  const body = rest.join('\n\n');
  const cte = (headers['content-transfer-encoding'] ?? '7bit').toLowerCase();
  const text = cte === 'base64' ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8') : cte === 'quoted-printable' ? qp(body.replace(/=\r?\n/g, '')) : body;
  return { headers, text };
}
function qp(s: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '=' && /^[0-9A-F]{2}$/i.test(s.slice(i + 1, i + 3))) { bytes.push(parseInt(s.slice(i + 1, i + 3), 16)); i += 2; } else bytes.push(...Buffer.from(s[i]));
  }
  return Buffer.from(bytes).toString('utf8');
}
async function mailTo(email: string, after = 0): Promise<Mail> {
  for (let i = 0; i < 100; i++) {
    const m = inbox.slice(after).find((x) => x.to.includes(email));
    if (m) return m;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`no mail to ${email}`);
}

beforeAll(async () => {
  smtp = new SMTPServer({
    secure: false, authOptional: true, disabledCommands: ['STARTTLS'], logger: false,
    onData(stream, session, done) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        inbox.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), ...parseMail(Buffer.concat(chunks).toString('utf8')) });
        done();
      });
    },
  });
  await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', () => r()));
  s = await startTestServer({ smtpUrl: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}` });
  ws = await s.workspace('Lotus 蓮花');
  survey = await liveSurvey(ws.owner, ws.id);
});
afterAll(async () => {
  await s.destroy();
  await new Promise<void>((r) => smtp.close(() => r()));
});

const submit = (payload: Record<string, unknown>) => s.app.inject({ method: 'POST', url: `/api/public/surveys/${survey.publicId}/responses`, payload });
const invite = (recipients: unknown[]) => ws.owner.post(`/api/workspaces/${ws.id}/surveys/${survey.id}/invitations`, { recipients });
function surveyLink(mail: Mail) {
  const m = /(https?:\/\/\S+\/s\/([A-Za-z0-9_-]+)\?t=(sv_[A-Za-z0-9_-]+)&lang=([A-Za-z-]+))/.exec(mail.text);
  if (!m) throw new Error(`no survey link in: ${mail.text}`);
  return { url: m[1], publicId: m[2], token: m[3], lang: m[4] };
}

describe('mail over real SMTP', () => {
  it('delivers a workspace invitation whose link lets the invitee join', async () => {
    expect(s.deps.mailer.kind).toBe('smtp');
    const res = await ws.owner.post(`/api/workspaces/${ws.id}/invitations`, { email: 'new.analyst@example.com', role: 'analyst' });
    expect(res.statusCode, res.body).toBe(201);
    const mail = await mailTo('new.analyst@example.com');
    expect(mail.from).toBe('no-reply@touchpoint.local');
    expect(mail.headers.subject).toBe('You are invited to Lotus 蓮花 on Touchpoint');
    expect(mail.text).toContain('你已獲邀加入 Touchpoint 工作區「Lotus 蓮花」');
    const token = /http:\/\/touchpoint\.test\/invite\/(inv_[A-Za-z0-9_-]+)/.exec(mail.text)![1];
    const acc = await s.app.inject({ method: 'POST', url: '/api/auth/accept-invitation', payload: { token, name: 'New Analyst', password: PASSWORD } });
    expect(acc.statusCode, acc.body).toBe(200);
    const me = await s.login('new.analyst@example.com', PASSWORD);
    expect((await me.get(`/api/workspaces/${ws.id}`)).json().role).toBe('analyst');
    const reuse = await s.app.inject({ method: 'POST', url: '/api/auth/accept-invitation', payload: { token } });
    expect(reuse.statusCode).toBe(409);
  });

  it('sends survey invitations whose token answers exactly once', async () => {
    const res = await invite([{ email: 'Chan.TaiMan@example.com', name: '陳大文', language: 'zh-Hant' }, { email: 'li@example.com', language: 'en' }]);
    expect(res.json()).toEqual({ sent: 2, throttled: [], noConsent: [], failed: [] });
    const chan = await mailTo('chan.taiman@example.com');
    expect(chan.headers.subject).toBe('邀請您分享體驗：Checkout NPS');
    expect(chan.text).toContain('陳大文 您好');
    const link = surveyLink(chan);
    expect(link).toMatchObject({ publicId: survey.publicId, lang: 'zh-Hant' });
    expect(link.url.startsWith(`http://touchpoint.test/s/${survey.publicId}?t=`)).toBe(true);
    expect((await s.app.inject({ url: new URL(link.url).pathname + new URL(link.url).search })).statusCode).toBe(200);

    const first = await submit({ idempotencyKey: 'chan-visit-1', answers: { nps: 10 }, inviteToken: link.token, language: 'zh-Hant' });
    expect(first.statusCode, first.body).toBe(201);
    const row = await s.deps.db.selectFrom('responses').select(['channel', 'respondent_id']).where('id', '=', first.json().id).executeTakeFirstOrThrow();
    expect(row.channel).toBe('email');
    const invited = await s.deps.db.selectFrom('survey_invites').select(['respondent_id', 'used_at']).where('survey_id', '=', survey.id).execute();
    expect(invited.map((i) => i.respondent_id)).toContain(row.respondent_id);

    expect((await submit({ idempotencyKey: 'chan-visit-1', answers: { nps: 10 }, inviteToken: link.token })).statusCode).toBe(200); // a retry is a replay
    const second = await submit({ idempotencyKey: 'chan-visit-2', answers: { nps: 0 }, inviteToken: link.token });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('invitation_used');
    const third = await submit({ idempotencyKey: 'chan-visit-3', answers: { csat: 2 }, complete: false, inviteToken: link.token });
    expect(third.json().error.code).toBe('invitation_used');
    expect((await submit({ idempotencyKey: 'forged-visit', answers: { nps: 1 }, inviteToken: 'sv_forged-token-value' })).json().error.code).toBe('invitation_not_found');

    // A partial answer does not spend the token; completing it does.
    const li = surveyLink(await mailTo('li@example.com'));
    expect((await submit({ idempotencyKey: 'li-visit-1', answers: { csat: 4 }, complete: false, inviteToken: li.token })).statusCode).toBe(201);
    expect((await submit({ idempotencyKey: 'li-visit-1', answers: { csat: 4, nps: 8 }, inviteToken: li.token })).json().status).toBe('complete');
    expect((await submit({ idempotencyKey: 'li-visit-2', answers: { nps: 8 }, inviteToken: li.token })).statusCode).toBe(409);
    const count = await s.deps.db.selectFrom('responses').select((eb) => eb.fn.countAll<number>().as('n')).where('survey_id', '=', survey.id).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(2);
  });

  it('throttles a second invitation to the same person within the cooldown', async () => {
    const before = inbox.length;
    const again = await invite([{ email: 'chan.taiman@EXAMPLE.com' }, { email: 'fresh@example.com' }]);
    expect(again.json()).toEqual({ sent: 1, throttled: ['chan.taiman@example.com'], noConsent: [], failed: [] });
    await mailTo('fresh@example.com', before);
    await new Promise((r) => setTimeout(r, 100));
    expect(inbox.slice(before).map((m) => m.to).flat()).toEqual(['fresh@example.com']);
    // The throttle is the workspace's cooldown: with none, the same person may be asked again.
    expect((await ws.owner.patch(`/api/workspaces/${ws.id}`, { settings: { recontactCooldownDays: 0 } })).statusCode).toBe(200);
    expect((await invite([{ email: 'chan.taiman@example.com' }])).json().sent).toBe(1);
    expect(surveyLink(await mailTo('chan.taiman@example.com', before + 1)).token).not.toBe(surveyLink(inbox.find((m) => m.to.includes('chan.taiman@example.com'))!).token);
  });
});
