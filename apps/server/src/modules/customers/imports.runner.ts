/**
 * Runs event imports in the background of the server, one loop per import, chunk after chunk;
 * at start it resumes every import a restart or a crash left running. Each chunk's progress goes to
 * the workspace's live stream as an 'import' frame. Stopping lets the chunk under way commit.
 */
import type { Deps } from '../../deps.js';
import { failImport, importChunk, runningImports, type ImportView } from './imports.service.js';

/** Chunks in a row that may fail (a busy store, a full disk) before the import is marked failed. */
const MAX_FAILURES = 20;

export class ImportRunner {
  private readonly loops = new Map<string, Promise<void>>();
  private stopped = false;

  constructor(private readonly deps: Deps, private readonly opts: { chunk?: number; retryMs?: number; log?: (err: unknown, msg: string) => void } = {}) {}

  async start(): Promise<void> {
    this.stopped = false;
    for (const imp of await runningImports(this.deps)) this.kick(imp.workspace_id, imp.id);
  }

  kick(workspaceId: string, id: string): void {
    if (this.stopped || this.loops.has(id)) return;
    this.loops.set(id, this.run(workspaceId, id).finally(() => this.loops.delete(id)));
  }

  async idle(): Promise<void> {
    while (this.loops.size) await Promise.all([...this.loops.values()]);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.idle();
  }

  private async run(workspaceId: string, id: string): Promise<void> {
    const topic = `workspace:${workspaceId}`;
    let failures = 0;
    while (!this.stopped) {
      let state: ImportView;
      try {
        state = await importChunk(this.deps, id, this.opts.chunk);
        failures = 0;
      } catch (err) {
        (this.opts.log ?? ((e, m) => console.error(m, e)))(err, `customer import ${id} failed a chunk; retrying`);
        if (++failures > MAX_FAILURES) {
          // Given up: said so on the import (and the stream), not left "running" for ever.
          const failed = await failImport(this.deps, id, (err as Error).message).catch(() => null);
          if (failed) this.deps.hub.publishCoalesced(topic, 'import', { id, status: failed.status, doneBytes: failed.doneBytes, sizeBytes: failed.sizeBytes, records: failed.records, accepted: failed.accepted, duplicates: failed.duplicates, invalid: failed.invalid }, 250, id);
          return;
        }
        await new Promise((r) => setTimeout(r, this.opts.retryMs ?? 1000));
        continue;
      }
      const frame = { id, status: state.status, doneBytes: state.doneBytes, sizeBytes: state.sizeBytes, records: state.records, accepted: state.accepted, duplicates: state.duplicates, invalid: state.invalid };
      // Coalesced, the last frame included: a pending 'running' frame is replaced, never sent after it.
      this.deps.hub.publishCoalesced(topic, 'import', frame, 250, id);
      if (state.status !== 'running') return;
    }
  }
}
