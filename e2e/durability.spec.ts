import { createWorld, expect, openTestDatabase, test } from './fixtures';
import { inspectDatabase, itemBurst } from './fixtures/durability';
import { startOwnServer, type OwnServer } from './own-server';

/**
 * A crash in the middle of a burst of writes loses none that were acknowledged. A private server
 * (e2e/own-server.ts) takes item creations from a pm's session, four at a time, and is killed with
 * SIGKILL while they arrive; started again on the same file, it still has every item it answered
 * 201 for (each with its item.created event), the file passes integrity_check and the event log's
 * hash chain verifies from the first row to the last.
 */

let server: OwnServer | undefined;
test.afterAll(async () => {
  await server?.stop();
});

test('every acknowledged write survives a SIGKILL mid-burst; the file is whole and its hash chain verifies', async ({
  passwordHash,
  signedInAs,
}) => {
  test.setTimeout(120_000);
  server = await startOwnServer({ demo: false });
  const database = openTestDatabase(server.databasePath);
  const world = createWorld(database.db, passwordHash);
  const pm = await world.person('pm');
  const cycle = await world.cycle();
  await database.close();
  const page = await signedInAs(pm, { baseURL: server.baseURL });

  const burst = itemBurst(page, pm, cycle.id);
  await burst.until(30);
  const beforeKill = burst.acknowledged.length;
  // The kill lands while requests are in flight; the writers stop on their first unanswered request.
  await server.restart('SIGKILL', () => burst.stop());
  const acknowledged = [...burst.acknowledged];
  console.log(
    `durability: ${acknowledged.length} writes acknowledged before the SIGKILL (${beforeKill} when it was sent), ${burst.unanswered} unanswered`,
  );
  test.info().annotations.push({
    type: 'durability',
    description: `${acknowledged.length} writes acknowledged before the SIGKILL, ${burst.unanswered} unanswered`,
  });
  expect(burst.unanswered, 'the kill interrupted the burst').toBeGreaterThan(0);

  const after = await inspectDatabase(server.databasePath);
  expect(after.integrity).toBe('ok');
  expect(after.chain).toMatchObject({ ok: true });
  expect(after.unmatched, 'items without their event, or events without their item').toBe(0);
  const missing = acknowledged.filter((id) => !after.itemIds.has(id));
  expect(missing, 'acknowledged items missing after the restart').toEqual([]);

  // The restarted server serves them too, and goes on writing onto the same chain.
  const listed = await page.request.get(`/api/cycles/${cycle.id}/items`);
  expect(listed.status()).toBe(200);
  expect(((await listed.json()) as { items: unknown[] }).items.length).toBeGreaterThanOrEqual(acknowledged.length);
  const more = await page.request.post('/api/items', {
    headers: { origin: server.baseURL },
    data: {
      cycleId: cycle.id,
      title: 'After the crash',
      kind: 'feature',
      requestorId: pm.id,
      departmentId: pm.departmentId,
    },
  });
  expect(more.status()).toBe(201);
  expect((await inspectDatabase(server.databasePath)).chain).toMatchObject({ ok: true, count: after.chain.count + 1 });
});
