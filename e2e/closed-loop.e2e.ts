/**
 * The whole closed loop in 繁體中文, with a real SMTP server capturing what the product sends:
 *   1. a customer invited by email answers as a detractor on the respondent page, in 繁體中文;
 *   2. a case opens and goes to the Chinese-speaking agent (not the English-speaking one);
 *   3. the agent replies from the case page; the SMTP server receives the email;
 *   4. the customer answers by email (raw MIME to the inbound address, in the reply's thread);
 *   5. the agent resolves the case with a root cause, sending the re-survey;
 *   6. the customer answers the re-survey 9, and the loop numbers show the recovery.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, screenshotPath, signIn, startServer, workspaceWithLiveSurvey, type RunningServer, pageRequest as api } from './support.js';

const OWNER = { email: 'lead@lotus.example', password: 'a-long-test-password' };
const PASSWORD = 'agent-password-123';
const t = (en: string, hant: string) => ({ en, 'zh-Hant': hant });

interface Mail { to: string[]; subject: string; text: string; messageId: string; replyTo: string; raw: string }
const mails: Mail[] = [];
let smtp: SMTPServer;
let server: RunningServer;
let browser: Browser;
let workspaceId: string, surveyId: string;

async function nextMail(to: string, after: number): Promise<Mail> {
  for (let i = 0; i < 300; i++) {
    const m = mails.slice(after).find((x) => x.to.includes(to));
    if (m) return m;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no mail to ${to}`);
}

beforeAll(async () => {
  smtp = new SMTPServer({
    secure: false, authOptional: true, disabledCommands: ['STARTTLS'], logger: false,
    onData(stream, session, done) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', async () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const p = await simpleParser(raw);
        const replyTo = (Array.isArray(p.replyTo) ? p.replyTo[0] : p.replyTo)?.value[0]?.address ?? '';
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), subject: p.subject ?? '', text: p.text ?? '', messageId: p.messageId ?? '', replyTo, raw });
        done();
      });
    },
  });
  await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', () => r()));
  [server, browser] = await Promise.all([
    startServer({ SMTP_URL: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`, MAIL_FROM: 'Lotus Care <care@lotus.example>' }),
    launchChromium(),
  ]);
  ({ workspaceId, surveyId } = await workspaceWithLiveSurvey(server, OWNER, {
    name: 'Delivery check-in',
    definition: {
      languages: ['en', 'zh-Hant'], defaultLanguage: 'en', thankYou: t('Thanks', '謝謝'),
      questions: [
        { id: 'nps', type: 'nps', required: true, title: t('How likely are you to recommend us?', '您有多大可能向朋友推薦我們？') },
        { id: 'why', type: 'open_text', required: false, title: t('Why?', '原因是？') },
      ],
    },
  }));
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await new Promise<void>((r) => smtp.close(() => r()));
});

/** An agent invited by the owner; the invitation arrives through SMTP and is accepted. */
async function invitedAgent(owner: Page, email: string, name: string): Promise<string> {
  const before = mails.length;
  expect((await api(owner, 'POST', `/api/workspaces/${workspaceId}/invitations`, { email, role: 'agent' })).status).toBe(201);
  const token = /\/invite\/(inv_[A-Za-z0-9_-]+)/.exec((await nextMail(email, before)).text)![1];
  const res = await fetch(`${server.url}/api/auth/accept-invitation`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token, name, password: PASSWORD }) });
  expect(res.status).toBe(200);
  const agents = (await api<{ userId: string; email: string }[]>(owner, 'GET', `/api/workspaces/${workspaceId}/cases/agents`)).json;
  return agents.find((a) => a.email === email)!.userId;
}

const surveyLink = (text: string) => /https?:\/\/\S+\/s\/\S+/.exec(text)![0].replace(/^https?:\/\/[^/]+/, server.url);

describe('the closed loop', () => {
  it('goes from an unhappy answer in 繁體中文 to a recovered customer', async () => {
    const ownerCtx = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'en-US' });
    const owner = await ownerCtx.newPage();
    await signIn(owner, server, OWNER, workspaceId);

    // Set-up: a team on Taipei hours, an English and a Chinese agent, the owner away, a rule.
    const week = [[], ...Array.from({ length: 5 }, () => [{ from: '00:00', to: '24:00' }]), []];
    const team = await api(owner, 'POST', `/api/workspaces/${workspaceId}/cases/teams`, { name: '客服', timeZone: 'Asia/Taipei', hours: week, assignment: 'least_loaded' });
    expect(team.status).toBe(201);
    const en = await invitedAgent(owner, 'sam@lotus.example', 'Sam');
    const zh = await invitedAgent(owner, 'mei-agent@lotus.example', '美玲');
    for (const [id, languages] of [[en, ['en']], [zh, ['zh-Hant']]] as const) {
      expect((await api(owner, 'PUT', `/api/workspaces/${workspaceId}/cases/agents/${id}`, { teamId: team.json.id, languages })).status).toBe(200);
    }
    expect((await api(owner, 'PUT', `/api/workspaces/${workspaceId}/cases/agents/me/availability`, { availability: 'away' })).status).toBe(200);
    expect((await api(owner, 'POST', `/api/workspaces/${workspaceId}/cases/rules`, { name: '不滿意的顧客', trigger: { match: 'all', conditions: [{ kind: 'score', metric: 'nps', op: 'lte', value: 6 }] }, actions: { priority: 'high', teamId: team.json.id } })).status).toBe(201);

    // 1. The customer is invited and answers on the respondent page, in 繁體中文.
    let mark = mails.length;
    expect((await api(owner, 'POST', `/api/workspaces/${workspaceId}/surveys/${surveyId}/invitations`, { recipients: [{ email: 'chen@example.tw', name: '陳小姐', language: 'zh-Hant' }] })).status).toBe(200);
    const invitation = await nextMail('chen@example.tw', mark);
    const customer = await browser.newContext({ viewport: { width: 390, height: 800 }, isMobile: true, locale: 'zh-TW' });
    const phone = await customer.newPage();
    await phone.goto(surveyLink(invitation.text));
    expect(await phone.locator('.tp-qtitle').first().innerText()).toContain('推薦');
    await phone.locator('.tp-score', { hasText: /^2$/ }).click();
    await phone.locator('.tp-primary').click();
    await phone.locator('.tp-text').fill('等了兩個星期還沒收到包裹，客服電話也沒人接。');
    await phone.locator('.tp-primary').click();
    await phone.locator('.tp-end').waitFor();

    // 2. The case opens and goes to the Chinese-speaking agent, who works in 繁體中文.
    const agentCtx = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-TW' });
    const agent = await agentCtx.newPage();
    await signIn(agent, server, { email: 'mei-agent@lotus.example', password: PASSWORD }, workspaceId);
    await agent.getByTestId('nav-cases').click();
    await agent.waitForURL(/\/cases$/);
    expect(await agent.getByTestId('page-title').innerText()).toBe('案件');
    const row = agent.getByTestId('case-row').first();
    await row.waitFor({ timeout: 30_000 });
    expect(await row.innerText()).toContain('陳小姐');
    expect(await row.getByTestId('case-owner').innerText()).toContain('美玲');
    await row.click();
    await agent.waitForURL(/\/cases\/[^/?]+$/);
    const caseId = new URL(agent.url()).pathname.split('/').pop()!;
    await agent.getByTestId('case-timeline').waitFor();
    expect(await agent.getByTestId('case-response').innerText()).toContain('兩個星期');

    // 3. The agent replies; the SMTP server receives it, threaded and plus-addressed.
    mark = mails.length;
    await agent.locator('body').click({ position: { x: 5, y: 300 } });
    await agent.keyboard.press('r');
    await agent.getByTestId('composer-text').fill('陳小姐您好，很抱歉讓您久等。我們已重新寄出包裹，明天下午三點前會送達，追蹤編號會另外寄給您。');
    await agent.getByTestId('reply-quality').waitFor();
    await agent.getByTestId('composer-send').click();
    const reply = await nextMail('chen@example.tw', mark);
    expect(reply.text).toContain('重新寄出包裹');
    expect(reply.subject).toMatch(/\[#1\]/);
    expect(reply.replyTo).toMatch(/^care\+c-[a-z0-9]+@lotus\.example$/);
    await agent.getByTestId('case-sla-paused').waitFor();

    // 4. The customer answers by email: the case hears it live and is open again.
    const inboundUrl = (await api<{ inboundUrl: string }>(owner, 'GET', `/api/workspaces/${workspaceId}/cases/settings`)).json.inboundUrl.replace(/^https?:\/\/[^/]+/, server.url);
    const answer = [`From: 陳小姐 <chen@example.tw>`, `To: ${reply.replyTo}`, `Subject: Re: ${reply.subject}`, `Message-ID: <chen-1@example.tw>`, `In-Reply-To: ${reply.messageId}`, `References: ${reply.messageId}`,
      'MIME-Version: 1.0', 'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: 8bit', '', '收到了，謝謝你們的處理！', '', `於 2026年11月24日 Lotus Care 寫道：`, '> 陳小姐您好', ''].join('\r\n');
    const posted = await fetch(inboundUrl, { method: 'POST', headers: { 'content-type': 'message/rfc822' }, body: answer });
    expect(posted.status).toBe(202);
    await agent.getByTestId('case-event').filter({ hasText: '收到了，謝謝你們的處理！' }).waitFor({ timeout: 10_000 });
    await expect.poll(() => agent.getByTestId('case-status-select').inputValue()).toBe('open');

    // 5. Resolved with a root cause; the re-survey goes out.
    mark = mails.length;
    await agent.locator('body').click({ position: { x: 5, y: 300 } });
    await agent.keyboard.press('e');
    const dialog = agent.getByTestId('case-close-dialog');
    await dialog.waitFor();
    const causes = await dialog.getByTestId('case-close-root-cause').locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
    await dialog.getByTestId('case-close-root-cause').selectOption(causes.includes('delivery') ? 'delivery' : causes[0]);
    const codes = await dialog.getByTestId('case-close-code').locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
    await dialog.getByTestId('case-close-code').selectOption(codes[0]);
    expect(await dialog.getByTestId('case-close-resurvey').isChecked()).toBe(true);
    await dialog.getByTestId('case-close-submit').click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await agent.getByTestId('case-status-select').inputValue()).toBe('resolved');
    const resurvey = await nextMail('chen@example.tw', mark);
    expect(resurvey.subject).toBe('您的問題解決了嗎？');
    await agent.screenshot({ path: screenshotPath('closed-loop-case-zh-Hant.png'), fullPage: true });

    // 6. The customer answers the re-survey: resolved, 5, and 9 — recovered.
    await phone.goto(surveyLink(resurvey.text));
    await phone.locator('.tp-option', { hasText: '是' }).click();
    await phone.locator('.tp-primary').click();
    await phone.locator('.tp-score', { hasText: /^5$/ }).click();
    await phone.locator('.tp-primary').click();
    await phone.locator('.tp-score', { hasText: /^9$/ }).click();
    await phone.locator('.tp-primary').click();
    await phone.locator('.tp-end').waitFor();
    await customer.close();
    await agent.getByTestId('case-event').filter({ hasText: '9' }).last().waitFor({ timeout: 10_000 });

    await agent.goto(`${server.url}/w/${workspaceId}/cases/loop`);
    const recovery = agent.getByTestId('loop-kpi-recovery');
    await recovery.waitFor();
    await expect.poll(() => recovery.getByTestId('loop-kpi-value').innerText(), { timeout: 10_000 }).toBe('100%');
    expect(await recovery.innerText()).toMatch(/1\D+1/);
    await agent.screenshot({ path: screenshotPath('closed-loop-metrics-zh-Hant.png'), fullPage: true });
    const detail = (await api(owner, 'GET', `/api/workspaces/${workspaceId}/cases/${caseId}`)).json;
    expect(detail.responses.find((r: { resurvey: boolean }) => r.resurvey)).toMatchObject({ nps: 9 });
    await ownerCtx.close();
    await agentCtx.close();
  }, 180_000);
});
