/**
 * Browser-test support: a real Touchpoint server (child process, fresh SQLite file, built web
 * app) and Debian's Chromium driven by playwright-core.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = path.join(root, 'e2e', 'screenshots');

export interface RunningServer { url: string; dataDir: string; proc: ChildProcess; stop(): Promise<void> }

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

/** Starts `touchpoint serve` on a free port; resolves once it prints its URL. */
export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tp-e2e-'));
  const port = await freePort();
  const proc = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'apps/server/src/cli.ts'), 'serve'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: '', DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn', PUBLIC_RATE_LIMIT: '100000', SQLITE_SYNCHRONOUS: 'NORMAL', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 60_000);
    const onData = (b: Buffer) => {
      output += b.toString();
      const m = /Touchpoint is running at (\S+)/.exec(output);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', onData);
    proc.on('exit', (code) => { clearTimeout(timer); reject(new Error(`server exited ${code}:\n${output}`)); });
  });
  return {
    url, dataDir, proc,
    async stop() {
      proc.kill('SIGTERM');
      await new Promise((r) => (proc.exitCode !== null ? r(null) : proc.once('exit', r)));
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Runs the CLI against a data dir and returns its standard output. */
export async function cli(dataDir: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'apps/server/src/cli.ts'), ...args], {
      cwd: root, env: { ...process.env, DATABASE_URL: '', DATA_DIR: dataDir, LOG_LEVEL: 'silent' }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '', err = '';
    p.stdout.on('data', (b) => (out += b));
    p.stderr.on('data', (b) => (err += b));
    p.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`touchpoint ${args.join(' ')} failed: ${err}`))));
  });
}

export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium fonts-noto-cjk`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
  });
}

export function screenshotPath(name: string): string {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  return path.join(SCREENSHOTS, name);
}

/** A workspace made by the CLI, with one live survey created over the API (an API key from the CLI). */
export async function workspaceWithLiveSurvey(server: RunningServer, owner: { email: string; password: string }, survey: { name: string; definition: unknown }): Promise<{ workspaceId: string; surveyId: string; publicId: string }> {
  const workspaceId = JSON.parse(await cli(server.dataDir, ['workspace', 'create', '--name', 'Lotus Mart', '--owner-email', owner.email, '--password', owner.password])).workspaceId;
  const key = (await cli(server.dataDir, ['api-key', 'create', '--workspace', workspaceId, '--name', 'e2e', '--scopes', 'surveys:write'])).trim();
  const headers = { authorization: `Bearer ${key}`, 'content-type': 'application/json' };
  const created = await fetch(`${server.url}/api/workspaces/${workspaceId}/surveys`, { method: 'POST', headers, body: JSON.stringify(survey) }).then((r) => r.json());
  const live = await fetch(`${server.url}/api/workspaces/${workspaceId}/surveys/${created.id}/status`, { method: 'POST', headers, body: JSON.stringify({ status: 'live' }) });
  if (!live.ok) throw new Error(`publishing the survey failed: ${live.status}`);
  return { workspaceId, surveyId: created.id, publicId: created.publicId };
}

/** A respondent answering through the public endpoint, as the survey page and widget do; the HTTP status. */
export async function submitPublic(server: RunningServer, publicId: string, body: Record<string, unknown>): Promise<number> {
  const res = await fetch(`${server.url}/api/public/surveys/${publicId}/responses`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return res.status;
}

/** Signs in through the login page and waits for the workspace the account lands in. */
export async function signIn(page: Page, server: RunningServer, owner: { email: string; password: string }, workspaceId: string): Promise<void> {
  await page.goto(`${server.url}/login`);
  await page.getByTestId('login-email').fill(owner.email);
  await page.getByTestId('login-password').fill(owner.password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL(new RegExp(`/w/${workspaceId}`));
}

/** From anywhere in the workspace: the dashboards, a new dashboard named `name`, left in edit mode. */
export async function newDashboard(page: Page, name: string): Promise<void> {
  await page.getByTestId('nav-dashboards').click();
  await page.waitForURL(/\/dashboards$/);
  await page.getByTestId('dashboard-more').click();
  await page.getByTestId('dashboard-new').click();
  await page.getByTestId('dashboard-name-input').fill(name);
  await page.getByTestId('dashboard-name-submit').click();
  await page.getByTestId('edit-bar').waitFor();
}

/** A fresh browser context (1366×900, en-US unless `options` say otherwise) signed in as `owner`; page errors are collected. */
export async function signedInPage(browser: Browser, server: RunningServer, owner: { email: string; password: string }, workspaceId: string, options: BrowserContextOptions = {}) {
  const ctx = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'en-US', ...options });
  const page = await ctx.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await signIn(page, server, owner, workspaceId);
  return { ctx, page, errors };
}

/** A request as the signed-in page makes it (its session cookie + the CSRF token from /api/auth/me). */
export async function pageRequest<T = any>(page: Page, method: string, path: string, body?: unknown): Promise<{ status: number; json: T }> {
  return page.evaluate(async ({ method, path, body }) => {
    const me = await fetch('/api/auth/me').then((r) => r.json()) as { csrfToken: string };
    const res = await fetch(path, { method, headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken }, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: res.status, json: res.status === 204 ? null : await res.json() };
  }, { method, path, body }) as Promise<{ status: number; json: T }>;
}
