/**
 * What the route-walking tests know about every workspace route: the permission it must
 * declare, what its path parameters mean and a valid body. A route missing here fails the
 * walk, so a new route gets covered as soon as it is added.
 */
import crypto from 'node:crypto';
import http from 'node:http';
import type { RouteOptions } from 'fastify';
import type { Permission } from '@touchpoint/shared';
import type { Access } from '../src/platform/http/access.js';
import { PASSWORD, SAMPLE_SURVEY, type TestServer } from './harness.js';
import { COMPETITORS_FACTORIES, COMPETITORS_ROUTES } from './routes/competitors.js';
import { INITIATIVES_FACTORIES, INITIATIVES_ROUTES } from './routes/initiatives.js';
import { STRATEGY_FACTORIES, STRATEGY_ROUTES } from './routes/strategy.js';

export type IdKind = 'member' | 'invitation' | 'apiKey' | ObjectKind;

/** Workspace objects a test can make with one POST (by the owner), for routes with `:id`. */
export const OBJECT_FACTORIES = {
  dashboard: { path: '/dashboards', body: () => ({ name: `Walk ${uniq()}`, tiles: [{ id: 't1', type: 'value', metric: 'nps' }] }) },
  target: { path: '/metrics/targets', body: () => ({ metric: 'nps', operator: '>=', value: 50, due: '2027-06-30' }) },
  benchmark: { path: '/metrics/benchmarks', body: () => ({ metric: 'nps', kind: 'industry', label: `Retail ${uniq()}`, value: 32, source: 'route walk report', asOf: '2026-01-01' }) },
  response: { path: '/surveys/:sid/responses/batch', body: () => ({ responses: [{ answers: { nps: 7 } }] }), idOf: (j: { ids: string[] }) => j.ids[0] },
  // Never fires by itself (NPS cannot go below −100); its test send makes an alert.
  alertRule: { path: '/alerts/rules', body: () => ({ name: `Walk rule ${uniq()}`, metric: 'nps', kind: 'threshold', config: { operator: 'below', value: -100, windowDays: 7 }, emailTo: ['walk@example.org'] }) },
  theme: { path: '/text/themes', body: () => ({ name: `Walk theme ${uniq()}`, keywords: ['walk', '步行'], examples: ['A long walk to the shop'] }) },
  /** `then`: a second POST on the made object (<path>/<id><then>) answers with the object wanted. */
  customer: { path: '/events?wait=true', body: () => ({ events: [{ type: 'identify', userId: `walk-${uniq()}`, email: `walk-${uniq()}@example.org`, name: 'Walk Person 步行者' }] }), idOf: (j: { profileIds: string[] }) => j.profileIds[0] },
  // A device seen, a person seen, then the person signs in on the device: one automatic merge.
  customerMerge: {
    path: '/events?wait=true',
    body: () => { const u = `walk-${uniq()}`, a = `device-${uniq()}`; return { events: [{ type: 'page', anonymousId: a, url: '/walk' }, { type: 'track', userId: u, event: 'Walked' }, { type: 'identify', userId: u, anonymousId: a }] }; },
    idOf: (j: { merges: string[] }) => j.merges[0],
  },
  // JSON lines sent as application/json: one identify event.
  customerImport: { path: '/customers/imports?format=jsonl&name=walk.jsonl', body: () => ({ type: 'identify', userId: `walk-import-${uniq()}` }) },
  segment: { path: '/segments', body: () => ({ name: `Walk segment ${uniq()}`, definition: { kind: 'group', match: 'all', conditions: [{ kind: 'trait', method: 'geographic', key: 'city', op: 'eq', value: 'Taipei' }] } }) },
  case: { path: '/cases', body: () => ({ title: `Walk case ${uniq()}`, customerEmail: `walk-${uniq()}@example.org`, priority: 'high' }) },
  caseRule: { path: '/cases/rules', body: () => ({ name: `Walk case rule ${uniq()}`, trigger: { match: 'all', conditions: [{ kind: 'score', metric: 'nps', op: 'lte', value: 0 }, { kind: 'metadata', key: 'walk', op: 'eq', value: 'never' }] } }) },
  caseTeam: { path: '/cases/teams', body: () => ({ name: `Walk team ${uniq()}`, timeZone: 'Asia/Taipei', hours: [[], [{ from: '09:00', to: '18:00' }], [], [], [], [], []] }) },
  caseView: { path: '/cases/views', body: () => ({ name: `Walk view ${uniq()}`, filters: { category: 'open' }, shared: true }) },
  alertEvent: { path: '/alerts/rules', body: () => ({ name: `Walk alert ${uniq()}`, metric: 'csat', kind: 'anomaly', config: { interval: 'day', periods: 7, sigmas: 2 } }), then: '/test' },
  // Later modules keep their rows in routes/<module>.ts.
  ...COMPETITORS_FACTORIES,
  ...INITIATIVES_FACTORIES,
  ...STRATEGY_FACTORIES,
};
export type ObjectKind = keyof typeof OBJECT_FACTORIES;
export const isObjectKind = (k: string | undefined): k is ObjectKind => !!k && k in OBJECT_FACTORIES;
/** Makes one object of `kind` in workspace `wid` through the API; returns its id. */
export async function makeObject(post: (url: string, body: unknown) => Promise<{ json(): any }>, wid: string, kind: ObjectKind, sid = ''): Promise<string> {
  const f: { path: string; body: () => unknown; then?: string; idOf?: (j: any) => string } = OBJECT_FACTORIES[kind];
  const path = f.path.replace(':sid', sid);
  const made = (await post(`/api/workspaces/${wid}${path}`, f.body())).json();
  const id: string = f.idOf ? f.idOf(made) : made.id;
  return f.then ? (await post(`/api/workspaces/${wid}${path}/${id}${f.then}`, {})).json().id : id;
}
export interface RouteSpec {
  permission: Permission;
  /** What `:id` names. */
  id?: IdKind;
  /** The body to send; gets the filled URL, for bodies that name the route's own object. */
  body?: (url: string) => unknown;
  csv?: string;
  /** A query string (without '?') the route needs. */
  query?: string;
  /** Server-Sent Events: answered over real HTTP, the stream is dropped after the headers. */
  sse?: boolean;
}

function uniq() { return crypto.randomBytes(4).toString('hex'); }
const W = '/api/workspaces/:wid';
const S = `${W}/surveys/:sid`;

export const WORKSPACE_ROUTES: Record<string, RouteSpec> = {
  [`GET ${W}`]: { permission: 'workspace.read' },
  [`PATCH ${W}`]: { permission: 'workspace.manage', body: () => ({ name: `Renamed ${uniq()}` }) },
  [`GET ${W}/members`]: { permission: 'members.read' },
  [`PATCH ${W}/members/:id`]: { permission: 'members.manage', id: 'member', body: () => ({ role: 'agent' }) },
  [`DELETE ${W}/members/:id`]: { permission: 'members.manage', id: 'member' },
  [`GET ${W}/invitations`]: { permission: 'members.manage' },
  [`POST ${W}/invitations`]: { permission: 'members.manage', body: () => ({ email: `walk-${uniq()}@example.org`, role: 'viewer' }) },
  [`DELETE ${W}/invitations/:id`]: { permission: 'members.manage', id: 'invitation' },
  [`GET ${W}/api-keys`]: { permission: 'apikeys.manage' },
  [`POST ${W}/api-keys`]: { permission: 'apikeys.manage', body: () => ({ name: `key ${uniq()}`, scopes: ['surveys:read'] }) },
  [`DELETE ${W}/api-keys/:id`]: { permission: 'apikeys.manage', id: 'apiKey' },
  [`GET ${W}/audit`]: { permission: 'audit.read' },
  [`GET ${W}/surveys`]: { permission: 'surveys.read' },
  [`POST ${W}/surveys`]: { permission: 'surveys.write', body: () => SAMPLE_SURVEY },
  [`GET ${S}`]: { permission: 'surveys.read' },
  [`PATCH ${S}`]: { permission: 'surveys.write', body: () => ({ name: `Renamed survey ${uniq()}` }) },
  [`POST ${S}/status`]: { permission: 'surveys.write', body: () => ({ status: 'live' }) },
  [`DELETE ${S}`]: { permission: 'surveys.write' },
  [`GET ${S}/share`]: { permission: 'surveys.distribute' },
  [`POST ${S}/responses/batch`]: { permission: 'responses.write', body: () => ({ responses: [{ answers: { nps: 9, comment: 'route walk' } }] }) },
  [`DELETE ${S}/responses/:id`]: { permission: 'responses.write', id: 'response' },
  [`POST ${S}/responses/import`]: { permission: 'responses.write', csv: 'nps,comment\n8,imported by the route walk\n' },
  [`GET ${S}/results`]: { permission: 'responses.read' },
  [`GET ${S}/responses`]: { permission: 'responses.read' },
  [`GET ${S}/responses/export`]: { permission: 'responses.export' },
  [`GET ${S}/stream`]: { permission: 'responses.read', sse: true },
  [`GET ${W}/metrics`]: { permission: 'responses.read', query: 'from=2026-01-01&to=2026-12-31&interval=month&by=channel&compare=previous' },
  [`GET ${W}/metrics/settings`]: { permission: 'workspace.read' },
  [`GET ${W}/metrics/targets`]: { permission: 'responses.read' },
  [`POST ${W}/metrics/targets`]: { permission: 'workspace.manage', body: () => OBJECT_FACTORIES.target.body() },
  [`DELETE ${W}/metrics/targets/:id`]: { permission: 'workspace.manage', id: 'target' },
  [`GET ${W}/metrics/benchmarks`]: { permission: 'responses.read' },
  [`POST ${W}/metrics/benchmarks`]: { permission: 'workspace.manage', body: () => OBJECT_FACTORIES.benchmark.body() },
  [`DELETE ${W}/metrics/benchmarks/:id`]: { permission: 'workspace.manage', id: 'benchmark' },
  [`GET ${W}/metrics/cx-index`]: { permission: 'responses.read' },
  [`PUT ${W}/metrics/cx-index`]: { permission: 'workspace.manage', body: () => ({ nps: 2, csat: 1, ces: 1 }) },
  [`GET ${W}/metrics/open-text`]: { permission: 'responses.read', query: 'from=2026-01-01&to=2026-12-31&limit=5' },
  [`GET ${W}/dashboards`]: { permission: 'responses.read' },
  [`POST ${W}/dashboards`]: { permission: 'dashboards.manage', body: () => OBJECT_FACTORIES.dashboard.body() },
  [`GET ${W}/dashboards/:id`]: { permission: 'responses.read', id: 'dashboard' },
  [`PUT ${W}/dashboards/:id`]: { permission: 'dashboards.manage', id: 'dashboard', body: () => OBJECT_FACTORIES.dashboard.body() },
  [`DELETE ${W}/dashboards/:id`]: { permission: 'dashboards.manage', id: 'dashboard' },
  [`GET ${W}/stream`]: { permission: 'responses.read', sse: true },
  [`GET ${W}/alerts`]: { permission: 'responses.read', query: 'limit=20&state=all' },
  [`POST ${W}/alerts/:id/acknowledge`]: { permission: 'responses.write', id: 'alertEvent' },
  [`GET ${W}/alerts/rules`]: { permission: 'responses.read' },
  [`POST ${W}/alerts/rules`]: { permission: 'workspace.manage', body: () => OBJECT_FACTORIES.alertRule.body() },
  [`GET ${W}/alerts/rules/:id`]: { permission: 'responses.read', id: 'alertRule' },
  [`PATCH ${W}/alerts/rules/:id`]: { permission: 'workspace.manage', id: 'alertRule', body: () => ({ name: `Renamed rule ${uniq()}`, cooldownMinutes: 30 }) },
  [`DELETE ${W}/alerts/rules/:id`]: { permission: 'workspace.manage', id: 'alertRule' },
  [`POST ${W}/alerts/rules/:id/test`]: { permission: 'workspace.manage', id: 'alertRule' },
  [`PUT ${W}/metrics/settings`]: { permission: 'workspace.manage', body: () => ({ timeZone: 'Asia/Taipei', dimensions: ['plan'] }) },
  [`GET ${W}/text/analyses`]: { permission: 'responses.read', query: 'from=2026-01-01&to=2030-12-31&limit=5' },
  [`GET ${W}/text/drivers`]: { permission: 'responses.read', query: 'metric=nps&from=2026-01-01&to=2030-12-31&channel=link,email' },
  [`GET ${W}/text/status`]: { permission: 'responses.read' },
  [`POST ${W}/text/reanalyze`]: { permission: 'themes.manage' },
  [`GET ${W}/text/themes`]: { permission: 'responses.read' },
  [`POST ${W}/text/themes`]: { permission: 'themes.manage', body: () => OBJECT_FACTORIES.theme.body() },
  [`PATCH ${W}/text/themes/:id`]: { permission: 'themes.manage', id: 'theme', body: () => ({ keywords: ['walk', 'stroll', `k${uniq()}`] }) },
  [`DELETE ${W}/text/themes/:id`]: { permission: 'themes.manage', id: 'theme' },
  [`GET ${W}/text/themes/suggestions`]: { permission: 'responses.read', query: 'limit=5' },
  [`POST ${W}/text/themes/suggestions/adopt`]: { permission: 'themes.manage', body: () => ({ label: `walk ${uniq()}`, phrases: ['walking path', '步道'] }) },
  [`POST ${W}/events`]: { permission: 'customers.write', body: () => OBJECT_FACTORIES.customer.body() },
  [`GET ${W}/events/queue`]: { permission: 'customers.write' },
  [`GET ${W}/customers`]: { permission: 'customers.read', query: 'q=walk' },
  [`POST ${W}/customers/imports`]: { permission: 'customers.write', csv: 'type,userId,event\ntrack,walk-user,Walked\n', query: 'format=csv&name=walk.csv' },
  [`GET ${W}/customers/imports`]: { permission: 'customers.write' },
  [`GET ${W}/customers/imports/:id`]: { permission: 'customers.write', id: 'customerImport' },
  [`GET ${W}/customers/traits`]: { permission: 'customers.read' },
  [`GET ${W}/customers/kpis`]: { permission: 'customers.read', query: 'from=2026-01-01&to=2026-03-31' },
  [`GET ${W}/customers/transports`]: { permission: 'customers.read' },
  [`PUT ${W}/customers/transports/:transport`]: { permission: 'customers.manage', body: () => ({ enabled: false }) },
  [`PUT ${W}/customers/traits/:key`]: { permission: 'customers.manage', body: () => ({ type: 'number', rule: 'latest' }) },
  [`GET ${W}/customers/:id`]: { permission: 'customers.read', id: 'customer' },
  [`GET ${W}/customers/:id/timeline`]: { permission: 'customers.read', id: 'customer', query: 'limit=5' },
  [`GET ${W}/customers/:id/merges`]: { permission: 'customers.read', id: 'customer' },
  [`GET ${W}/customers/:id/export`]: { permission: 'customers.manage', id: 'customer' },
  [`DELETE ${W}/customers/:id`]: { permission: 'customers.manage', id: 'customer' },
  // Merging a person with themselves changes nothing and answers 200, as a retried merge would.
  [`POST ${W}/customers/:id/merge`]: { permission: 'customers.manage', id: 'customer', body: (url) => ({ absorbedId: url.split('/customers/')[1].split('/')[0] }) },
  [`POST ${W}/customers/merges/:id/unmerge`]: { permission: 'customers.manage', id: 'customerMerge' },
  [`GET ${W}/segments`]: { permission: 'customers.read' },
  [`GET ${W}/customers/:id/segments`]: { permission: 'customers.read', id: 'customer' },
  [`POST ${W}/segments`]: { permission: 'customers.write', body: () => OBJECT_FACTORIES.segment.body() },
  [`POST ${W}/segments/preview`]: { permission: 'customers.read', body: () => ({ definition: OBJECT_FACTORIES.segment.body().definition }) },
  [`GET ${W}/segments/:id`]: { permission: 'customers.read', id: 'segment' },
  [`PATCH ${W}/segments/:id`]: { permission: 'customers.write', id: 'segment', body: () => ({ name: `Walk renamed ${uniq()}` }) },
  [`DELETE ${W}/segments/:id`]: { permission: 'customers.write', id: 'segment' },
  [`GET ${W}/segments/:id/members`]: { permission: 'customers.read', id: 'segment', query: 'limit=5' },
  [`GET ${W}/segments/:id/trend`]: { permission: 'customers.read', id: 'segment', query: 'days=7' },
  [`POST ${W}/segments/:id/snapshot`]: { permission: 'customers.write', id: 'segment', body: () => ({}) },
  [`POST ${W}/segments/:id/rebuild`]: { permission: 'customers.write', id: 'segment' },
  [`GET ${W}/cases`]: { permission: 'cases.read', query: 'category=new&limit=5' },
  [`POST ${W}/cases`]: { permission: 'cases.work', body: () => OBJECT_FACTORIES.case.body() },
  [`GET ${W}/cases/metrics`]: { permission: 'cases.read', query: 'from=2026-11-01&to=2026-11-30&by=team' },
  [`GET ${W}/cases/:id`]: { permission: 'cases.read', id: 'case' },
  [`PATCH ${W}/cases/:id`]: { permission: 'cases.work', id: 'case', body: () => ({ tags: ['walk'] }) },
  [`POST ${W}/cases/:id/notes`]: { permission: 'cases.work', id: 'case', body: () => ({ body: 'walk note 步行' }) },
  [`POST ${W}/cases/:id/replies`]: { permission: 'cases.work', id: 'case', body: () => ({ body: 'Thank you, we will call you tomorrow.' }) },
  [`POST ${W}/cases/:id/assign-me`]: { permission: 'cases.work', id: 'case' },
  [`GET ${W}/cases/rules`]: { permission: 'cases.read' },
  [`POST ${W}/cases/rules`]: { permission: 'cases.manage', body: () => OBJECT_FACTORIES.caseRule.body() },
  [`POST ${W}/cases/rules/dry-run`]: { permission: 'cases.manage', body: () => OBJECT_FACTORIES.caseRule.body() },
  [`PUT ${W}/cases/rules/:id`]: { permission: 'cases.manage', id: 'caseRule', body: () => OBJECT_FACTORIES.caseRule.body() },
  [`DELETE ${W}/cases/rules/:id`]: { permission: 'cases.manage', id: 'caseRule' },
  [`GET ${W}/cases/teams`]: { permission: 'cases.read' },
  [`POST ${W}/cases/teams`]: { permission: 'cases.manage', body: () => OBJECT_FACTORIES.caseTeam.body() },
  [`PUT ${W}/cases/teams/:id`]: { permission: 'cases.manage', id: 'caseTeam', body: () => OBJECT_FACTORIES.caseTeam.body() },
  [`DELETE ${W}/cases/teams/:id`]: { permission: 'cases.manage', id: 'caseTeam' },
  [`GET ${W}/cases/agents`]: { permission: 'cases.read' },
  [`PUT ${W}/cases/agents/me/availability`]: { permission: 'cases.work', body: () => ({ availability: 'online' }) },
  [`PUT ${W}/cases/agents/:id`]: { permission: 'cases.manage', id: 'member', body: () => ({ languages: ['zh-Hant'], capacity: 10 }) },
  [`GET ${W}/cases/sla`]: { permission: 'cases.read' },
  [`PUT ${W}/cases/sla`]: { permission: 'cases.manage', body: () => Object.fromEntries(['urgent', 'high', 'normal', 'low'].map((p) => [p, { firstResponseMinutes: 60, resolutionMinutes: 480 }])) },
  [`GET ${W}/cases/settings`]: { permission: 'cases.read' },
  [`PUT ${W}/cases/settings`]: { permission: 'cases.manage', body: () => ({ resolutionCodes: ['fixed', 'refunded'], templates: [] }) },
  [`GET ${W}/cases/views`]: { permission: 'cases.read' },
  [`POST ${W}/cases/views`]: { permission: 'cases.read', body: () => OBJECT_FACTORIES.caseView.body() },
  [`DELETE ${W}/cases/views/:id`]: { permission: 'cases.read', id: 'caseView' },
  [`POST ${S}/invitations`]: { permission: 'surveys.distribute', body: () => ({ recipients: [{ email: `walk-${uniq()}@example.org`, name: 'Walk' }] }) },
  ...COMPETITORS_ROUTES,
  ...INITIATIVES_ROUTES,
  ...STRATEGY_ROUTES,
};

export interface Route { method: string; url: string; key: string; access?: Access; spec?: RouteSpec }

/** Every captured route, one entry per method (HEAD routes share their GET route's spec). */
export function expandRoutes(captured: RouteOptions[]): Route[] {
  const out: Route[] = [];
  for (const r of captured) {
    for (const method of [r.method].flat()) {
      const key = `${method} ${r.url}`;
      const specKey = method === 'HEAD' ? `GET ${r.url}` : key;
      out.push({ method, url: r.url, key, access: (r.config as { access?: Access } | undefined)?.access, spec: WORKSPACE_ROUTES[specKey] });
    }
  }
  return out;
}

export const isWorkspaceRoute = (r: Route) => r.url === W || r.url.startsWith(`${W}/`);

export function fill(url: string, p: { wid: string; sid: string; id?: string }): string {
  return url.replace(':wid', p.wid).replace(':sid', p.sid).replace(':id', p.id ?? 'none').replace(':key', 'walkScore').replace(':transport', 'mqtt');
}

/** Headers of a fresh cookie session (cookie + CSRF token). */
export async function sessionHeaders(s: TestServer, email: string): Promise<Record<string, string>> {
  const res = await s.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: PASSWORD } });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.body}`);
  return { cookie: res.cookies.map((c) => `${c.name}=${c.value}`).join('; '), 'x-csrf-token': res.json().csrfToken };
}

export const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

export interface Answer { status: number; body: string }

/** Sends one request: in-process, or over a real socket to `base` for event streams. */
export async function send(s: TestServer, base: string, method: string, url: string, headers: Record<string, string>, spec?: RouteSpec): Promise<Answer> {
  const hasBody = method !== 'GET' && method !== 'HEAD' && method !== 'DELETE';
  const payload = !hasBody ? undefined : spec?.csv ?? JSON.stringify(spec?.body?.(url) ?? {});
  const contentType = !hasBody ? undefined : spec?.csv ? 'text/csv' : 'application/json';
  const h = { ...headers, ...(contentType ? { 'content-type': contentType } : {}) };
  if (spec?.query) url += (url.includes('?') ? '&' : '?') + spec.query;
  if (spec?.sse) {
    // No keep-alive; the socket is destroyed as soon as a stream's headers arrive.
    return new Promise<Answer>((resolve, reject) => {
      const req = http.request(base + url, { method, headers: h, agent: false }, (res) => {
        if ((res.headers['content-type'] ?? '').startsWith('text/event-stream')) { res.destroy(); resolve({ status: res.statusCode!, body: '' }); return; }
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => { body += c; });
        res.on('end', () => resolve({ status: res.statusCode!, body }));
      });
      req.on('error', reject);
      req.end(payload);
    });
  }
  const res = await s.app.inject({ method: method as 'GET', url, headers: h, payload });
  return { status: res.statusCode, body: res.body };
}
