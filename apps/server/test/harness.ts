/**
 * An in-process Touchpoint on a real, fresh database for each test file: a temporary SQLite
 * file by default, or its own PostgreSQL schema when DATABASE_URL is set (CI runs both).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import type { InjectOptions } from "fastify";
import type { LightMyRequestResponse as InjectResponse } from "fastify";
import { loadConfig, type Config } from '../src/platform/config.js';
import { dropPostgresSchema } from '../src/platform/db/dialect.js';
import { createServer, type ServerOptions, type Touchpoint } from '../src/server.js';
import { createWorkspaceWithOwner, createApiKey } from '../src/modules/accounts/index.js';
import type { ApiKeyScope, Role } from '@touchpoint/shared';

export interface TestServer extends Touchpoint {
  config: Config;
  dataDir: string;
  /** Signs in and returns a client that sends the cookie and CSRF token. */
  login(email: string, password: string): Promise<Client>;
  /** A workspace with an owner, and a signed-in client for that owner. */
  workspace(name?: string): Promise<{ id: string; owner: Client; ownerEmail: string }>;
  /** Adds a member with a role (through an invitation accepted by the new person). */
  member(workspaceId: string, owner: Client, role: Role): Promise<Client>;
  apiKey(workspaceId: string, scopes: ApiKeyScope[]): Promise<string>;
  destroy(): Promise<void>;
}

export interface Client {
  request(opts: InjectOptions): Promise<InjectResponse>;
  get(url: string): Promise<InjectResponse>;
  post(url: string, payload?: unknown): Promise<InjectResponse>;
  patch(url: string, payload?: unknown): Promise<InjectResponse>;
  delete(url: string): Promise<InjectResponse>;
  userId: string;
  email: string;
}

export const PASSWORD = 'correct horse battery';

export async function startTestServer(overrides: Partial<Config> = {}, options: ServerOptions = {}): Promise<TestServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tp-test-'));
  const schema = process.env.DATABASE_URL ? `t_${crypto.randomBytes(6).toString('hex')}` : undefined;
  const config = loadConfig(process.env, { dataDir, logLevel: 'silent', databaseSchema: schema, port: 0, publicUrl: 'http://touchpoint.test', sqliteSynchronous: 'NORMAL', ...overrides });
  const tp = await createServer(config, options);
  await tp.app.ready();
  let counter = 0;

  const makeClient = (cookie: string, csrf: string, userId: string, email: string): Client => {
    const request = (opts: InjectOptions) => tp.app.inject({ ...opts, headers: { cookie, 'x-csrf-token': csrf, ...(opts.headers ?? {}) } });
    return {
      request, userId, email,
      get: (url) => request({ method: 'GET', url }),
      post: (url, payload) => request({ method: 'POST', url, payload: payload as never }),
      patch: (url, payload) => request({ method: 'PATCH', url, payload: payload as never }),
      delete: (url) => request({ method: 'DELETE', url }),
    };
  };

  const server: TestServer = {
    ...tp, config, dataDir,
    async login(email, password) {
      const res = await tp.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
      if (res.statusCode !== 200) throw new Error(`login failed: ${res.body}`);
      const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
      const me = await tp.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
      return makeClient(cookie, res.json().csrfToken, me.json().user.id, email);
    },
    async workspace(name = `Workspace ${++counter}`) {
      const ownerEmail = `owner${++counter}-${crypto.randomBytes(3).toString('hex')}@example.com`;
      const { workspaceId } = await createWorkspaceWithOwner(tp.deps, { name, ownerEmail, password: PASSWORD });
      return { id: workspaceId, owner: await server.login(ownerEmail, PASSWORD), ownerEmail };
    },
    async member(workspaceId, owner, role) {
      const email = `${role}${++counter}-${crypto.randomBytes(3).toString('hex')}@example.com`;
      const before = fs.existsSync(path.join(dataDir, 'outbox.eml.log')) ? fs.readFileSync(path.join(dataDir, 'outbox.eml.log'), 'utf8').length : 0;
      const inv = await owner.post(`/api/workspaces/${workspaceId}/invitations`, { email, role: role === 'owner' ? 'owner' : role });
      if (inv.statusCode !== 201) throw new Error(`invite failed: ${inv.body}`);
      const mail = fs.readFileSync(path.join(dataDir, 'outbox.eml.log'), 'utf8').slice(before);
      const token = /\/invite\/(inv_[A-Za-z0-9_-]+)/.exec(mail)![1];
      const acc = await tp.app.inject({ method: 'POST', url: '/api/auth/accept-invitation', payload: { token, name: role, password: PASSWORD } });
      if (acc.statusCode !== 200) throw new Error(`accept failed: ${acc.body}`);
      return server.login(email, PASSWORD);
    },
    async apiKey(workspaceId, scopes) {
      const k = await createApiKey(tp.deps, { workspaceId, actor: { type: 'system', id: 'test', label: 'test' } }, { name: 'test', scopes });
      return k.key;
    },
    async destroy() {
      await tp.close();
      if (schema && process.env.DATABASE_URL) await dropPostgresSchema(process.env.DATABASE_URL, schema);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return server;
}

/** A small valid survey used across tests. */
export const SAMPLE_SURVEY = {
  name: 'Checkout NPS',
  definition: {
    languages: ['en', 'zh-Hant', 'zh-Hans'],
    defaultLanguage: 'en',
    thankYou: { en: 'Thank you!', 'zh-Hant': '謝謝！', 'zh-Hans': '谢谢！' },
    questions: [
      { id: 'nps', type: 'nps', required: true, title: { en: 'How likely are you to recommend us?', 'zh-Hant': '您有多大可能向朋友推薦我們？', 'zh-Hans': '您有多大可能向朋友推荐我们？' } },
      { id: 'why_bad', type: 'open_text', required: false, showIf: { questionId: 'nps', min: 0, max: 6 }, title: { en: 'What went wrong?', 'zh-Hant': '哪裡出了問題？', 'zh-Hans': '哪里出了问题？' } },
      { id: 'csat', type: 'csat', required: false, title: { en: 'How satisfied are you?', 'zh-Hant': '您滿意嗎？', 'zh-Hans': '您满意吗？' } },
      { id: 'ces', type: 'ces', required: false, title: { en: 'How easy was it?', 'zh-Hant': '容易嗎？', 'zh-Hans': '容易吗？' } },
      { id: 'plan', type: 'single_choice', required: false, title: { en: 'Plan' }, options: [{ id: 'free', label: { en: 'Free' } }, { id: 'pro', label: { en: 'Pro' } }] },
      { id: 'used', type: 'multiple_choice', required: false, title: { en: 'Features used' }, options: [{ id: 'app', label: { en: 'App' } }, { id: 'web', label: { en: 'Web' } }, { id: 'chat', label: { en: 'Chat' } }] },
      { id: 'comment', type: 'open_text', required: false, title: { en: 'Anything else?' } },
    ],
  },
};

/** Creates and publishes the sample survey; returns its ids. */
export async function liveSurvey(owner: Client, workspaceId: string): Promise<{ id: string; publicId: string }> {
  const res = await owner.post(`/api/workspaces/${workspaceId}/surveys`, SAMPLE_SURVEY);
  if (res.statusCode !== 201) throw new Error(`create survey failed: ${res.body}`);
  const { id, publicId } = res.json();
  const pub = await owner.post(`/api/workspaces/${workspaceId}/surveys/${id}/status`, { status: 'live' });
  if (pub.statusCode !== 200) throw new Error(`publish failed: ${pub.body}`);
  return { id, publicId };
}

/**
 * Waits until the server's background text work has caught up: events delivered, every stored
 * response passed by the analysis, no re-tag or re-analysis left. (outbox.drain() returns at once
 * while another drain runs, so one drain + idle can come too early.)
 */
export async function textSettled(s: TestServer, timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    await s.deps.outbox.drain();
    await s.text.idle();
    const db = s.deps.db;
    const mark = (await db.selectFrom('text_jobs').select('cursor_id').where('workspace_id', '=', '*').where('kind', '=', 'analyze').executeTakeFirst())?.cursor_id ?? '';
    const [pending, jobs, events] = await Promise.all([
      db.selectFrom('responses').select('id').where('id', '>', mark).limit(1).execute(),
      db.selectFrom('text_jobs').select('kind').where('kind', 'in', ['retag', 'reanalyze']).limit(1).execute(),
      db.selectFrom('outbox').select('id').where('processed_at', 'is', null).limit(1).execute(),
    ]);
    if (!pending.length && !jobs.length && !events.length) return;
    if (Date.now() > until) throw new Error('background text analysis did not settle');
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** A workspace with the sample survey live and these answers stored (batch API) and analysed: the text tests' starting point. */
export async function workspaceWithAnalysedAnswers(s: TestServer, responses: unknown[]): Promise<{ id: string; owner: Client; surveyId: string }> {
  const w = await s.workspace();
  const surveyId = (await liveSurvey(w.owner, w.id)).id;
  const res = await w.owner.post(`/api/workspaces/${w.id}/surveys/${surveyId}/responses/batch`, { responses });
  if (res.statusCode !== 201) throw new Error(`storing the answers failed: ${res.body}`);
  await textSettled(s);
  return { id: w.id, owner: w.owner, surveyId };
}
