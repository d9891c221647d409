import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { asAppError, errorStatus } from '@/lib/errors';
import { openPostgres } from './postgres-handle';
import { isDatabaseUnavailable } from './unavailable';

// Port 9 on loopback: nothing listens there, so every connection is refused at once.
const NOWHERE = 'postgres://quorum:secret-password@127.0.0.1:9/quorum';

describe('a PostgreSQL database that cannot be reached', () => {
  it('makes a query fail with an error the app answers with 503 and a message', async () => {
    const handle = openPostgres(NOWHERE, { migrate: false });
    try {
      const error = await handle.rows('select 1').then(
        () => null,
        (e: unknown) => e,
      );
      expect(isDatabaseUnavailable(error)).toBe(true);
      expect(errorStatus(error)).toBe(503);
      expect(asAppError(error)?.message).toMatch(/cannot reach its database/);
    } finally {
      await handle.close();
    }
  });

  it('is not confused with a query the database refused', () => {
    const refused = Object.assign(new Error('duplicate key value violates unique constraint'), { code: '23505' });
    expect(isDatabaseUnavailable(refused)).toBe(false);
    expect(errorStatus(refused)).toBeNull();
  });

  it('stops the start with a message naming DATABASE_URL (not its password) and exits non-zero', () => {
    const root = path.resolve(import.meta.dirname, '..');
    const run = spawnSync(
      process.execPath,
      ['--conditions=react-server', '--import', 'tsx', path.join(root, 'scripts', 'prepare-db.ts')],
      { cwd: root, env: { ...process.env, DATABASE_URL: NOWHERE }, encoding: 'utf8', timeout: 30_000 },
    );
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain('Quorum cannot start.');
    expect(run.stderr).toContain('127.0.0.1:9/quorum (DATABASE_URL)');
    expect(run.stderr).toMatch(/ECONNREFUSED/);
    expect(run.stderr).not.toContain('secret-password');
  });
});
