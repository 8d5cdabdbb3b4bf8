/** The printed table and bench/results/latest.json. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BENCH_DIR } from './child.js';

export interface Row { name: string; value: string; detail?: string }
export interface Target { name: string; actual: number; target: number; unit: string; higherIsBetter: boolean }

export const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

export function verdict(t: Target): { pass: boolean; line: string } {
  const pass = t.higherIsBetter ? t.actual >= t.target : t.actual < t.target;
  const cmp = t.higherIsBetter ? '≥' : '<';
  const digits = t.unit === '' ? 2 : t.unit === 'ms' || t.unit === 'KB' ? 1 : 0;
  return { pass, line: `${pass ? 'PASS' : 'MISS'}  ${t.name}: ${fmt(t.actual, digits)}${t.unit ? ' ' + t.unit : ''} (target ${cmp} ${fmt(t.target, digits)}${t.unit ? ' ' + t.unit : ''})` };
}

export function printTable(title: string, rows: Row[]) {
  const w = Math.max(...rows.map((r) => r.name.length));
  const v = Math.max(...rows.map((r) => r.value.length));
  console.log(`\n${title}\n${'─'.repeat(Math.min(110, w + v + 40))}`);
  for (const r of rows) console.log(`${r.name.padEnd(w)}  ${r.value.padStart(v)}${r.detail ? '  ' + r.detail : ''}`);
}

export function writeResults(data: unknown, name = 'latest.json'): string {
  const dir = path.join(BENCH_DIR, 'results');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  const machine = { node: process.version, cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, platform: `${os.platform()} ${os.release()}`, memGB: Math.round(os.totalmem() / 2 ** 30) };
  fs.writeFileSync(file, JSON.stringify({ at: new Date().toISOString(), machine, ...(data as object) }, null, 2) + '\n');
  return file;
}
