import { describe, expect, it } from 'vitest';
import { getTableName, is, SQL, Table, type InferSelectModel } from 'drizzle-orm';
import { getTableConfig as pgConfig, PgDialect, PgTable, type PgColumn } from 'drizzle-orm/pg-core';
import {
  getTableConfig as sqliteConfig,
  SQLiteSyncDialect,
  SQLiteTable,
  type SQLiteColumn,
} from 'drizzle-orm/sqlite-core';
import * as sqliteSchema from './schema/sqlite';
import * as pgSchema from './schema-pg';

/**
 * The PostgreSQL schema must describe the same database as the SQLite one: same tables, columns,
 * defaults, keys and indexes, and rows that read back as the same JavaScript values. Each table is
 * reduced to a dialect-neutral description and the two descriptions must be equal, so a failure's
 * diff shows the table (in the test's name) and the column or index that differs.
 */

/** Column types by what a row holds in JavaScript; anything not listed fails the test by name. */
const NEUTRAL_TYPES: Record<string, string> = {
  SQLiteInteger: 'integer',
  SQLiteText: 'text',
  SQLiteTextJson: 'json',
  SQLiteReal: 'double',
  SQLiteBoolean: 'boolean',
  PgInteger: 'integer',
  // Epoch-ms columns: PostgreSQL's integer is 32 bits; bigint in 'number' mode reads back a number.
  PgBigInt53: 'integer',
  PgText: 'text',
  PgJsonb: 'json',
  PgJson: 'json',
  PgDoublePrecision: 'double',
  PgBoolean: 'boolean',
};

function neutralType(columnType: string): string {
  return NEUTRAL_TYPES[columnType] ?? `unmapped ${columnType}`;
}

function tablesOf(schema: Record<string, unknown>, kind: typeof SQLiteTable | typeof PgTable) {
  return Object.fromEntries(Object.entries(schema).filter(([, value]) => is(value, kind))) as Record<string, Table>;
}
const sqliteTables = tablesOf(sqliteSchema, SQLiteTable) as Record<string, SQLiteTable>;
const pgTables = tablesOf(pgSchema, PgTable) as Record<string, PgTable>;

type AnyColumn = SQLiteColumn | PgColumn;

function describeDefault(column: AnyColumn): unknown {
  if (!column.hasDefault || column.default === undefined) return undefined;
  // A SQL expression is written per dialect: only its presence can be compared.
  return is(column.default, SQL) ? 'sql expression' : column.default;
}

function describeColumn(column: AnyColumn, autoIncrement: boolean, implicitDefault: boolean) {
  return {
    type: neutralType(column.columnType),
    enumValues: column.enumValues ?? null,
    notNull: column.notNull,
    hasDefault: column.hasDefault && !implicitDefault,
    default: describeDefault(column),
    primaryKey: column.primary,
    autoIncrement,
    unique: column.isUnique ? (column.uniqueName ?? true) : false,
  };
}

type Config = ReturnType<typeof sqliteConfig> | ReturnType<typeof pgConfig>;

function describeConstraints(config: Config, renderSql: (where: SQL) => string) {
  const names = (columns: { name: string }[]) => columns.map((c) => c.name);
  return {
    indexes: Object.fromEntries(
      config.indexes.map((index) => [
        index.config.name,
        {
          columns: names(index.config.columns as { name: string }[]),
          unique: index.config.unique,
          where: index.config.where ? renderSql(index.config.where) : null,
        },
      ]),
    ),
    uniqueConstraints: config.uniqueConstraints.map((u) => ({ name: u.getName(), columns: names(u.columns) })),
    primaryKeys: config.primaryKeys.map((pk) => ({ name: pk.getName(), columns: names(pk.columns) })),
    foreignKeys: Object.fromEntries(
      config.foreignKeys.map((fk) => {
        const ref = fk.reference();
        return [
          fk.getName(),
          {
            columns: names(ref.columns),
            foreignTable: getTableName(ref.foreignTable),
            foreignColumns: names(ref.foreignColumns),
            onDelete: fk.onDelete ?? 'no action',
            onUpdate: fk.onUpdate ?? 'no action',
          },
        ];
      }),
    ),
  };
}

const sqliteDialect = new SQLiteSyncDialect();
const pgDialect = new PgDialect();

function describeSqliteTable(table: SQLiteTable) {
  const config = sqliteConfig(table);
  const columns = Object.fromEntries(
    config.columns.map((c) => {
      const autoIncrement = (c as SQLiteColumn & { autoIncrement?: boolean }).autoIncrement === true;
      // An integer primary key is SQLite's rowid, which drizzle marks as having a default even
      // without AUTOINCREMENT; those keys are always given (they are foreign keys), so PostgreSQL
      // rightly has no default for them.
      const rowidDefault = c.primary && c.columnType === 'SQLiteInteger' && !autoIncrement;
      return [c.name, describeColumn(c, autoIncrement, rowidDefault)];
    }),
  );
  return { name: config.name, columns, ...describeConstraints(config, (w) => sqliteDialect.sqlToQuery(w).sql) };
}

function describePgTable(table: PgTable) {
  const config = pgConfig(table);
  const columns = Object.fromEntries(
    config.columns.map((c) => [c.name, describeColumn(c, c.generatedIdentity?.type === 'byDefault', false)]),
  );
  return { name: config.name, columns, ...describeConstraints(config, (w) => pgDialect.sqlToQuery(w).sql) };
}

describe('the PostgreSQL schema mirrors the SQLite schema', () => {
  it('exports the same tables under the same names', () => {
    expect(Object.keys(pgTables).sort()).toEqual(Object.keys(sqliteTables).sort());
    expect(Object.keys(sqliteTables).length).toBeGreaterThan(30);
  });

  it.each(Object.keys(sqliteTables).sort())('%s: same columns, keys and indexes', (exportName) => {
    const pgTable = pgTables[exportName];
    expect(pgTable, `db/schema-pg has no table exported as ${exportName}`).toBeDefined();
    expect(describePgTable(pgTable)).toEqual(describeSqliteTable(sqliteTables[exportName]));
  });

  it('keeps epoch-ms integers in 64 bits and the event data as exact JSON text', () => {
    const misfits: string[] = [];
    for (const [exportName, table] of Object.entries(pgTables)) {
      for (const column of pgConfig(table).columns) {
        const sqliteColumn = sqliteConfig(sqliteTables[exportName]).columns.find((c) => c.name === column.name);
        // Timestamps are ISO text, except integer ones (named at or *_at), which hold epoch ms.
        const epochMs = sqliteColumn?.columnType === 'SQLiteInteger' && /(^|_)at$/.test(column.name);
        if (epochMs && column.columnType !== 'PgBigInt53') misfits.push(`${exportName}.${column.name} is not bigint`);
        const json = column.columnType === 'PgJson' || column.columnType === 'PgJsonb';
        const wanted = exportName === 'events' ? 'PgJson' : 'PgJsonb';
        if (json && column.columnType !== wanted) misfits.push(`${exportName}.${column.name} is not ${wanted}`);
      }
    }
    expect(misfits).toEqual([]);
  });
});

// Compile-time half: every table's row type is the same in both schemas (`npx tsc --noEmit`
// reports the name of a table whose rows differ, e.g. a json column that lost its $type).
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type RowTypes<Schema> = {
  [K in keyof Schema as Schema[K] extends Table ? K : never]: Schema[K] extends Table
    ? InferSelectModel<Schema[K]>
    : never;
};
type SqliteRows = RowTypes<typeof sqliteSchema>;
type PgRows = RowTypes<typeof pgSchema>;
type TablesWithOtherRows = {
  [K in keyof SqliteRows]: K extends keyof PgRows ? (Equal<SqliteRows[K], PgRows[K]> extends true ? never : K) : K;
}[keyof SqliteRows];
const rowTypesAgree: [TablesWithOtherRows] extends [never] ? true : `row types differ: ${TablesWithOtherRows}` = true;
void rowTypesAgree;
