/**
 * One webhook request, sent only where webhook-address.ts allows. The host name is resolved
 * once, every address it gives is checked, and the connection is made to the checked address
 * through a `lookup` that returns nothing else: a name that resolves to a public address for
 * the check and to 127.0.0.1 a moment later (DNS rebinding) still reaches the public one.
 * Redirects are not followed (the signed alert would go where the rule does not name).
 */
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { blockedAddress, parseIp, webhookUrlProblem } from './webhook-address.js';

/** The target is not allowed: a lasting answer, so delivery records it as failed without retrying. */
export class WebhookRefused extends Error {
  override name = 'WebhookRefused';
}

interface Target { address: string; family: 4 | 6 }

async function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`${what} timed out`)), ms); });
  try { return await Promise.race([p, late]); } finally { clearTimeout(timer); }
}

/** The address to connect to: the literal itself, or the first a name resolves to once all of them passed. */
export async function resolveWebhookTarget(url: URL, opts: { allowPrivate: boolean; timeoutMs: number }): Promise<Target> {
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const literal = parseIp(host);
  const found: Target[] = literal ? [{ address: host, family: literal.length === 4 ? 4 : 6 }]
    : (await withTimeout(dns.promises.lookup(host, { all: true, verbatim: true }), opts.timeoutMs, `resolving ${host}`)) as Target[];
  if (!found.length) throw new Error(`${host} has no address`);
  if (!opts.allowPrivate) {
    // Every address, not just the first: a name may not mix a public decoy with a private target.
    for (const a of found) {
      const why = blockedAddress(a.address);
      if (why) throw new WebhookRefused(literal ? `${host} is a ${why} address` : `${host} resolves to ${a.address}, a ${why} address`);
    }
  }
  return found[0];
}

/**
 * POSTs `body` to `rawUrl` and returns the HTTP status. Throws WebhookRefused for a target that is
 * not allowed, and other errors (DNS, connection, timeout) for delivery to retry.
 */
export async function sendWebhook(rawUrl: string, headers: Record<string, string>, body: string, opts: { allowPrivate: boolean; timeoutMs: number }): Promise<number> {
  // Scheme and credentials here; where it points is judged on the addresses it resolves to
  // (a "localhost" name included: its answer, 127.0.0.1, is what matters).
  const problem = webhookUrlProblem(rawUrl, true);
  if (problem) throw new WebhookRefused(problem);
  const url = new URL(rawUrl);
  const signal = AbortSignal.timeout(opts.timeoutMs);
  const target = await resolveWebhookTarget(url, opts);
  // Node asks for one address, or for all of them (when it races IPv4 and IPv6): either way, the checked one.
  const lookup: LookupFunction = (_host, options, callback) => {
    if (options.all) (callback as (e: null, a: Target[]) => void)(null, [target]);
    else callback(null, target.address, target.family);
  };
  const client = url.protocol === 'https:' ? https : http;
  return new Promise<number>((resolve, reject) => {
    // agent: false, a fresh connection each time: a pooled socket would skip the check above.
    const req = client.request(url, { method: 'POST', headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) }, lookup, signal, agent: false }, (res) => {
      // Only the status matters; the body is drained, and a connection dropped during it (or the
      // timeout) must not become an unhandled 'error' on the response stream.
      res.on('error', () => undefined);
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end(body);
  });
}
