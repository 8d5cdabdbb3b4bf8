/**
 * Child processes of the bench (server under test, storage ceiling): each is a separate Node
 * process running TypeScript through tsx, talking JSON lines on stdout and commands on stdin.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import readline from 'node:readline';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const BENCH_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface ServerInfo {
  url: string; workspaceId: string; apiKey: string; store: 'sqlite' | 'postgres';
  synchronous: string | null; journal: string | null; dataDir: string; pid: number;
  surveys: Record<'warmBatch' | 'batch' | 'warmPublic' | 'public', { id: string; publicId: string }>;
}

export class JsonChild {
  private readonly waiting: ((v: any) => void)[] = [];
  private readonly queued: any[] = [];
  readonly exited: Promise<number | null>;

  constructor(private readonly proc: ChildProcessWithoutNullStreams, readonly label: string) {
    readline.createInterface({ input: proc.stdout }).on('line', (line) => {
      if (!line.startsWith('{')) { process.stderr.write(`[${label}] ${line}\n`); return; }
      const msg = JSON.parse(line);
      const w = this.waiting.shift();
      if (w) w(msg); else this.queued.push(msg);
    });
    proc.stderr.on('data', (d) => process.stderr.write(`[${label}] ${d}`));
    this.exited = new Promise((resolve) => proc.on('exit', (code) => resolve(code)));
  }

  /** The next JSON line; rejects if the child exits first. */
  next<T>(): Promise<T> {
    if (this.queued.length) return Promise.resolve(this.queued.shift());
    return Promise.race([
      new Promise<T>((resolve) => this.waiting.push(resolve)),
      this.exited.then((code) => { throw new Error(`${this.label} exited (code ${code}) before answering`); }),
    ]);
  }

  send(line: string) { this.proc.stdin.write(line + '\n'); }

  async stop(): Promise<void> {
    this.send('stop');
    const timer = setTimeout(() => this.proc.kill('SIGKILL'), 15_000);
    await this.exited;
    clearTimeout(timer);
  }
}

/**
 * Spawns `node --import tsx <script>`. BENCH_CPU_PROF=1 adds --cpu-prof (written into
 * bench/results/prof on a clean exit) so a slow run can be explained.
 */
export function spawnTs(script: string, label: string, env: NodeJS.ProcessEnv = {}): JsonChild {
  const prof = process.env.BENCH_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir', path.join(BENCH_DIR, 'results', 'prof')] : [];
  const proc = spawn(process.execPath, [...prof, '--import', 'tsx', path.join(BENCH_DIR, script)], {
    cwd: BENCH_DIR, env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'],
  });
  return new JsonChild(proc, label);
}

export async function startServer(env: NodeJS.ProcessEnv = {}): Promise<{ child: JsonChild; info: ServerInfo }> {
  const child = spawnTs('server-entry.ts', 'server', env);
  const info = await child.next<ServerInfo>();
  return { child, info };
}

export async function countRows(child: JsonChild, surveyId: string): Promise<number> {
  child.send(`count ${surveyId}`);
  return (await child.next<{ count: number }>()).count;
}

export async function countAnalysed(child: JsonChild): Promise<{ count: number; caughtUp: boolean }> {
  child.send('analysed');
  return child.next<{ count: number; caughtUp: boolean }>();
}
