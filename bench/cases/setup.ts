/**
 * The cases bench sets its workspaces up the way an administrator would: the first workspace and its
 * owner with `touchpoint workspace create`, everything else over the HTTP API of the web node: more
 * workspaces, a live one-question NPS survey, the "Detractors" rule, and agents (invited by email,
 * the invitation read from the file mailer's log, accepted, given a capacity).
 */
import fs from 'node:fs';
import path from 'node:path';
import { login, runCli } from '../customers/procs.js';

export const PASSWORD = 'bench-password-123';
const OWNER = 'owner@cases-bench.example';

/** The rule of issue #5's target: NPS ≤ 6 opens a high-priority case, assigned automatically. */
export const DETRACTOR_RULE = {
  name: 'Detractors',
  trigger: { match: 'all', conditions: [{ kind: 'score', metric: 'nps', op: 'lte', value: 6 }] },
  actions: { priority: 'high', assign: 'auto' },
} as const;

const NPS_SURVEY = {
  name: 'Cases bench NPS',
  definition: {
    languages: ['en'], defaultLanguage: 'en', thankYou: { en: 'Thank you!' },
    questions: [{ id: 'nps', type: 'nps', required: true, title: { en: 'How likely are you to recommend us?' } }],
  },
};

export class Api {
  constructor(readonly url: string, private readonly headers: Record<string, string>) {}
  async call<T>(method: string, p: string, body?: unknown, expect = [200, 201]): Promise<T> {
    const res = await fetch(`${this.url}${p}`, { method, headers: { ...this.headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    if (!expect.includes(res.status)) throw new Error(`${method} ${p} → ${res.status} ${text.slice(0, 400)}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }
}

/** Creates the owner and the first workspace with the CLI, then signs in over HTTP. */
export async function ownerSession(url: string, env: NodeJS.ProcessEnv): Promise<{ api: Api; firstWorkspaceId: string }> {
  const out = await runCli(['workspace', 'create', '--name', 'Cases bench', '--owner-email', OWNER, '--password', PASSWORD], env);
  const { workspaceId } = JSON.parse(out.trim().split('\n').pop()!) as { workspaceId: string };
  return { api: new Api(url, await login(url, OWNER, PASSWORD)), firstWorkspaceId: workspaceId };
}

export interface BenchWorkspace { id: string; surveyId: string; publicId: string; ruleId: string | null; agents: number }

/**
 * A workspace with a live NPS survey; with `rule`, the Detractors rule and `agents` agents (capacity
 * 500 each, English). `id` reuses a workspace (the CLI's first one) instead of creating one.
 */
export async function prepareWorkspace(api: Api, dataDir: string, name: string, o: { id?: string; rule: boolean; agents: number }): Promise<BenchWorkspace> {
  const id = o.id ?? (await api.call<{ id: string }>('POST', '/api/workspaces', { name })).id;
  const survey = await api.call<{ id: string; publicId: string }>('POST', `/api/workspaces/${id}/surveys`, NPS_SURVEY);
  await api.call('POST', `/api/workspaces/${id}/surveys/${survey.id}/status`, { status: 'live' });
  let ruleId: string | null = null;
  if (o.rule) {
    ruleId = (await api.call<{ id: string }>('POST', `/api/workspaces/${id}/cases/rules`, DETRACTOR_RULE)).id;
    for (let i = 0; i < o.agents; i++) await addAgent(api, dataDir, id, `agent${i}.${id.slice(-6).toLowerCase()}@cases-bench.example`);
    const agents = await api.call<{ userId: string; email: string }[]>('GET', `/api/workspaces/${id}/cases/agents`);
    for (const a of agents.filter((x) => x.email !== OWNER))
      await api.call('PUT', `/api/workspaces/${id}/cases/agents/${a.userId}`, { languages: ['en'], capacity: 500 });
  }
  return { id, surveyId: survey.id, publicId: survey.publicId, ruleId, agents: o.rule ? o.agents : 0 };
}

/** Invites `email` as an agent, takes the link from the mail log (no SMTP configured) and accepts it. */
async function addAgent(api: Api, dataDir: string, workspaceId: string, email: string): Promise<void> {
  await api.call('POST', `/api/workspaces/${workspaceId}/invitations`, { email, role: 'agent' });
  const log = path.join(dataDir, 'outbox.eml.log');
  const until = Date.now() + 15_000;
  for (;;) {
    const mails = fs.existsSync(log) ? fs.readFileSync(log, 'utf8').split('\n----\n') : [];
    const mail = mails.reverse().find((m) => m.includes(`To: ${email}\n`));
    const token = mail && /\/invite\/(inv_[A-Za-z0-9_-]+)/.exec(mail)?.[1];
    if (token) {
      await fetch(`${api.url}/api/auth/accept-invitation`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token, name: email.split('@')[0], password: PASSWORD }) })
        .then(async (r) => { if (r.status !== 200) throw new Error(`accept-invitation → ${r.status} ${await r.text()}`); });
      return;
    }
    if (Date.now() > until) throw new Error(`no invitation mail for ${email} in ${log}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
