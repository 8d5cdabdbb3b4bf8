/**
 * Real receivers for alert tests: an SMTP server (smtp-server) keeping what it is sent, an HTTP
 * server that checks each webhook's HMAC signature and can be told to fail, and a reader of a
 * Server-Sent Events stream.
 */
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail { to: string[]; subject: string; text: string; html: string }

/** Decodes the parts nodemailer writes: headers (RFC 2047 words), quoted-printable or base64 bodies, one multipart level. */
export function parseMail(raw: string): { subject: string; text: string; html: string } {
  const split = (s: string) => { const i = s.search(/\r?\n\r?\n/); return [s.slice(0, i), s.slice(i).replace(/^\r?\n\r?\n/, '')]; };
  const headersOf = (head: string) => Object.fromEntries(head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/).map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
  const qp = (s: string) => Buffer.from(s.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})|[^=]+|=/gi, (m, hex: string) => (hex ? String.fromCharCode(parseInt(hex, 16)) : m)), 'latin1').toString('utf8');
  const body = (h: Record<string, string>, b: string) => (/base64/i.test(h['content-transfer-encoding'] ?? '') ? Buffer.from(b.replace(/\s+/g, ''), 'base64').toString('utf8') : /quoted-printable/i.test(h['content-transfer-encoding'] ?? '') ? qp(b) : b);
  const words = (v: string) => v.replace(/=\?utf-8\?([BQ])\?([^?]*)\?=\s*/gi, (_m, enc: string, data: string) => (enc.toUpperCase() === 'B' ? Buffer.from(data, 'base64').toString('utf8') : qp(data.replace(/_/g, ' '))));
  const [head, rest] = split(raw);
  const headers = headersOf(head);
  const out = { subject: words(headers.subject ?? ''), text: '', html: '' };
  const boundary = /boundary="?([^";]+)"?/.exec(headers['content-type'] ?? '')?.[1];
  const parts = boundary ? rest.split(`--${boundary}`).slice(1, -1).map((p) => split(p.replace(/^\r?\n/, ''))) : [[head, rest]];
  for (const [h, b] of parts) {
    const ph = headersOf(h);
    if (/text\/plain/i.test(ph['content-type'] ?? 'text/plain')) out.text = body(ph, b);
    if (/text\/html/i.test(ph['content-type'] ?? '')) out.html = body(ph, b);
  }
  return out;
}

export async function startSmtp() {
  const inbox: ReceivedMail[] = [];
  const server = new SMTPServer({
    secure: false, authOptional: true, disabledCommands: ['STARTTLS'], logger: false,
    onData(stream, session, done) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => { inbox.push({ to: session.envelope.rcptTo.map((r) => r.address), ...parseMail(Buffer.concat(chunks).toString('utf8')) }); done(); });
    },
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return { inbox, url: `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`, close: () => new Promise<void>((r) => server.close(() => r())) };
}

export interface Hook { path: string; headers: http.IncomingHttpHeaders; body: string; signatureValid: boolean; answered: number }

/**
 * Webhook receiver. Each request's signature is checked against `secrets[path]`; `fail[path]`
 * says how many more requests on that path get a 500 (Infinity: all of them, with a 503).
 */
export async function startWebhookReceiver() {
  const received: Hook[] = [];
  const secrets: Record<string, string> = {};
  const fail: Record<string, number> = {};
  const server = http.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => { body += c; });
    req.on('end', () => {
      const path = req.url ?? '/';
      const ts = String(req.headers['x-touchpoint-timestamp'] ?? '');
      const expected = `sha256=${crypto.createHmac('sha256', secrets[path] ?? '').update(`${ts}.${body}`).digest('hex')}`;
      const sent = String(req.headers['x-touchpoint-signature'] ?? '');
      const signatureValid = sent.length === expected.length && crypto.timingSafeEqual(Buffer.from(sent), Buffer.from(expected)) && Math.abs(Date.now() / 1000 - Number(ts)) < 300;
      const failing = (fail[path] ?? 0) > 0;
      if (failing && fail[path] !== Infinity) fail[path]--;
      const answered = !signatureValid ? 401 : failing ? (fail[path] === Infinity ? 503 : 500) : 204;
      received.push({ path, headers: req.headers, body, signatureValid, answered });
      res.writeHead(answered).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { received, secrets, fail, base, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/** Reads an SSE stream in the background; `events` fills as frames arrive. */
export function readEventStream(url: string, headers: Record<string, string>) {
  const events: { event: string; data: unknown }[] = [];
  let buffer = '';
  const req = http.get(url, { headers, agent: false }, (res) => {
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => {
      buffer += chunk;
      let at: number;
      while ((at = buffer.indexOf('\n\n')) >= 0) {
        const frame = buffer.slice(0, at);
        buffer = buffer.slice(at + 2);
        const event = /^event: (.*)$/m.exec(frame)?.[1];
        const data = /^data: (.*)$/m.exec(frame)?.[1];
        if (event && data) events.push({ event, data: JSON.parse(data) });
      }
    });
  });
  req.on('error', () => undefined);
  return { events, close: () => req.destroy() };
}

/** Polls `check` until it returns a value (not undefined/false) or `ms` pass. */
export async function eventually<T>(check: () => Promise<T | undefined | false> | T | undefined | false, ms = 15_000, what = 'condition'): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await check();
    if (v !== undefined && v !== false) return v as T;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
