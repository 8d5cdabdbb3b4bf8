/** autocannon, driven from this (parent) process while the server runs in its own process. */
import autocannon from 'autocannon';
import type { RotatingBodies } from './workload.js';

export interface LoadOptions {
  url: string; path: string; headers?: Record<string, string>; bodies: RotatingBodies;
  connections: number;
  /** Either a fixed request count (the run ends when every response is in) or a duration. */
  amount?: number; seconds?: number;
}

export interface LoadResult {
  requests: number; ok: number; non2xx: number; errors: number; timeouts: number;
  seconds: number; reqPerSec: number; okPerSec: number;
  latencyMs: { p50: number; p99: number; max: number };
  statusCodes: Record<string, number>; firstError?: string;
}

export async function runLoad(o: LoadOptions): Promise<LoadResult> {
  let firstError: string | undefined;
  const started = process.hrtime.bigint();
  const instance = autocannon({
    url: o.url, connections: o.connections, pipelining: 1, timeout: 30,
    ...(o.amount ? { amount: o.amount } : { duration: o.seconds ?? 10 }),
    requests: [{
      method: 'POST', path: o.path,
      headers: { 'content-type': 'application/json', ...o.headers },
      // A fresh body (fresh idempotency keys) for every request.
      setupRequest: (req: any) => ({ ...req, body: o.bodies.next() }),
    }],
    // Keep one rejected body, so a MISS caused by 4xx/5xx explains itself.
    setupClient: (client: any) => {
      let status = 0;
      client.on('headers', (h: { statusCode: number }) => { status = h.statusCode; });
      client.on('body', (b: Buffer) => { if (status >= 300 && !firstError) firstError = `${status} ${b.toString().slice(0, 300)}`; });
    },
  });
  const r = await instance;
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const statusCodes = Object.fromEntries(Object.entries(r.statusCodeStats ?? {}).map(([k, v]) => [k, Number((v as { count: number }).count)]));
  const requests = Object.values(statusCodes).reduce((a, b) => a + b, 0);
  return {
    requests, ok: r['2xx'], non2xx: r.non2xx, errors: r.errors, timeouts: r.timeouts, seconds,
    reqPerSec: requests / seconds, okPerSec: r['2xx'] / seconds,
    latencyMs: { p50: r.latency.p50, p99: r.latency.p99, max: r.latency.max },
    statusCodes, firstError,
  };
}

/**
 * A duration-based warm-up (JIT, caches, WAL growth) and a short calibration against a
 * throwaway target, then the measured run with a fixed request count sized from the
 * calibration rate: the measured run ends with no request in flight, so "stored rows =
 * acknowledged rows" can be checked exactly. (Sizing from the warm-up alone undershot: its
 * first second runs on cold code.)
 */
export async function warmThenMeasure(o: Omit<LoadOptions, 'amount' | 'seconds'>, warmPath: string, warmSeconds: number, targetSeconds: number) {
  const warm = await runLoad({ ...o, path: warmPath, seconds: warmSeconds });
  const calibration = await runLoad({ ...o, path: warmPath, seconds: 1.5 });
  const amount = Math.max(o.connections * 4, Math.round(calibration.okPerSec * targetSeconds));
  const run = await runLoad({ ...o, amount });
  return { warm, calibration, run };
}
