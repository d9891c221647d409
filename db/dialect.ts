/**
 * The few pieces of hand-written SQL that differ between SQLite and PostgreSQL. Everything else is
 * written once: drizzle's builders, and raw SQL in the subset both accept.
 */
export type Dialect = 'sqlite' | 'postgres';

export const sqlPieces = (dialect: Dialect) =>
  dialect === 'postgres'
    ? {
        /** Comma-joined integers of a subquery column, or null. */
        joinedIds: (column: string) => `string_agg(${column}::text, ',' order by ${column})`,
        /** A condition as 0/1, as SQLite returns it. */
        asInt: (condition: string) => `(${condition})::int`,
        /** A count as a JavaScript number (PostgreSQL's bigint arrives as text). */
        count: (expr = '*') => `count(${expr})::int`,
        /** A JSON column as its stored text. */
        jsonText: (column: string) => `${column}::text`,
        /** Keeps the planner off an index for this column (SQLite's unary plus). */
        noIndex: (column: string) => column,
      }
    : {
        joinedIds: (column: string) => `group_concat(${column})`,
        asInt: (condition: string) => `(${condition})`,
        count: (expr = '*') => `count(${expr})`,
        jsonText: (column: string) => column,
        noIndex: (column: string) => `+${column}`,
      };
