import { defineConfig } from 'vitest/config';
import path from 'node:path';

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
    environment: 'node',
    // next-auth imports `next/server` without an extension, which Node's ESM resolver refuses; inlined,
    // it goes through Vite's resolver, so code that signs people in can be tested too.
    server: { deps: { inline: ['next-auth'] } },
    pool: 'forks',
    // Points DATABASE_URL at a fresh database per test file before db/client is imported.
    setupFiles: ['lib/testing/setup.ts'],
    // On PostgreSQL (QUORUM_TEST_DB=postgres): the migrated template the per-file databases copy.
    globalSetup: ['lib/testing/global-setup.ts'],
  },
});
