/**
 * Single-row INSERTs for hot paths (audit rows, outbox events, submitted responses). Building and
 * compiling an INSERT with Kysely costs tens of microseconds, about as much as running it: the
 * SQL text is compiled once per dialect, table and column list, and each call binds fresh values.
 * Values must be plain (strings, numbers, null), not SQL expressions.
 */
import { CompiledQuery, type Kysely } from 'kysely';

const compiled = new WeakMap<object, Map<string, string>>();

export async function insertRow(db: Kysely<any>, table: string, row: Record<string, unknown>): Promise<void> {
  const columns = Object.keys(row).filter((c) => row[c] !== undefined); // as Kysely: undefined = column left out
  const adapter = db.getExecutor().adapter;
  let byShape = compiled.get(adapter);
  if (!byShape) { byShape = new Map(); compiled.set(adapter, byShape); }
  const shape = `${table}\u0001${columns.join(',')}`;
  let text = byShape.get(shape);
  if (!text) {
    const query = db.insertInto(table).values(Object.fromEntries(columns.map((c) => [c, row[c]]))).compile();
    // The parameters must come out in column order for the cached text to be reusable.
    if (query.parameters.length !== columns.length || query.parameters.some((p, i) => p !== row[columns[i]])) throw new Error(`insertRow: ${table} has values that are not plain parameters`);
    text = query.sql;
    byShape.set(shape, text);
  }
  await db.executeQuery(CompiledQuery.raw(text, columns.map((c) => row[c])));
}

/** `UPDATE table SET <patch columns> WHERE id = ?` with the SQL text compiled once per shape, as insertRow. */
export async function updateRowById(db: Kysely<any>, table: string, id: string, patch: Record<string, unknown>): Promise<void> {
  const columns = Object.keys(patch).filter((c) => patch[c] !== undefined);
  const adapter = db.getExecutor().adapter;
  let byShape = compiled.get(adapter);
  if (!byShape) { byShape = new Map(); compiled.set(adapter, byShape); }
  const shape = `update\u0001${table}\u0001${columns.join(',')}`;
  let text = byShape.get(shape);
  if (!text) {
    const query = db.updateTable(table).set(Object.fromEntries(columns.map((c) => [c, patch[c]]))).where('id', '=', id).compile();
    if (query.parameters.length !== columns.length + 1 || query.parameters.at(-1) !== id) throw new Error(`updateRowById: ${table} has values that are not plain parameters`);
    text = query.sql;
    byShape.set(shape, text);
  }
  await db.executeQuery(CompiledQuery.raw(text, [...columns.map((c) => patch[c]), id]));
}
