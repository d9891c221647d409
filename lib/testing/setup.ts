/**
 * Runs before every test file (vitest `setupFiles`), before anything imports `db/client`.
 * Each test file runs in its own fork, so each file gets its own fresh, migrated in-memory DB.
 */
process.env.DATABASE_URL ??= ':memory:';
// A fixed secret keeps lib/env.server.ts from writing ./data/auth-secret during tests.
process.env.AUTH_SECRET ??= 'test-secret-test-secret-test-secret-0123';
