/**
 * Wiring: opens the store, runs migrations, builds the HTTP app with every module's routes,
 * and starts the outbox worker. One process serves web and worker by default.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { loadConfig, sqlitePath, type Config } from './platform/config.js';
import { openPostgres, openSqlite, type OpenedStore } from './platform/db/dialect.js';
import { migrateToLatest } from './platform/db/migrate.js';
import { FieldCipher, loadKeyRing } from './platform/crypto/field-cipher.js';
import { createMailer } from './platform/mail/mailer.js';
import { RealtimeHub } from './platform/realtime/hub.js';
import { OutboxWorker } from './platform/events/outbox.js';
import { GroupCommitter } from './platform/db/group-commit.js';
import { createHttpApp } from './platform/http/app.js';
import type { DB } from './schema.js';
import type { Deps } from './deps.js';
import { authRoutes, workspaceRoutes, createAuthenticator } from './modules/accounts/index.js';
import { surveyRoutes, publicSurveyRoutes } from './modules/surveys/index.js';
import { responseRoutes, publicResponseRoutes, WRITER_COMPILERS } from './modules/responses/index.js';
import { metricsConfigRoutes, metricsRoutes, MetricsRecounter } from './modules/metrics/index.js';
import { dashboardRoutes } from './modules/dashboards/index.js';
import { alertRoutes, AlertsWorker } from './modules/alerts/index.js';
import { textRoutes, TextWorker } from './modules/text-analytics/index.js';
import { customerRoutes, ImportRunner, IntakeDrainer, type IntakeDrainerOptions, refusesContact, responsesInSegment, segmentRoutes, SegmentWorker, traitOfResponses, type SegmentWorkerOptions } from './modules/customers/index.js';
import { announceCustomerEvents, customerKpiRoutes } from './modules/customers/index.js';
import { CustomerTransports, customerTransportRoutes } from './modules/customers/index.js';
import { caseRoutes, caseSetupRoutes, CasesWorker, type CasesWorkerOptions } from './modules/cases/index.js';
import { competitorRoutes } from './modules/competitors/index.js';
import { initiativeRoutes } from './modules/initiatives/index.js';
import { strategyRoutes } from './modules/strategy/index.js';

const here = path.dirname(fileURLToPath(import.meta.url));
export const DEFAULT_WEB_DIST = path.resolve(here, '../../web/dist');

export interface Touchpoint {
  app: FastifyInstance; deps: Deps; store: OpenedStore<DB>;
  /** Background metric recounts after settings changes (tests wait on it). */
  recounts: MetricsRecounter;
  /** Background text analysis and re-tags (tests wait on it). */
  text: TextWorker;
  /** Background customer event imports (tests wait on it). */
  imports: ImportRunner;
  intake: IntakeDrainer;
  /** Customer events from MQTT and NATS JetStream, when configured (tests wait on it). */
  transports: CustomerTransports;
  segments: SegmentWorker;
  /** Closed-loop cases: rules judging answers, notifications, the SLA clock (tests call its sweep). */
  cases: CasesWorker;
  /** Starts listening; returns the base URL (used for links when PUBLIC_URL is unset). */
  listen(port?: number, host?: string): Promise<string>;
  close(): Promise<void>;
}

export async function openStore(config: Config): Promise<OpenedStore<DB>> {
  return config.databaseUrl ? openPostgres<DB>(config.databaseUrl, config.databaseSchema) : openSqlite<DB>(sqlitePath(config), config.sqliteSynchronous, WRITER_COMPILERS);
}

/** Everything but HTTP: used by the CLI commands too. */
export async function createDeps(config: Config, store?: OpenedStore<DB>): Promise<{ deps: Deps; store: OpenedStore<DB>; setListeningUrl(url: string): void }> {
  const s = store ?? (await openStore(config));
  await migrateToLatest(s.db);
  let listening = '';
  const deps: Deps = {
    db: s.db,
    kind: s.kind,
    config,
    cipher: new FieldCipher(loadKeyRing(config.encryptionKeys, config.dataDir)),
    mailer: createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, dataDir: config.dataDir }),
    hub: new RealtimeHub(),
    outbox: new OutboxWorker(s.db, { error: (o, m) => console.error(m, o) }, 250, s.bulkWriter && ((sql, params) => s.bulkWriter!.exec(sql, params))),
    writes: new GroupCommitter<DB>(s.db),
    bulkWriter: s.bulkWriter,
    publicUrl: () => config.publicUrl ?? (listening || `http://localhost:${config.port}`),
  };
  // Dashboards break numbers down by a customer's trait; the customers module answers it.
  deps.customerTraits = (workspaceId, key, rows, cache) => traitOfResponses(deps, workspaceId, key, rows, cache);
  // Dashboards filter to a customer segment's members; the customers module answers it.
  deps.segmentResponses = (workspaceId, segmentId, rows) => responsesInSegment(deps, workspaceId, segmentId, rows);
  // Survey invitations ask first whether the person refused surveys or email.
  deps.consentRefused = (workspaceId, who, purposes) => refusesContact(deps, workspaceId, who, purposes);
  return { deps, store: s, setListeningUrl: (url) => { listening = url; } };
}

/** Options that are not configuration: tests tune them. */
export interface ServerOptions {
  /** Rows per metric recount chunk (default DEFAULT_CHUNK_ROWS). */
  recountChunkRows?: number;
  /** Text analysis: responses per chunk, texts per re-tag chunk, and how long new ids settle. */
  textChunk?: number;
  textRetagChunk?: number;
  textSettleMs?: number;
  /** Records per customer-import chunk (default IMPORT_CHUNK). */
  importChunk?: number;
  /** Segment worker pacing (tests shorten the settle time and the refresh clock). */
  segments?: Partial<Omit<SegmentWorkerOptions, 'log'>>;
  /** Event intake drainer pacing (tests shorten the poll and retry pauses). */
  intake?: Partial<Omit<IntakeDrainerOptions, 'log'>>;
  /** SLA clock pacing (tests turn it off and sweep by hand). */
  cases?: Partial<Omit<CasesWorkerOptions, 'log'>>;
}

export async function createServer(config: Config = loadConfig(), options: ServerOptions = {}): Promise<Touchpoint> {
  const { deps, store, setListeningUrl } = await createDeps(config);
  const app = await createHttpApp({ logLevel: config.logLevel }, createAuthenticator(deps));

  app.get('/healthz', { config: { access: { kind: 'public' } }, schema: { tags: ['platform'], summary: 'Liveness and store check' } }, async () => {
    await deps.db.selectFrom('workspaces').select('id').limit(1).execute();
    return { status: 'ok', store: deps.kind };
  });
  authRoutes(app, deps);
  workspaceRoutes(app, deps);
  surveyRoutes(app, deps);
  responseRoutes(app, deps);
  // Recounts after a metric settings change run chunk by chunk beside the requests; ones a restart
  // cut short resume here.
  const recounts = new MetricsRecounter(deps, { chunkRows: options.recountChunkRows ?? config.metricRecountChunkRows, log: (err, msg) => app.log.error({ err }, msg) });
  metricsRoutes(app, deps, recounts);
  metricsConfigRoutes(app, deps);
  dashboardRoutes(app, deps);
  alertRoutes(app, deps);
  // Open-text answers are analysed behind a watermark, off the request path; taxonomy edits re-tag.
  const text = new TextWorker(deps, { enabled: config.textAnalysis === 'on', nice: config.textAnalysisNice, chunk: options.textChunk, retagChunk: options.textRetagChunk, settleMs: options.textSettleMs, log: (err, msg) => app.log.error({ err }, msg) });
  textRoutes(app, deps, text);
  // Event file imports run chunk by chunk behind a byte cursor; ones a restart cut short resume.
  const imports = new ImportRunner(deps, { chunk: options.importChunk, log: (err, msg) => app.log.error({ err }, msg) });
  // HTTP event batches are acknowledged once queued; the drainer applies them in arrival order.
  const intake = new IntakeDrainer(deps, { ...options.intake, log: (err, msg) => app.log.error({ err }, msg) });
  customerRoutes(app, deps, imports, intake);
  // Segment members follow events, merges and answers in the background; new definitions are evaluated page by page.
  const segments = new SegmentWorker(deps, { ...options.segments, log: (err, msg) => app.log.error({ err }, msg) });
  segmentRoutes(app, deps);
  customerKpiRoutes(app, deps);
  // Customer events from MQTT / NATS JetStream (MQTT_URL, NATS_URL), consumed on worker nodes.
  const transports = new CustomerTransports(deps, createAuthenticator(deps), (err, msg) => app.log.error({ err }, msg));
  customerTransportRoutes(app, deps, transports);
  announceCustomerEvents(deps);
  // Closed-loop cases: rules open them from unhappy answers; agents work them; SLA clocks run on workers.
  const cases = new CasesWorker(deps, { ...options.cases, log: (err, msg) => app.log.error({ err }, msg) });
  caseSetupRoutes(app, deps);
  caseRoutes(app, deps, (err, msg) => app.log.error({ err }, msg));
  competitorRoutes(app, deps);
  initiativeRoutes(app, deps);
  strategyRoutes(app, deps);
  cases.listen();
  publicSurveyRoutes(app, deps);
  publicResponseRoutes(app, deps);
  serveWebApp(app, config.webDist ?? DEFAULT_WEB_DIST);

  deps.outbox.on('responses.response.submitted', (e) => {
    const p = e.payload as { surveyId: string };
    deps.hub.publish(`survey:${p.surveyId}`, 'response', p);
    deps.hub.publishCoalesced(`workspace:${e.workspaceId}`, 'metrics', { surveyId: p.surveyId, at: new Date().toISOString() });
  });
  deps.outbox.on('responses.response.deleted', (e) => {
    const p = e.payload as { surveyId: string };
    deps.hub.publishCoalesced(`workspace:${e.workspaceId}`, 'metrics', { surveyId: p.surveyId, at: new Date().toISOString() });
  });
  deps.outbox.on('metrics.settings.changed', (e) => {
    deps.hub.publishCoalesced(`workspace:${e.workspaceId}`, 'metrics', { at: new Date().toISOString() });
  });
  deps.outbox.on('responses.batch.stored', (e) => {
    const p = e.payload as { surveyId: string; count: number };
    deps.hub.publish(`survey:${p.surveyId}`, 'batch', p);
    deps.hub.publishCoalesced(`workspace:${e.workspaceId}`, 'metrics', { surveyId: p.surveyId, at: new Date().toISOString() });
  });
  // Alert rules are evaluated as responses arrive (debounced per workspace) and, for low response
  // counts, on a clock; alerts are delivered by a retrying queue.
  const alerts = new AlertsWorker(deps, { clockEveryMs: config.alertEvaluateEveryMs, log: (err, msg) => app.log.error({ err }, msg) });
  alerts.listen();
  text.listen();
  segments.listen();
  await recounts.start();
  if (config.worker) await imports.start();
  await intake.start(config.worker);
  if (config.worker) await segments.start();
  if (config.worker) await text.start();
  if (config.worker) deps.outbox.start();
  if (config.worker) alerts.start();
  if (config.worker) transports.start();
  if (config.worker) cases.start();

  return {
    app, deps, store, recounts, text, imports, intake, segments, transports, cases,
    async listen(port = config.port, host = config.host) {
      await app.listen({ port, host });
      const addr = app.server.address();
      const url = `http://${host === '0.0.0.0' ? 'localhost' : host}:${typeof addr === 'object' && addr ? addr.port : port}`;
      setListeningUrl(url);
      return url;
    },
    async close() {
      await transports.stop();
      await recounts.stop();
      await imports.stop();
      await intake.stop();
      await segments.stop();
      await text.stop();
      await deps.outbox.stop();
      await alerts.stop();
      await cases.stop();
      deps.hub.closeAll();
      await app.close();
      await store.close();
    },
  };
}

/** The built web app (React shell, respondent script, widget) with history-API fallback. */
function serveWebApp(app: FastifyInstance, dist: string) {
  const index = path.join(dist, 'index.html');
  if (!fs.existsSync(index)) {
    app.get('/', { config: { access: { kind: 'public' } }, schema: { hide: true } }, async (_req, reply) =>
      reply.type('text/plain').send('Touchpoint API is running. The web app is not built: run `npm run build --workspace @touchpoint/web`.'));
    return;
  }
  app.register(fastifyStatic, { root: dist, wildcard: false, maxAge: '1h', index: false, preCompressed: true });
  const html = fs.readFileSync(index, 'utf8');
  app.get('/*', { config: { access: { kind: 'public' } }, schema: { hide: true } }, async (req, reply) => {
    if (req.url.startsWith('/api/') || req.url.startsWith('/public/') || req.url.startsWith('/assets/'))
      return reply.status(404).send({ error: { code: 'route_not_found', message: `no route GET ${req.url.split('?')[0]}` } });
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(html);
  });
}
