import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { createWorld, expect, openTestDatabase, test } from './fixtures';
import { inspectDatabase, itemBurst } from './fixtures/durability';
import { startOwnServer, type OwnServer } from './own-server';

/**
 * `npm run backup` copies the database while the app writes to it: the copy passes
 * integrity_check, its event log's hash chain verifies (checked with `npm run audit:verify`, as an
 * operator would), it holds every item acknowledged before the backup started, and the app starts
 * on it and serves those items.
 */

const run = promisify(execFile);
const servers: OwnServer[] = [];
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'quorum-backup-test-'));
test.afterAll(async () => {
  for (const s of servers) await s.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** An npm script of the project, run as an operator would (its output, and its exit status as a failure). */
const npmScript = (name: string, args: string[], databaseUrl: string) =>
  run('npm', ['run', '-s', name, '--', ...args], { env: { ...process.env, DATABASE_URL: databaseUrl } });

test('a backup taken during writes is consistent, verifies, and the app runs on it', async ({
  passwordHash,
  signedInAs,
}) => {
  test.setTimeout(180_000);
  const server = await startOwnServer({ demo: false });
  servers.push(server);
  const database = openTestDatabase(server.databasePath);
  const world = createWorld(database.db, passwordHash);
  const pm = await world.person('pm');
  const cycle = await world.cycle();
  await database.close();
  const page = await signedInAs(pm, { baseURL: server.baseURL });

  const burst = itemBurst(page, pm, cycle.id, 3);
  await burst.until(20);
  const before = [...burst.acknowledged];
  const target = path.join(dir, 'copy.db');
  const backup = await npmScript('backup', [target], server.databasePath);
  const during = burst.acknowledged.length - before.length;
  await burst.until(burst.acknowledged.length + 5); // the writes went on after the copy too
  await burst.stop();
  expect(burst.unanswered).toBe(0);
  expect(backup.stdout).toContain(`Backup written to ${target}`);
  console.log(`backup: ${before.length} items acknowledged before it, ${during} while it ran\n${backup.stdout.trim()}`);
  test.info().annotations.push({
    type: 'backup',
    description: `${before.length} items acknowledged before the backup, ${during} while it ran; ${backup.stdout.trim()}`,
  });

  const copy = await inspectDatabase(target);
  expect(copy.integrity).toBe('ok');
  expect(copy.chain).toMatchObject({ ok: true });
  expect(before.filter((id) => !copy.itemIds.has(id))).toEqual([]);
  // One snapshot: every item in the copy has its item.created event and every such event its item.
  expect(copy.unmatched).toBe(0);
  expect(copy.itemIds.size).toBeLessThanOrEqual(burst.acknowledged.length);
  const verified = await npmScript('audit:verify', [], target);
  expect(verified.stdout).toMatch(new RegExp(`^OK: ${copy.chain.count} events in `));

  // Restored: a server started on the copy serves what it holds.
  const restored = await startOwnServer({ demo: false, from: target });
  servers.push(restored);
  const health = await fetch(`${restored.baseURL}/api/health`);
  expect(health.status).toBe(200);
  const reader = await signedInAs(pm, { baseURL: restored.baseURL });
  const listed = await reader.request.get(`/api/cycles/${cycle.id}/items`);
  expect(listed.status()).toBe(200);
  expect(((await listed.json()) as { items: unknown[] }).items).toHaveLength(copy.itemIds.size);
  await reader.goto(`/cycles/${cycle.id}`);
  await expect(reader.getByRole('heading', { name: cycle.name })).toBeVisible();
});
