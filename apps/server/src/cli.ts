#!/usr/bin/env node
/** The `touchpoint` command: serve, migrate, demo, workspace/api-key admin, import/export, text analysis, key rotation. */
import { createReadStream } from 'node:fs';
import { Command, InvalidArgumentError } from 'commander';
import { API_KEY_SCOPES, ApiKeyScope } from '@touchpoint/shared';
import { loadConfig } from './platform/config.js';
import { migrateToLatest } from './platform/db/migrate.js';
import { createDeps, createServer, openStore } from './server.js';
import { createWorkspaceWithOwner, createApiKey } from './modules/accounts/index.js';
import { seedDemo, DEMO_LOGIN } from './modules/demo/index.js';
import { MetricSettingsBody, recountNow } from './modules/metrics/index.js';
import { SYSTEM_ACTOR } from './platform/audit.js';
import { AppError } from './platform/http/errors.js';
import { progressBar } from './cli/progress.js';
import { importResponsesFile, exportResponses } from './cli/import-export.js';
import { importEventsFile } from './cli/import-events.js';
import { erasePerson, exportPerson } from './modules/customers/index.js';
import { rotateKeys } from './cli/rotate-keys.js';
import { registerCalc } from './cli/calc.js';

const program = new Command('touchpoint').description('Touchpoint customer-experience platform').showHelpAfterError();

/** Runs a command with the store open, then closes it; errors print as one line and exit 1. */
async function withDeps<T>(fn: (deps: Awaited<ReturnType<typeof createDeps>>['deps']) => Promise<T>): Promise<T> {
  const { deps, store } = await createDeps(loadConfig());
  try { return await fn(deps); } finally { await store.close(); }
}

program.command('serve').description('Run the web server and the background worker')
  .option('--port <port>', 'port to listen on (env PORT, default 3000)')
  .option('--host <host>', 'address to bind (env HOST, default 127.0.0.1)')
  .option('--demo-if-empty', 'seed the demo workspace when the store has no workspace yet')
  .action(async (opts) => {
    const config = loadConfig(process.env, { ...(opts.port ? { port: Number(opts.port) } : {}), ...(opts.host ? { host: opts.host } : {}) });
    const tp = await createServer(config);
    let seeded = false;
    if (opts.demoIfEmpty && !(await tp.deps.db.selectFrom('workspaces').select('id').limit(1).executeTakeFirst())) {
      const bar = progressBar('Seeding demo data', 20_000);
      await seedDemo(tp.deps, { onProgress: (n) => bar.update(n) });
      bar.stop();
      seeded = true;
    }
    const url = await tp.listen();
    console.log(`\nTouchpoint is running at ${url}`);
    console.log(`API docs: ${url}/api/docs   Store: ${tp.deps.kind}${tp.deps.kind === 'sqlite' ? ` (${config.dataDir})` : ''}`);
    if (seeded || opts.demoIfEmpty) console.log(`Demo login: ${DEMO_LOGIN.email} / ${DEMO_LOGIN.password}`);
    const stop = async () => { await tp.close(); process.exit(0); };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });

program.command('migrate').description('Apply pending database migrations').action(async () => {
  const store = await openStore(loadConfig());
  try { console.log(JSON.stringify({ applied: await migrateToLatest(store.db) })); } finally { await store.close(); }
});

program.command('demo').description('Seed a demo workspace with surveys and responses')
  .option('--responses <n>', 'how many responses', (v) => positiveInt(v), 20_000)
  .action(async (opts) => withDeps(async (deps) => {
    const bar = progressBar('Seeding demo data', opts.responses);
    const r = await seedDemo(deps, { responses: opts.responses, onProgress: (n) => bar.update(n) });
    bar.stop();
    console.log(JSON.stringify({ ...r, login: DEMO_LOGIN }, null, 2));
  }));

program.command('metrics').description('Metrics').command('recount')
  .description("Recount a workspace's metrics from its responses, optionally with a new time zone or analysed metadata keys")
  .requiredOption('--workspace <id>')
  .option('--time-zone <tz>', 'IANA time zone days are counted in, e.g. Asia/Taipei')
  .option('--dimensions <keys>', 'comma-separated metadata keys to analyse (at most 10)')
  .action(async (opts) => withDeps(async (deps) => {
    if (!(await deps.db.selectFrom('workspaces').select('id').where('id', '=', opts.workspace).executeTakeFirst())) throw new AppError(404, 'workspace_not_found', `no workspace ${opts.workspace}`);
    const parsed = MetricSettingsBody.safeParse({ timeZone: opts.timeZone, dimensions: opts.dimensions?.split(',').map((k: string) => k.trim()).filter(Boolean) });
    if (!parsed.success) throw new AppError(400, 'validation_failed', parsed.error.issues.map((i) => `--${i.path[0] === 'timeZone' ? 'time-zone' : 'dimensions'}: ${i.message}`).join('; '));
    // In the foreground, chunk by chunk as a server would in the background: writes go on meanwhile.
    let bar: ReturnType<typeof progressBar> | undefined;
    const r = await recountNow(deps, { workspaceId: opts.workspace, actor: { ...SYSTEM_ACTOR, label: 'cli' } }, parsed.data, {
      onProgress: (done, total) => { bar ??= progressBar('Recounting metrics', total); bar.update(done); },
    });
    bar?.stop();
    console.log(JSON.stringify(r, null, 2));
  }));

const workspace = program.command('workspace').description('Manage workspaces');
workspace.command('create').description('Create a workspace and its owner account')
  .requiredOption('--name <name>').requiredOption('--owner-email <email>').requiredOption('--password <password>')
  .action(async (opts) => withDeps(async (deps) => {
    if (opts.password.length < 10) throw new InvalidArgumentError('--password needs at least 10 characters');
    console.log(JSON.stringify(await createWorkspaceWithOwner(deps, { name: opts.name, ownerEmail: opts.ownerEmail, password: opts.password })));
  }));

const apiKey = program.command('api-key').description('Manage API keys');
apiKey.command('create').description('Create an API key (printed once)')
  .requiredOption('--workspace <id>').requiredOption('--name <name>')
  .requiredOption('--scopes <list>', `comma-separated: ${API_KEY_SCOPES.join(', ')}`, (v) => v.split(',').map((s) => ApiKeyScope.parse(s.trim())))
  .action(async (opts) => withDeps(async (deps) => {
    if (!(await deps.db.selectFrom('workspaces').select('id').where('id', '=', opts.workspace).executeTakeFirst())) throw new AppError(404, 'workspace_not_found', `no workspace ${opts.workspace}`);
    const k = await createApiKey(deps, { workspaceId: opts.workspace, actor: { ...SYSTEM_ACTOR, label: 'cli' } }, { name: opts.name, scopes: opts.scopes });
    console.log(k.key);
  }));

const importCommand = program.command('import').description('Import data');
importCommand.command('responses <file>').description('Import survey responses from a CSV file')
  .requiredOption('--survey <id>')
  .action(async (file, opts) => withDeps(async (deps) => console.log(JSON.stringify(await importResponsesFile(deps, file, opts.survey), null, 2))));
importCommand.command('events <file>').description('Import customer events (identify, track, page, order) from a CSV or JSONL file, with progress')
  .requiredOption('--workspace <id>').option('--format <format>', 'csv or jsonl (default: from the file name)')
  .action(async (file, opts) => withDeps(async (deps) => {
    if (opts.format && !['csv', 'jsonl'].includes(opts.format)) throw new InvalidArgumentError('--format must be csv or jsonl');
    console.log(JSON.stringify(await importEventsFile(deps, file, opts.workspace, opts.format), null, 2));
  }));

program.command('export').description('Export data').command('responses').description('Export survey responses to standard output')
  .requiredOption('--survey <id>').option('--format <format>', 'csv or json (one object per line)', 'csv')
  .action(async (opts) => withDeps(async (deps) => {
    if (!['csv', 'json'].includes(opts.format)) throw new InvalidArgumentError('--format must be csv or json');
    const n = await exportResponses(deps, opts.survey, opts.format, process.stdout);
    process.stderr.write(`exported ${n} responses\n`);
  }));

const customersCommand = program.command('customers').description('Customer 360: a person\'s data');
customersCommand.command('export').description('Print everything stored about a person as JSON (audited)')
  .requiredOption('--workspace <id>').requiredOption('--id <customerId>')
  .action(async (opts) => withDeps(async (deps) => console.log(JSON.stringify(await exportPerson(deps, { workspaceId: opts.workspace, actor: { ...SYSTEM_ACTOR, label: 'cli' } }, opts.id), null, 2))));
customersCommand.command('erase').description('Erase a person: profiles, identifiers, events, survey answers (audited; cannot be undone)')
  .requiredOption('--workspace <id>').requiredOption('--id <customerId>').option('--yes', 'confirm the erasure')
  .action(async (opts) => withDeps(async (deps) => {
    if (!opts.yes) throw new InvalidArgumentError('erasing cannot be undone: add --yes to confirm');
    console.log(JSON.stringify(await erasePerson(deps, { workspaceId: opts.workspace, actor: { ...SYSTEM_ACTOR, label: 'cli' } }, opts.id)));
  }));

program.command('analyze [file]').description('Analyse texts (one per line, or JSONL with a "text" field) from a file or standard input: one JSON line each')
  .option('--format <format>', 'auto, lines or jsonl', 'auto')
  .action(async (file: string | undefined, opts: { format: string }) => {
    if (!['auto', 'lines', 'jsonl'].includes(opts.format)) throw new InvalidArgumentError('--format must be auto, lines or jsonl');
    const input = file && file !== '-' ? createReadStream(file) : process.stdin;
    const started = Date.now();
    // Loaded here, not at the top: the models are only read by this command.
    const { analyzeStream } = await import('./cli/analyze.js');
    const { texts, errors } = await analyzeStream(input, process.stdout, { format: opts.format as 'auto' | 'lines' | 'jsonl', onProgress: (n) => process.stderr.write(`\ranalysed ${n} texts`) });
    const seconds = (Date.now() - started) / 1000;
    process.stderr.write(`\ranalysed ${texts} texts in ${seconds.toFixed(1)} s (${Math.round(texts / Math.max(seconds, 0.001))}/s)${errors ? `, ${errors} lines not read` : ''}\n`);
    if (errors) process.exitCode = 2;
  });

program.command('keys').description('Field-encryption keys').command('rotate').description('Add a new active key and re-encrypt personal data with it')
  .action(async () => withDeps(async (deps) => {
    const r = await rotateKeys(deps, (table, n) => process.stderr.write(`re-encrypted ${n} rows (${table})\n`));
    console.log(JSON.stringify({ activeKeyId: r.ring.activeKeyId, reencryptedRows: r.reencrypted }));
    if (r.fromEnv) console.log(`Set TOUCHPOINT_ENCRYPTION_KEYS=${[r.ring.activeKeyId, ...Object.keys(r.ring.keys).filter((k) => k !== r.ring.activeKeyId)].map((id) => `${id}:${r.ring.keys[id]}`).join(',')},hash:${r.ring.hashKey}`);
  }));

registerCalc(program);

function positiveInt(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('must be a whole number');
  return n;
}

program.parseAsync(process.argv).catch((err) => {
  console.error(`touchpoint: ${err instanceof AppError ? `${err.code}: ${err.message}` : (err as Error).message}`);
  process.exit(1);
});
