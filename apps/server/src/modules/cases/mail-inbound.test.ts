import fc from 'fast-check';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { findCaseToken, findCaseTokenInThread, parseSubjectTag } from './mail-address.js';
import {
  htmlToPlainText, InboundMailTooLarge, InboundMailUnreadable, MAX_INBOUND_BYTES, parseInboundMail, stripQuotedReply,
} from './mail-inbound.js';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name));
const TOKEN = 'k3v9q2m8x7w4p1za';
const CASE_ADDRESS = `cases+c-${TOKEN}@support.example.com`;
const OUR_ID = `<case.${TOKEN}.a1b2c3d4e5f6@support.example.com>`;
const BASE = 'Touchpoint <cases@support.example.com>';

describe('parseInboundMail on real-world shapes', () => {
  it('Gmail: UTF-8 quoted-printable, "-- " signature and a wrapped attribution cut off', async () => {
    const m = await parseInboundMail(fixture('gmail-reply.eml'));
    expect(m.text).toBe('Thanks for getting back to me so quickly.\n\nThe parcel finally arrived this morning, but the box was crushed and one mug was broken. Could you send a replacement?');
    expect(m.fullText).toContain('> We are sorry your delivery was late.');
    expect(m).toMatchObject({
      messageId: '<CAF7sK2p0Jq=xYz+Ab_cD1234@mail.gmail.com>', inReplyTo: OUR_ID, references: [OUR_ID],
      from: { address: 'jane.doe@example.net', name: 'Jane Doe' }, to: [CASE_ADDRESS],
      subject: 'Re: Your delivery [#42]', date: '2025-11-24T03:15:42.000Z', attachments: [], autoReply: false,
    });
  });

  it('Outlook: ISO-8859-1, header block under a rule; the plus-address only in X-Original-To', async () => {
    const m = await parseInboundMail(fixture('outlook-reply.eml'));
    expect(m.text).toBe('Hello Mei,\n\nYes, the replacement reached us at the café yesterday. All good now.\n\nKind regards\nPeter Chan');
    expect(m.to).toEqual([CASE_ADDRESS, 'cases@support.example.com', 'sam.lee@example.org']);
    expect(findCaseToken(m.to, BASE)).toBe(TOKEN);
    expect(m.references).toEqual([`<case.${TOKEN}.0z9y8x7w6v5u@support.example.com>`, OUR_ID]);
    expect(m.subject).toBe('RE: Your delivery [#42]');
  });

  it('Apple Mail: emoji and curly quotes, the quoted attribution and history cut', async () => {
    const m = await parseInboundMail(fixture('apple-mail.eml'));
    expect(m.text).toBe('That’s great, thank you. The new mug arrived in one piece 🙂\n\nBest,\nJane');
    expect(m.to).toEqual([CASE_ADDRESS, 'partner@example.net']);
    expect(m.date).toBe('2025-11-25T00:30:12.000Z');
  });

  it('Big5 (Traditional Chinese, Outlook): body, subject and name decoded; 原始郵件 cut', async () => {
    const m = await parseInboundMail(fixture('big5-reply.eml'));
    // 許 and 功 end in byte 0x5C ("\"), the classic Big5 trap.
    expect(m.text).toBe('您好，\n\n包裹今天收到了，謝謝你們的幫忙。外箱有點破損，但裡面的杯子沒事。\n也許下次可以加強包裝。這次處理得很成功，謝謝！\n\n陳大文');
    expect(m.subject).toBe('回覆: 您的包裹 [#42]');
    expect(parseSubjectTag(m.subject)).toBe(42);
    expect(m.from).toEqual({ address: 'tai.man@example.com.tw', name: '陳大文' });
    expect(m.fullText).toContain('寄件者: Touchpoint 客服');
  });

  it('GBK (Simplified Chinese): base64 parts, a GBK-only character, 「在…写道：」 cut', async () => {
    const m = await parseInboundMail(fixture('gbk-reply.eml'));
    expect(m.text).toBe('你好，\n\n快递已经收到了，但是里面的杯子碎了一个，麻烦尽快补发。\n\n谢谢！\n王喆');
    expect(m.from).toEqual({ address: 'wang.zhe@example.cn', name: '王喆' });
    expect(m.subject).toBe('回复：您的包裹 [#42]');
    expect(m.inReplyTo).toBeNull();
    expect(findCaseTokenInThread(m.inReplyTo, m.references)).toBe(TOKEN);
    expect(findCaseToken(m.to, BASE)).toBe(TOKEN); // from Delivered-To: To has the plain address
  });

  it('HTML only: text from the HTML, entities decoded, Gmail quote cut', async () => {
    const m = await parseInboundMail(fixture('html-only.eml'));
    expect(m.text).toBe('謝謝，問題已經解決了 & 東西都收到了。\n之後有問題會再聯絡你們。\n\n陳小姐');
    expect(m.fullText).toContain('我們已經重新寄出您的訂單。');
    expect(m.fullText).not.toMatch(/<div|font-family/);
  });

  it('multipart/mixed: attachment metadata only, an RFC 2231 Chinese file name decoded', async () => {
    const m = await parseInboundMail(fixture('attachment.eml'));
    expect(m.text).toBe('Here are a photo of the broken mug and the receipt.\n\nJane');
    expect(m.attachments).toEqual([
      { filename: 'mug.png', contentType: 'image/png', size: 70 },
      { filename: '收據.pdf', contentType: 'application/pdf', size: 77 },
    ]);
    expect(JSON.stringify(m)).not.toContain('PDF-1.4');
  });

  it('reads every fixture the same with CRLF line ends, as from a real MTA', async () => {
    for (const name of fs.readdirSync(FIXTURES)) {
      const lf = fixture(name);
      const crlf = Buffer.from(lf.toString('latin1').replace(/\r?\n/g, '\r\n'), 'latin1');
      expect(await parseInboundMail(crlf), name).toEqual(await parseInboundMail(lf));
    }
  });
});

describe('charsets and transfer encodings', () => {
  const body = '您好，杯子破了，許功蓋；麻煩補寄一個。\nThanks — Jane';
  const hansBody = '您好，杯子破了，麻烦补寄一个。王喆\nThanks — Jane';
  const cases: [string, string][] = [
    ['big5', body], ['utf-8', body], ['gb18030', body], ['gb18030', hansBody], ['gbk', hansBody], ['gb2312', '您好，杯子破了，麻烦补寄一个。\nThanks'],
  ];
  const qp = (bytes: Buffer) => [...bytes].map((b) => (b === 10 ? '\n' : b >= 33 && b <= 126 && b !== 61 ? String.fromCharCode(b) : `=${b.toString(16).toUpperCase().padStart(2, '0')}`)).join('').replace(/(.{72}[^=]{0,2})/g, '$1=\n');

  it.each(cases)('%s body in base64, quoted-printable and 8bit', async (charset, text) => {
    const bytes = iconv.encode(text, charset);
    const head = (cte: string) => `From: a@example.com\nTo: b@example.com\nSubject: =?${charset}?B?${iconv.encode('回覆 ' + text.slice(0, 8), charset).toString('base64')}?=\nContent-Type: text/plain; charset="${charset}"\nContent-Transfer-Encoding: ${cte}\n\n`;
    const raws = [
      Buffer.from(head('base64') + bytes.toString('base64').replace(/.{76}/g, '$&\n')),
      Buffer.from(head('quoted-printable') + qp(bytes)),
      Buffer.concat([Buffer.from(head('8bit')), bytes]),
    ];
    for (const raw of raws) {
      const m = await parseInboundMail(raw);
      expect(m.fullText).toBe(text);
      expect(m.subject).toBe('回覆 ' + text.slice(0, 8));
    }
  });
});

describe('auto-replies', () => {
  const raw = fixture('auto-reply.eml').toString('utf8');
  const without = (...names: string[]) => raw.split('\n').filter((l) => !names.some((n) => l.toLowerCase().startsWith(n.toLowerCase() + ':'))).join('\n');
  const plain = (headers: string, subject = 'Re: Your delivery [#42]') => `From: a@example.com\nTo: b@example.com\nSubject: ${subject}\n${headers}Content-Type: text/plain\n\nhello\n`;

  it('are recognised by each signal alone', async () => {
    expect((await parseInboundMail(raw)).autoReply).toBe(true);
    expect((await parseInboundMail(without('Precedence', 'Subject'))).autoReply).toBe(true); // Auto-Submitted
    expect((await parseInboundMail(without('Auto-Submitted', 'Subject'))).autoReply).toBe(true); // Precedence
    expect((await parseInboundMail(without('Auto-Submitted', 'Precedence'))).autoReply).toBe(true); // 自動回覆 subject
    for (const h of ['X-Autoreply: yes\n', 'X-Autorespond: vacation\n', 'Precedence: bulk\n', 'X-Failed-Recipients: x@example.com\n']) {
      expect((await parseInboundMail(plain(h))).autoReply, h).toBe(true);
    }
    for (const s of ['Out of Office: Your delivery', 'Automatic reply: Your delivery [#42]', '自动回复：您的包裹', '[Auto-Reply] hello', '自動回復: 您的包裹']) {
      expect((await parseInboundMail(plain('', s))).autoReply, s).toBe(true);
    }
    const bounce = `From: MAILER-DAEMON@example.com\nTo: b@example.com\nSubject: failure notice\nContent-Type: multipart/report; report-type=delivery-status; boundary=b\n\n--b\nContent-Type: text/plain\n\nnot delivered\n--b--\n`;
    expect((await parseInboundMail(bounce)).autoReply).toBe(true);
  });

  it('are not claimed for ordinary replies', async () => {
    expect((await parseInboundMail(without('Auto-Submitted', 'Precedence', 'Subject'))).autoReply).toBe(false);
    for (const h of ['Auto-Submitted: no\n', 'Precedence: list\n']) expect((await parseInboundMail(plain(h))).autoReply, h).toBe(false);
    expect((await parseInboundMail(plain('', 'Re: your out of office hours support'))).autoReply).toBe(false);
  });
});

describe('limits and refusals', () => {
  it('refuses more than MAX_INBOUND_BYTES with a 413 error, Buffer or string', async () => {
    const big = Buffer.alloc(MAX_INBOUND_BYTES + 1, 0x61);
    await expect(parseInboundMail(big)).rejects.toBeInstanceOf(InboundMailTooLarge);
    await expect(parseInboundMail(big)).rejects.toMatchObject({ statusCode: 413, code: 'inbound_mail_too_large' });
    // 3.5M three-byte characters: fewer UTF-16 units than the limit, more bytes.
    await expect(parseInboundMail('Subject: x\n\n' + '字'.repeat(3_500_000))).rejects.toBeInstanceOf(InboundMailTooLarge);
  });

  it('refuses what is not a mail with a 400 error', async () => {
    for (const raw of ['', '\n\n', Buffer.from([0xff, 0xfe, 0x00, 0x01, 0x80])]) {
      await expect(parseInboundMail(raw)).rejects.toBeInstanceOf(InboundMailUnreadable);
      await expect(parseInboundMail(raw)).rejects.toMatchObject({ statusCode: 400, code: 'inbound_mail_unreadable' });
    }
  });

  it('keeps a missing or unreadable Date as null rather than "now"', async () => {
    expect((await parseInboundMail('From: a@example.com\nSubject: x\n\nhi')).date).toBeNull();
    expect((await parseInboundMail('From: a@example.com\nDate: yesterday-ish\nSubject: x\n\nhi')).date).toBeNull();
    expect((await parseInboundMail('From: a@example.com\nSubject: x\n\nhi')).from).toEqual({ address: 'a@example.com', name: null });
  });

  it('falls back to its own tag stripper when the HTML is too deep for mailparser', async () => {
    const deep = '<div>'.repeat(1100) + '麻煩補寄 &amp; thanks<br>Jane' + '</div>'.repeat(1100);
    const m = await parseInboundMail(`From: a@example.com\nSubject: x\nContent-Type: text/html; charset=utf-8\n\n${deep}`);
    expect(m.text).toBe('麻煩補寄 & thanks\nJane');
    expect(htmlToPlainText('<style>p{}</style><p>a &lt;b&gt; &#x4e2d;&#25991; &nbsp;c</p><!-- x --><p>d</p>')).toBe('a <b> 中文  c\nd');
  });
});

describe('stripQuotedReply', () => {
  it.each([
    ['EN attribution', 'Yes please.\n\nOn Tue, 25 Nov 2025 at 09:00, Mei <m@x.com> wrote:\n> Shall we?', 'Yes please.'],
    ['EN attribution over two lines', 'Yes please.\nOn Tue, Nov 25, 2025 at 9:00 AM Touchpoint Support <\ncases@x.com> wrote:\n> q', 'Yes please.'],
    ['Original Message', 'Fine.\n-----Original Message-----\nFrom: a\nSent: b', 'Fine.'],
    ['Outlook block without rule', 'Fine.\n\nFrom: Mei <m@x.com>\nSent: Tuesday\nTo: Jane\nSubject: x\n\nold', 'Fine.'],
    ['bold Outlook block', 'Fine.\n*From:* Mei\n*Sent:* Tuesday', 'Fine.'],
    ['underscore rule', 'Fine.\n________________________________\nold', 'Fine.'],
    ['trailing > lines', 'Fine.\n\n> old\n> older\n>', 'Fine.'],
    ['signature', 'Fine.\n-- \nJane Doe\nACME', 'Fine.'],
    ['Sent from my iPhone', 'Fine.\n\nSent from my iPhone\n\n> On 24 Nov 2025, at 10:02, X <x@y.z> wrote:', 'Fine.'],
    ['Get Outlook for iOS', 'Fine.\n\nGet Outlook for iOS\nold', 'Fine.'],
    ['发自我的华为手机', '好的。\n\n发自我的华为手机\nold', '好的。'],
    ['從我的 iPhone 傳送', '好的，謝謝。\n\n從我的 iPhone 傳送', '好的，謝謝。'],
    ['发自我的iPhone', '好的，谢谢。\n\n发自我的iPhone\n\n------------------ 原始邮件 ------------------', '好的，谢谢。'],
    ['於…寫道：', '收到。\n\nTouchpoint 客服 <cases@x.com> 於 2025年11月24日 週一 上午10:02寫道：\n> 您好', '收到。'],
    ['於…寫道: wrapped', '收到。\nTouchpoint 客服 <cases@x.com> 於 2025年11月24日 週一\n上午10:02寫道:\n> 您好', '收到。'],
    ['在…写道：', '收到。\n在 2025年11月24日 10:02，客服 <c@x.com> 写道：\n> 您好', '收到。'],
    ['Apple zh attribution', '收到。\n\n2025年11月24日 上午10:02，客服 <c@x.com> 寫道：\n\n> 您好', '收到。'],
    ['原始郵件', '收到。\n-----原始郵件-----\n寄件者: 客服', '收到。'],
    ['原始邮件', '收到。\n-----原始邮件-----\n发件人: 客服', '收到。'],
    ['寄件者 block', '收到。\n\n寄件者：客服 <c@x.com>\n寄件日期：2025年11月24日\n收件者：我\n主旨：您的包裹', '收到。'],
    ['发件人 block', '收到。\n发件人: "客服"<c@x.com>;\n发送时间: 2025年11月24日(星期一) 上午10:02\n收件人: "王"<w@x.cn>;', '收到。'],
    ['發件人 block', '收到。\n發件人: 客服\n時間: 2025年11月24日', '收到。'],
    ['回覆： block', '收到。\n\n回覆：您的包裹 [#42]\n寄件者：客服\n日期：2025/11/24', '收到。'],
  ])('cuts at %s', (_name, input, expected) => {
    expect(stripQuotedReply(input)).toBe(expected);
  });

  it.each([
    ['prose that mentions writing', 'On Monday you wrote: we will call back.\nNobody called.'],
    ['a From: line in prose', 'From: my point of view this is slow.\nPlease hurry.'],
    ['a quote of theirs in the middle', 'You said\n> soon\nbut nothing came.'],
    ['Chinese prose with 写道', '他在信里写道：\n明天到。'],
    ['a route in From:/To: lines', 'The parcel went\nFrom: Taipei\nTo: Kaohsiung\nand came back.'],
    ['"Sent from my" in prose', 'Sent from my account twice, the money never arrived.\nPlease check.'],
    ['"发自我的" in prose', '发自我的内心，感谢你们的帮忙。\n希望下次更快。'],
  ])('leaves %s alone', (_name, input) => {
    expect(stripQuotedReply(input)).toBe(input);
  });

  it('returns the whole text when nothing precedes the quote', () => {
    expect(stripQuotedReply('  \n-----Original Message-----\nFrom: x\nhello\n')).toBe('-----Original Message-----\nFrom: x\nhello');
    expect(stripQuotedReply('> only a quote\n> here')).toBe('> only a quote\n> here');
    expect(stripQuotedReply('')).toBe('');
  });

  const MARKERS = [
    '-- ', '-----Original Message-----', '________________________________', 'Sent from my iPhone', '從我的 iPhone 傳送', '发自我的iPhone',
    'On Mon, Nov 24, 2025 at 10:02 AM X <x@y.z> wrote:', '在 2025年11月24日 10:02，X 写道：', '> quoted', 'From: X', 'Sent: Monday', '寄件者：X', '主旨：Y', '-----原始郵件-----',
  ];
  const line = fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom(...MARKERS), fc.constant(''));
  // Letters, Chinese and spaces after "Hello": no colon, digit or dash, so never a quote's first line.
  const firstLine = fc.stringMatching(/^[A-Za-z一-龥 ，。]{0,30}$/).map((s) => `Hello ${s}`);

  it('never grows, never empties real text, and is stable when applied again', () => {
    fc.assert(fc.property(fc.array(line, { maxLength: 12 }), firstLine, fc.constantFrom('\n', '\r\n'), (rest, first, eol) => {
      const input = [first, ...rest].join(eol);
      const out = stripQuotedReply(input);
      expect(out.length).toBeLessThanOrEqual(input.length);
      expect(out.startsWith(first.trim())).toBe(true);
      expect(stripQuotedReply(out)).toBe(out);
    }), { seed: 20261124, numRuns: 300 });
    fc.assert(fc.property(fc.array(line, { maxLength: 12 }), (lines) => {
      const input = lines.join('\n');
      const out = stripQuotedReply(input);
      expect(out.length).toBeLessThanOrEqual(input.length);
      expect(input.includes(out)).toBe(true);
      if (input.trim()) expect(out).not.toBe('');
    }), { seed: 20261124, numRuns: 300 });
  });
});
