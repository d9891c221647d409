/**
 * Runs before every test file (vitest `setupFiles`), before anything imports `db/client`.
 * Each test file runs in its own fork, so each file gets its own fresh, migrated database: an
 * in-memory SQLite one, or with QUORUM_TEST_DB=postgres a copy of the migrated PostgreSQL template.
 */
import { createTestDatabase } from './postgres-template';

if (process.env.QUORUM_TEST_DB === 'postgres') {
  process.env.DATABASE_URL = await createTestDatabase(process.env.QUORUM_TEST_PG_URL!);
} else {
  process.env.DATABASE_URL ??= ':memory:';
}
// A fixed secret keeps lib/env.server.ts from writing ./data/auth-secret during tests.
process.env.AUTH_SECRET ??= 'test-secret-test-secret-test-secret-0123';
