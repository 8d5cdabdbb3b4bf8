/**
 * Main-thread side of the text-analysis thread (analysis.thread.mjs): the CPU work of analysing
 * answers and re-tagging history runs there, so neither requests nor the SQLite writer wait for
 * it. The thread starts on the first request and, being unref'd while idle, never keeps the
 * process alive. If it dies, what was in flight fails (the loops retry their chunk) and the next
 * request starts a new one.
 */
import { Worker } from 'node:worker_threads';
import type { Theme } from '@touchpoint/shared';
import type { TextFields, ThemeTag } from './analysis-fields.js';

/** A taxonomy as the thread needs it: a cache key (the workspace), its version and definitions. */
export interface TaxonomyRef { key: string; version: number; themes: Theme[] }
export interface ThreadItem { text: string; taxonomy: TaxonomyRef }

type Pending = { resolve: (r: unknown[]) => void; reject: (e: Error) => void };

export class AnalysisThread {
  private worker: Worker | null = null;
  private nextId = 0;
  private readonly pending = new Map<number, Pending>();
  /** Whether the thread could lower its priority (reported once it has started). */
  niced: boolean | null = null;

  constructor(private readonly nice = 19) {}

  analyse(items: ThreadItem[]): Promise<TextFields[]> {
    return this.request('analyse', items) as Promise<TextFields[]>;
  }

  themes(items: ThreadItem[]): Promise<ThemeTag[][]> {
    return this.request('themes', items) as Promise<ThemeTag[][]>;
  }

  /** Stops the thread (what is in flight fails); a later request starts a new one. */
  async close(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    this.failAll(new Error('the analysis thread was stopped'));
    if (w) await w.terminate();
  }

  private request(kind: 'analyse' | 'themes', items: ThreadItem[]): Promise<unknown[]> {
    if (!items.length) return Promise.resolve([]);
    const taxonomies = new Map(items.map((i) => [i.taxonomy.key, i.taxonomy]));
    const id = this.nextId++;
    const worker = this.start();
    return new Promise<unknown[]>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.ref();
      // Only the text and its taxonomy's key per item; each definition travels once per request.
      worker.postMessage({ id, kind, taxonomies: [...taxonomies.values()], items: items.map((i) => ({ text: i.text, taxonomy: i.taxonomy.key })) });
    });
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const w = new Worker(new URL('./analysis.thread.mjs', import.meta.url), { workerData: { nice: this.nice } });
    w.unref();
    w.on('message', (m: { ready?: true; niced?: boolean; id?: number; results?: unknown[]; error?: string }) => {
      if (m.ready) { this.niced = !!m.niced; return; }
      const p = this.pending.get(m.id!);
      if (!p) return;
      this.pending.delete(m.id!);
      if (!this.pending.size) w.unref();
      if (m.error !== undefined) p.reject(new Error(`text analysis failed: ${m.error}`));
      else p.resolve(m.results!);
    });
    const gone = (err: Error) => {
      if (this.worker === w) this.worker = null;
      this.failAll(err);
    };
    w.on('error', gone);
    w.on('exit', (code) => gone(new Error(`the analysis thread exited (code ${code})`)));
    this.worker = w;
    return w;
  }

  private failAll(err: Error) {
    const all = [...this.pending.values()];
    this.pending.clear();
    for (const p of all) p.reject(err);
  }
}
