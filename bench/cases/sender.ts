/**
 * A paced sender: each answer leaves at its scheduled time whether or not earlier ones have been
 * answered (an arrival rate, open loop, as respondents arrive), not a closed-loop blast that waits
 * for replies. Keep-alive sockets; two answers due in the same millisecond go out on two sockets in
 * the same turn of the event loop, so they reach the server together.
 */
import http from 'node:http';
import type { Send } from './schedule.js';

export interface Sent {
  send: Send;
  /** Wall clock (epoch ms) when the request was written: comparable with the server's ISO times. */
  sentAt: number;
  /** How late the sender was against the schedule (ms). */
  lagMs: number;
  /** The final status; `ms` until it (retries included); the first attempt's status and error. */
  status: number; ms: number; responseId: string | null; error?: string;
  attempts: number; firstStatus: number;
}

/**
 * A 5xx is tried again at once with the same idempotency key, up to 3 attempts in all: what a
 * forwarding backend, or a respondent pressing "Try again", does. First attempts that failed are
 * counted apart (`firstStatus`), so a refusal the retry hid is still reported.
 */
const MAX_ATTEMPTS = 3;

export async function sendPaced(url: string, publicId: string, sends: Send[]): Promise<{ sent: Sent[]; seconds: number }> {
  const target = new URL(`/api/public/surveys/${publicId}/responses`, url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const sent: Sent[] = [];
  let pending = 0;
  let next = 0;
  let done: () => void;
  const finished = new Promise<void>((r) => { done = r; });
  const t0 = performance.now();

  const fire = (s: Send) => {
    const body = JSON.stringify({ idempotencyKey: s.key, answers: { nps: s.nps }, customerExternalId: s.customer, language: 'en', complete: true });
    const started = performance.now();
    const rec: Sent = { send: s, sentAt: Date.now(), lagMs: started - t0 - s.at, status: 0, ms: 0, responseId: null, attempts: 0, firstStatus: 0 };
    sent.push(rec);
    pending++;
    const settle = () => { rec.ms = performance.now() - started; if (--pending === 0 && next >= sends.length) done(); };
    const attempt = () => {
      rec.attempts++;
      const retry = () => (rec.attempts < MAX_ATTEMPTS ? attempt() : settle());
      const req = http.request(target, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          rec.status = res.statusCode ?? 0;
          if (!rec.firstStatus) rec.firstStatus = rec.status;
          const text = Buffer.concat(chunks).toString('utf8');
          if (rec.status === 201 || rec.status === 200) { rec.responseId = (JSON.parse(text) as { id: string }).id; settle(); return; }
          if (!rec.error) rec.error = `${rec.status} ${text.slice(0, 300)}`;
          if (rec.status >= 500) retry(); else settle();
        });
      });
      req.on('error', (err) => { if (!rec.error) rec.error = err.message; retry(); });
      req.end(body);
    };
    attempt();
  };

  const tick = () => {
    const now = performance.now() - t0;
    while (next < sends.length && sends[next].at <= now) fire(sends[next++]);
    if (next < sends.length) setTimeout(tick, Math.max(0, Math.min(5, sends[next].at - now)));
    else if (pending === 0) done();
  };
  tick();
  await finished;
  agent.destroy();
  return { sent, seconds: (performance.now() - t0) / 1000 };
}
