/**
 * The real `touchpoint` command as child processes for the customer benches (as
 * apps/server/test/processes.ts does for the tests): a store of its own (data directory, and a
 * fresh PostgreSQL schema when DATABASE_URL is set), CLI runs, `serve` lives, and a read-only probe
 * of the store so the bench can watch an import's cursor without going through the process under test.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { BENCH_DIR } from '../lib/child.js';
import { freePort, startServe as startTestServe } from '../../apps/server/test/processes.js';

export const ROOT = path.resolve(BENCH_DIR, '..');
export const CLI = path.join(ROOT, 'apps/server/src/cli.ts');

export interface ChildStore {
  dataDir: string; schema?: string; env: NodeJS.ProcessEnv; kind: 'sqlite' | 'postgres';
  probe(): Promise<Probe>;
  destroy(): Promise<void>;
}

export interface Probe {
  all<T>(sql: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

export function childStore(base = os.tmpdir(), extra: Record<string, string> = {}): ChildStore {
  const dataDir = fs.mkdtempSync(path.join(base, 'tp-bench-proc-'));
  const url = process.env.DATABASE_URL;
  const schema = url ? `bench_${crypto.randomBytes(5).toString('hex')}` : undefined;
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent', HOST: '127.0.0.1', ...extra };
  for (const k of ['SQLITE_FILE', 'PORT', 'PUBLIC_URL', 'SMTP_URL', 'TOUCHPOINT_ENCRYPTION_KEYS', 'DATABASE_SCHEMA']) if (!(k in extra)) delete env[k];
  if (schema) env.DATABASE_SCHEMA = schema;
  return {
    dataDir, schema, env, kind: schema ? 'postgres' : 'sqlite',
    async probe() {
      if (schema) {
        const client = new pg.Client({ connectionString: url, options: `-c search_path=${schema}` });
        await client.connect();
        return {
          all: async <T>(sql: string, params: unknown[] = []) => (await client.query(sql.replace(/\?/g, (() => { let i = 0; return () => `$${++i}`; })()), params)).rows as T[],
          close: () => client.end(),
        };
      }
      const db = new Database(path.join(dataDir, 'touchpoint.db'), { readonly: true, fileMustExist: true });
      db.pragma('busy_timeout = 5000');
      return { all: async <T>(sql: string, params: unknown[] = []) => db.prepare(sql).all(...params) as T[], close: async () => { db.close(); } };
    },
    async destroy() {
      if (schema) {
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
        await client.end();
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface Cli { child: ChildProcess; stdout: () => string; stderr: () => string; exited: Promise<number | null> }

/** Starts `touchpoint <args>`; stdout and stderr are collected (stderr also echoed with a label when `echo`). */
export function startCli(args: string[], env: NodeJS.ProcessEnv, echo?: string): Cli {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '', err = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => { out += d; });
  child.stderr!.setEncoding('utf8').on('data', (d: string) => { err += d; if (echo) process.stderr.write(d.split('\n').filter(Boolean).map((l) => `  [${echo}] ${l}\n`).join('')); });
  const exited = new Promise<number | null>((r) => child.once('close', (code) => r(code)));
  return { child, stdout: () => out, stderr: () => err, exited };
}

export async function runCli(args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  const c = startCli(args, env);
  const code = await c.exited;
  if (code !== 0) throw new Error(`touchpoint ${args.join(' ')} exited ${code}: ${c.stderr()}`);
  return c.stdout();
}

export { freePort };

export interface Serve { child: ChildProcess; url: string; exited: Promise<void>; stop(): Promise<void> }

/** `touchpoint serve` on a free port (the tests' startServe); resolves once it says it is running. */
export async function startServe(env: NodeJS.ProcessEnv): Promise<Serve> {
  // BENCH_CPU_PROF=1: a .cpuprofile of each server life in bench/results/prof (written when it stops), to explain a slow request.
  const prof = process.env.BENCH_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir', path.join(BENCH_DIR, 'results', 'prof')] : [];
  const { child, url, exited } = await startTestServe(env, { nodeArgs: prof, startTimeoutMs: 120_000 });
  return {
    child, url, exited,
    async stop() {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Signs in; the session cookie and CSRF header for routes an API key may not call (merges need customers.manage). */
export async function login(url: string, email: string, password: string): Promise<Record<string, string>> {
  const res = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie, 'x-csrf-token': csrfToken };
}
