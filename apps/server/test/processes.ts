/** Helpers for tests that run the real `touchpoint` CLI as child processes. */
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { dropPostgresSchema } from '../src/platform/db/dialect.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const CLI = path.join(ROOT, 'apps/server/src/cli.ts');

/** A data directory and, with DATABASE_URL, a Postgres schema of its own; env for the children. */
export function childStore(extra: Record<string, string> = {}) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tp-proc-'));
  const schema = process.env.DATABASE_URL ? `t_${crypto.randomBytes(6).toString('hex')}` : undefined;
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent', HOST: '127.0.0.1', ...extra };
  for (const k of ['SQLITE_SYNCHRONOUS', 'SQLITE_FILE', 'PORT', 'PUBLIC_URL', 'SMTP_URL', 'TOUCHPOINT_ENCRYPTION_KEYS', 'DATABASE_SCHEMA']) if (!(k in extra)) delete env[k];
  if (schema) env.DATABASE_SCHEMA = schema;
  return {
    dataDir, schema, env,
    async destroy() {
      if (schema) await dropPostgresSchema(process.env.DATABASE_URL!, schema);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface RunResult { code: number | null; stdout: string; stderr: string }

/** Runs `touchpoint <args>` to completion. */
export function runCli(args: string[], env: NodeJS.ProcessEnv, timeoutMs = 60_000): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '', stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => { stdout += d; });
    child.stderr.setEncoding('utf8').on('data', (d: string) => { stderr += d; });
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`touchpoint ${args.join(' ')} timed out\n${stderr}`)); }, timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => { clearTimeout(timer); resolve({ code, stdout, stderr }); });
  });
}

export async function freePort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const port = (srv.address() as net.AddressInfo).port;
  await new Promise((r) => srv.close(r));
  return port;
}

/**
 * Starts `touchpoint serve` on a free port; resolves once it prints that it is running. The benches
 * start it too, with Node options (a CPU profile) and more time on a loaded machine.
 */
export async function startServe(env: NodeJS.ProcessEnv, opts: { nodeArgs?: string[]; startTimeoutMs?: number } = {}): Promise<{ child: ChildProcess; url: string; exited: Promise<void> }> {
  const port = await freePort();
  const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), '--import', 'tsx', CLI, 'serve'], { cwd: ROOT, env: { ...env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  let out = '', err = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start: ${err}`)), opts.startTimeoutMs ?? 30_000);
    child.stdout!.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      const m = /Touchpoint is running at (\S+)/.exec(out);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    });
    child.stderr!.setEncoding('utf8').on('data', (d: string) => { err += d; });
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`serve exited (${code}) before it was ready: ${err}`)); });
  });
  return { child, url, exited };
}

export interface Reply { status: number; body: string; cookies: string[] }
/**
 * One request on a fresh connection (no keep-alive, so a killed server leaves nothing pooled);
 * `onEnd` runs synchronously when the last byte arrives, before anything else can run.
 */
export function rawRequest(url: string, method: string, body?: unknown, headers: Record<string, string> = {}, onEnd?: (r: Reply) => void): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = http.request(url, { method, agent: false, headers: { ...headers, ...(payload ? { 'content-type': 'application/json' } : {}) } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => { text += c; });
      res.on('end', () => {
        const r = { status: res.statusCode!, body: text, cookies: ([] as string[]).concat(res.headers['set-cookie'] ?? []) };
        onEnd?.(r);
        resolve(r);
      });
    });
    req.on('error', reject);
    req.end(payload);
  });
}
