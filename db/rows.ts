/** The first row of a result, or undefined: what SQLite's `.get()` gave, on both databases. */
export function first<T>(rows: readonly T[]): T | undefined {
  return rows[0];
}

/**
 * How many rows an insert, update or delete touched: SQLite reports `changes`, PostgreSQL
 * `rowCount`. A version check ("was it still the version I read?") reads it.
 */
export function affectedRows(result: unknown): number {
  const r = result as { changes?: number; rowCount?: number | null };
  return r.changes ?? r.rowCount ?? 0;
}

/** The largest id a row can have: ids are 32-bit integers in PostgreSQL, and kept so in SQLite. */
export const MAX_ROW_ID = 2_147_483_647;
