/** A compiler module for sqlite-writer.test.ts: one item row per word of `text`. */
import type { GroupFinisher, UnitCompiler } from './sqlite-writer.js';

export const compile: UnitCompiler<{ text: string; prefix: string }> = ({ text, prefix }) => {
  if (!text) throw new Error('empty text');
  const words = text.split(' ');
  return { rows: { sql: 'INSERT INTO items (id, label) VALUES (?, ?) ON CONFLICT (id) DO NOTHING', params: words.map((w) => [w, prefix + w]) }, keys: words };
};

/** Logs, once per transaction, how many rows of this compiler's units were new. */
export const afterGroup: GroupFinisher<{ text: string; prefix: string }> = (list) =>
  [{ sql: 'INSERT INTO log (note) VALUES (?)', params: [`group of ${list.length}: ${list.reduce((a, u) => a + u.inserted.length, 0)} new`] }];
