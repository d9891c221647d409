import path from 'node:path';

/**
 * `DATABASE_URL` unset → ./data/quorum.db. Accepts a path, `file:<path>` or `:memory:`. Its own module
 * (no connection opened on import) so that scripts which must not migrate or write, such as the
 * audit check and the backup, resolve the same file as the app.
 */
export function databasePath(url = process.env.DATABASE_URL): string {
  if (!url) return path.join(/*turbopackIgnore: true*/ process.cwd(), 'data', 'quorum.db');
  return url.startsWith('file:') ? url.slice('file:'.length) : url;
}

/** Which database `DATABASE_URL` names: a postgres:// (or postgresql://) URL, or else a SQLite file. */
export function databaseDialect(url = process.env.DATABASE_URL): 'sqlite' | 'postgres' {
  return url && /^postgres(ql)?:\/\//.test(url) ? 'postgres' : 'sqlite';
}
