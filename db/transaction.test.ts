import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db, dialect, transaction } from './client';
import { makeCycle, makeDepartment } from './factories';
import { first } from './rows';
import { cycles, departments } from './schema';
import { openSqlite } from './sqlite-handle';

/**
 * The transaction contract of db/handle.ts, on whichever database this run uses: an `await` inside a
 * transaction never lets another request's statement into it, and a read-then-write rule holds under
 * concurrency (SQLite: the write mutex; PostgreSQL: SERIALIZABLE and a retry).
 */
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function capacity(id: number): Promise<number> {
  return first(await db.select({ c: cycles.capacityWeeks }).from(cycles).where(eq(cycles.id, id)))!.c;
}

describe(`transactions (${dialect})`, () => {
  it('keeps both of two concurrent read-then-write increments, with an await between the read and the write', async () => {
    const cycle = await makeCycle(db, { capacityWeeks: 0 });
    const increment = () =>
      transaction(async (tx) => {
        const before = first(await tx.select({ c: cycles.capacityWeeks }).from(cycles).where(eq(cycles.id, cycle.id)))!;
        await pause(20); // another request's turn, if the contract did not hold
        await tx
          .update(cycles)
          .set({ capacityWeeks: before.c + 1 })
          .where(eq(cycles.id, cycle.id));
      });
    await Promise.all([increment(), increment(), increment()]);
    expect(await capacity(cycle.id)).toBe(3);
  });

  it('rolls back everything a failed transaction wrote, and a lone write meanwhile is not part of it', async () => {
    const name = `Rolled back ${Date.now()}`;
    const failing = transaction(async (tx) => {
      await tx.insert(departments).values({ name });
      await pause(20);
      throw new Error('refused after writing');
    });
    const lone = makeDepartment(db, `${name} (alone)`);
    await expect(failing).rejects.toThrow('refused after writing');
    await lone;
    const names = (await db.select({ name: departments.name }).from(departments)).map((d) => d.name);
    expect(names).toContain(`${name} (alone)`);
    expect(names).not.toContain(name);
  });

  it('rolls back a nested transaction alone (a savepoint) and keeps the outer one', async () => {
    const name = `Outer ${Date.now()}`;
    await transaction(async (tx) => {
      await tx.insert(departments).values({ name });
      await expect(
        transaction(async (inner) => {
          await inner.insert(departments).values({ name: `${name} inner` });
          throw new Error('inner refused');
        }),
      ).rejects.toThrow('inner refused');
    });
    const names = (await db.select({ name: departments.name }).from(departments)).map((d) => d.name);
    expect(names).toContain(name);
    expect(names).not.toContain(`${name} inner`);
  });
});

describe.skipIf(dialect !== 'sqlite')('SQLite reads outside a transaction', () => {
  it('see only committed data: they run on their own connection', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'quorum-tx-'));
    const handle = openSqlite(path.join(dir, 'tx.db'));
    try {
      await handle.ready;
      let seenInside: number | undefined;
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      const open = handle.transaction(async (tx) => {
        await tx.insert(departments).values({ name: 'Uncommitted' });
        seenInside = (await tx.select().from(departments)).length;
        await held;
      });
      await pause(20); // the transaction has written and waits
      // Another request, outside the transaction, reads while it is open.
      const seenOutside = (await handle.rows<{ n: number }>('select count(*) as n from departments'))[0].n;
      release();
      await open;
      expect(seenInside).toBe(1);
      expect(seenOutside).toBe(0);
      expect((await handle.db.select().from(departments)).length).toBe(1);
    } finally {
      await handle.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
