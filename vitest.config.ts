import { defineConfig } from 'vitest/config';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Test files that never reach a database: they import no server-only module, nothing of db/ but the
 * schema's constants, and no test helper or route. The PostgreSQL run leaves them out, as they would
 * only repeat the SQLite run's work; db/ and every file that touches a database run on both.
 */
const REACHES_DATABASE =
  /from '[^']*(\.server|\/db\/(?!schema)[a-z-]+|lib\/testing\/[a-z-]+|@\/app\/[^']+|\.\.\/app\/[^']+)'/;
function databaseFreeTests(dirs: string[]): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.test.ts') && !REACHES_DATABASE.test(fs.readFileSync(full, 'utf8')))
        found.push(path.relative(import.meta.dirname, full));
    }
  };
  for (const dir of dirs) walk(path.join(import.meta.dirname, dir));
  return found;
}
const onPostgres = process.env.QUORUM_TEST_DB === 'postgres';

export default defineConfig({
  resolve: {
    alias: {
      '@': path.resolve(import.meta.dirname),
      // `server-only` throws outside a React Server environment; unit tests run lib/ directly.
      'server-only': path.resolve(import.meta.dirname, 'lib/testing/server-only-stub.ts'),
    },
  },
  test: {
    // Playwright specs live in e2e/ and must not be picked up here.
    include: ['lib/**/*.test.ts', 'db/**/*.test.ts', 'app/**/*.test.ts'],
    exclude: onPostgres ? databaseFreeTests(['lib', 'app']) : [],
    environment: 'node',
    // next-auth imports `next/server` without an extension, which Node's ESM resolver refuses; inlined,
    // it goes through Vite's resolver, so code that signs people in can be tested too.
    server: { deps: { inline: ['next-auth'] } },
    // Worker threads start and load modules faster than child processes: the same files ran about an
    // eighth quicker on two cores.
    pool: 'threads',
    // Points DATABASE_URL at a fresh database per test file before db/client is imported.
    setupFiles: ['lib/testing/setup.ts'],
    // On PostgreSQL (QUORUM_TEST_DB=postgres): the migrated template the per-file databases copy.
    globalSetup: ['lib/testing/global-setup.ts'],
  },
});
