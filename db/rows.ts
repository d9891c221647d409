/** The first row of a result, or undefined: what SQLite's `.get()` gave, on both databases. */
export function first<T>(rows: readonly T[]): T | undefined {
  return rows[0];
}
