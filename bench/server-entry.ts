/**
 * The server under test, run in its own process so that it never shares an event loop with
 * the load generator. Builds the real server with createServer, seeds a workspace, live
 * surveys and an API key, adds ONE bench-only route (the "HTTP ceiling", below), listens, and
 * prints a single JSON line describing itself. Then it reads commands on stdin:
 *   count <surveyId>   → {"count":N}   (rows in `responses` for that survey)
 *   analysed           → {"count":N,"caughtUp":bool} (rows in `text_analyses`; whether the analysis watermark passed the newest response)
 *   events <prefix>    → {"count":N}   (customer events whose idempotency key starts with the prefix)
 *   queue              → {"batches":N,"events":N} (customer event batches acknowledged, not yet applied)
 *   stop               → closes the server and exits (so --cpu-prof profiles get written)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import readline from 'node:readline';
import { z } from 'zod';
import fastifyStatic from '@fastify/static';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { BatchRequest, EventBatch } from '@touchpoint/shared';
import { loadConfig } from '../apps/server/src/platform/config.js';
import { createServer, DEFAULT_WEB_DIST } from '../apps/server/src/server.js';
import { createWorkspaceWithOwner, createApiKey } from '../apps/server/src/modules/accounts/index.js';
import { createSurvey, getSurvey } from '../apps/server/src/modules/surveys/index.js';
import { checkBatch } from '../apps/server/src/modules/responses/batch.service.js';
import { workspaceOf } from '../apps/server/src/platform/http/access.js';
import { validationError } from '../apps/server/src/platform/http/errors.js';
import { dropPostgresSchema } from '../apps/server/src/platform/db/dialect.js';
import { SYSTEM_ACTOR } from '../apps/server/src/platform/audit.js';
import { BENCH_SURVEY, DISCARD_SUFFIX } from './lib/workload.js';
import { parseEvents } from '../apps/server/src/modules/customers/index.js';
import { traitDefinitionMap } from '../apps/server/src/modules/customers/intake.service.js';


const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tp-bench-'));
const pgSchema = process.env.DATABASE_URL ? `bench_${crypto.randomBytes(5).toString('hex')}` : undefined;
const config = loadConfig(
  { ...process.env, LOG_LEVEL: 'silent', PUBLIC_RATE_LIMIT: '1000000000', DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1' },
  pgSchema ? { databaseSchema: pgSchema } : {},
);
const tp = await createServer(config);
const { app, deps } = tp;

// The product mounts /public/* only when the whole SPA is built (dist/index.html). When only
// the respondent bundle exists, serve dist/public the same way (same plugin, same max-age).
const dist = config.webDist ?? DEFAULT_WEB_DIST;
if (!fs.existsSync(path.join(dist, 'index.html')) && fs.existsSync(path.join(dist, 'public')))
  await app.register(fastifyStatic, { root: path.join(dist, 'public'), prefix: '/public/', maxAge: '1h', index: false });

// HTTP ceiling: same path shape, access rule, body limit, Zod schema and answer validation as
// POST .../responses/batch, then a reply of the same shape and size, but nothing is stored.
const WidSid = z.object({ wid: z.string().min(1).max(64), sid: z.string().min(1).max(64) });
app.withTypeProvider<ZodTypeProvider>().post(`/api/workspaces/:wid/surveys/:sid${DISCARD_SUFFIX}`, {
  config: { access: { kind: 'workspace', permission: 'responses.write' } },
  bodyLimit: 8 * 1024 * 1024,
  schema: { hide: true, params: WidSid, body: BatchRequest },
}, async (req, reply) => {
  const ctx = workspaceOf(req);
  const survey = await getSurvey(deps, ctx.workspaceId, req.params.sid);
  const issues = checkBatch(survey, req.body.responses);
  if (issues.length) throw validationError(issues);
  return reply.status(201).send({ accepted: req.body.responses.length, duplicates: 0, ids: req.body.responses.map(() => crypto.randomUUID()) });
});

// The events' HTTP ceiling: same access rule, body limit, schema and per-event validation as
// POST .../events, an answer of the same shape, nothing stored.
app.withTypeProvider<ZodTypeProvider>().post('/api/workspaces/:wid/events-bench-discard', {
  config: { access: { kind: 'workspace', permission: 'customers.write' } },
  bodyLimit: 8 * 1024 * 1024,
  schema: { hide: true, params: z.object({ wid: z.string().min(1).max(64) }), body: EventBatch },
}, async (req, reply) => {
  const { events, issues } = parseEvents(req.body.events, await traitDefinitionMap(deps, workspaceOf(req).workspaceId));
  if (issues.length) throw validationError(issues);
  return reply.status(202).send({ accepted: events.length, duplicates: 0, profileIds: events.map(() => crypto.randomUUID()), merges: [] });
});

const { workspaceId } = await createWorkspaceWithOwner(deps, { name: 'Bench', ownerEmail: 'bench@example.com', password: 'bench-password-123' });
const ctx = { workspaceId, actor: SYSTEM_ACTOR };
// One survey per run, so each run's stored rows can be counted on their own.
const surveys: Record<string, { id: string; publicId: string }> = {};
for (const name of ['warmBatch', 'batch', 'warmPublic', 'public'])
  surveys[name] = await createSurvey(deps, ctx, { ...BENCH_SURVEY, name: `Bench ${name}` }, 'live');
const { key } = await createApiKey(deps, ctx, { name: 'bench', scopes: ['responses:write', 'events:write'] });

const url = await tp.listen(0, '127.0.0.1');
const synchronous = tp.store.sqlite ? ['OFF', 'NORMAL', 'FULL', 'EXTRA'][tp.store.sqlite.pragma('synchronous', { simple: true }) as number] : null;
const journal = tp.store.sqlite ? tp.store.sqlite.pragma('journal_mode', { simple: true }) : null;
console.log(JSON.stringify({
  url, workspaceId, apiKey: key, store: deps.kind, synchronous, journal, dataDir, pid: process.pid,
  surveys: Object.fromEntries(Object.entries(surveys).map(([k, s]) => [k, { id: s.id, publicId: s.publicId }])),
}));

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await tp.close();
  if (pgSchema) await dropPostgresSchema(config.databaseUrl!, pgSchema);
  fs.rmSync(dataDir, { recursive: true, force: true });
  process.exit(0);
}
readline.createInterface({ input: process.stdin }).on('line', async (line) => {
  const [cmd, arg] = line.trim().split(/\s+/);
  if (cmd === 'count') {
    const row = await deps.db.selectFrom('responses').select((eb) => eb.fn.countAll<number>().as('n')).where('survey_id', '=', arg).executeTakeFirstOrThrow();
    console.log(JSON.stringify({ count: Number(row.n) }));
  } else if (cmd === 'analysed') {
    const row = await deps.db.selectFrom('text_analyses').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const newest = await deps.db.selectFrom('responses').select((eb) => eb.fn.max('id').as('id')).executeTakeFirst();
    const job = await deps.db.selectFrom('text_jobs').select('cursor_id').where('workspace_id', '=', '*').where('kind', '=', 'analyze').executeTakeFirst();
    console.log(JSON.stringify({ count: Number(row.n), caughtUp: !newest?.id || (job?.cursor_id ?? '') >= newest.id }));
  } else if (cmd === 'events') {
    const row = await deps.db.selectFrom('customer_events').select((eb) => eb.fn.countAll<number>().as('n')).where('idempotency_key', 'like', `${arg}%`).executeTakeFirstOrThrow();
    console.log(JSON.stringify({ count: Number(row.n) }));
  } else if (cmd === 'queue') {
    const row = await deps.db.selectFrom('customer_intake_queue').select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('event_count').as('e')]).executeTakeFirstOrThrow();
    console.log(JSON.stringify({ batches: Number(row.n), events: Number(row.e ?? 0) }));
  } else if (cmd === 'stop') await stop();
}).on('close', () => void stop());
