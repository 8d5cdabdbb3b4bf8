/** A compiler module for sqlite-writer.test.ts: one item row per word of `text`. */
import type { UnitCompiler } from './sqlite-writer.js';

export const compile: UnitCompiler<{ text: string; prefix: string }> = ({ text, prefix }) => {
  if (!text) throw new Error('empty text');
  const words = text.split(' ');
  return { rows: { sql: 'INSERT INTO items (id, label) VALUES (?, ?) ON CONFLICT (id) DO NOTHING', params: words.map((w) => [w, prefix + w]) }, keys: words };
};
