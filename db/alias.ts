import { aliasedTable, type Table } from 'drizzle-orm';
import type { alias as sqliteAlias } from 'drizzle-orm/sqlite-core';

/**
 * A second name for a table in one query (a self-join such as sponsor and requestor, both users).
 * It is drizzle's dialect-neutral alias, typed as SQLite's like every table here (db/handle.ts).
 */
export const alias = ((table: Table, name: string) => aliasedTable(table, name)) as unknown as typeof sqliteAlias;
