import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { openSqlite } from '@/db/sqlite-handle';
import type Database from 'better-sqlite3';
import { makeCycle, makeItem, makeUser } from '@/db/factories';
import { events } from '@/db/schema';
import { logEvent } from '@/lib/events/log.server';
import { countRows, db } from '@/lib/testing/db';
import {
  appendEvent,
  canonicalJson,
  eventHash,
  GENESIS_HASH,
  sealEvents,
  verifyChain,
  verifySqliteChain,
} from './event-chain';
import { eventPage, lastEventId } from './event-pages';
import { first } from './rows';

type Opened = ReturnType<typeof openSqlite> & { sqlite: Database.Database };
const opened: Opened[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const o of opened.splice(0)) if (o.sqlite.open) o.sqlite.close();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** A database of its own, so a test may drop its triggers without touching the file's shared one. */
async function freshDatabase(file = ':memory:'): Promise<Opened> {
  const o = openSqlite(file) as Opened;
  opened.push(o);
  await o.ready;
  return o;
}

async function withEvents(o: Opened, n: number) {
  for (let i = 1; i <= n; i++)
    await o.transaction((tx) =>
      appendEvent(tx, { actorId: null, type: 'test.event', subjectType: 'item', subjectId: i, data: { n: i } }),
    );
  return o;
}

const dropTriggers = (o: Opened) => o.sqlite.exec('drop trigger events_no_update; drop trigger events_no_delete;');

/** An insert that bypasses the chain, as rows written before it existed were. */
const insertUnsealed = (o: Opened, subjectId: number) =>
  o.sqlite
    .prepare(
      `insert into events (at, actor_id, type, subject_type, subject_id, data) values (?, null, 'old.event', 'item', ?, ?)`,
    )
    .run('2026-01-01T00:00:00.000Z', subjectId, JSON.stringify({ z: 1, a: [1, { y: 2, b: null }] }));

describe('canonical JSON', () => {
  it('sorts keys at every depth, keeps array order, leaves out undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { f: 1, e: 'x' }], c: undefined } })).toBe(
      '{"a":{"d":[3,{"e":"x","f":1}]},"b":1}',
    );
  });
});

describe('appending', () => {
  it('links each row to the one before and hashes its own content', async () => {
    const first = await logEvent(db, {
      actorId: null,
      type: 'a.one',
      subjectType: 'item',
      subjectId: 1,
      data: { x: 1 },
    });
    const second = await logEvent(db, {
      actorId: null,
      type: 'a.two',
      subjectType: 'item',
      subjectId: 1,
      data: { x: 2 },
    });
    const [a, b] = (await db.select().from(events).where(eq(events.subjectId, 1)).orderBy(asc(events.id))).slice(-2);
    expect([a.id, b.id]).toEqual([first, second]);
    expect(b.prevHash).toBe(a.hash);
    expect(b.hash).toBe(eventHash(a.hash!, b));
    expect(b.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(await verifyChain(await lastEventId(), eventPage)).toMatchObject({ ok: true, lastHash: b.hash });
  });

  it('starts the chain at the genesis value', async () => {
    const o = await withEvents(await freshDatabase(), 1);
    const row = first(await o.db.select().from(events))!;
    expect(row.prevHash).toBe(GENESIS_HASH);
    expect(row.hash).toBe(eventHash(GENESIS_HASH, row));
  });

  it("chains the factories' events too", async () => {
    const pm = await makeUser(db, { role: 'pm' });
    const item = await makeItem(db, {
      cycleId: (await makeCycle(db)).id,
      requestorId: pm.id,
      departmentId: pm.departmentId,
    });
    const row = (await db.select().from(events).where(eq(events.subjectId, item.id))).at(-1)!;
    expect(row.type).toBe('item.created');
    expect(row.hash).toBe(eventHash(row.prevHash!, row));
    const report = await verifyChain(await lastEventId(), eventPage);
    expect(report.ok).toBe(true);
    expect(report.count).toBe(await countRows('events'));
  });
});

describe('the verifier', () => {
  it('passes a good chain and counts its rows', async () => {
    expect(await verifySqliteChain((await withEvents(await freshDatabase(), 5)).sqlite)).toMatchObject({
      ok: true,
      count: 5,
    });
    expect(await verifySqliteChain((await freshDatabase()).sqlite)).toEqual({
      ok: true,
      count: 0,
      lastHash: GENESIS_HASH,
    });
  });

  it('names the first row whose content was changed', async () => {
    const o = await withEvents(await freshDatabase(), 5);
    dropTriggers(o);
    o.sqlite.prepare(`update events set data = '{"n":99}' where id = 3`).run();
    o.sqlite.prepare(`update events set type = 'forged' where id = 4`).run();
    expect(await verifySqliteChain(o.sqlite)).toMatchObject({ ok: false, count: 2, badId: 3, problem: 'content' });
  });

  it('names the row after a deleted one as badly linked', async () => {
    const o = await withEvents(await freshDatabase(), 5);
    dropTriggers(o);
    o.sqlite.prepare('delete from events where id = 3').run();
    expect(await verifySqliteChain(o.sqlite)).toMatchObject({ ok: false, badId: 4, problem: 'link' });
  });

  it('detects reordered rows', async () => {
    const o = await withEvents(await freshDatabase(), 5);
    dropTriggers(o);
    o.sqlite.exec('update events set id = 100 where id = 2; update events set id = 2 where id = 3; ');
    o.sqlite.exec('update events set id = 3 where id = 100;');
    expect(await verifySqliteChain(o.sqlite)).toMatchObject({ ok: false, badId: 2, problem: 'link' });
  });

  it('reports a row written without hashes after sealed ones', async () => {
    const o = await withEvents(await freshDatabase(), 2);
    insertUnsealed(o, 7);
    expect(await verifySqliteChain(o.sqlite)).toMatchObject({ ok: false, count: 2, badId: 3, problem: 'link' });
  });
});

describe('sealing', () => {
  it('seals rows without hashes in id order, and the next append follows them', async () => {
    const o = await freshDatabase();
    for (let i = 0; i < 3; i++) insertUnsealed(o, i);
    expect((await verifySqliteChain(o.sqlite)).ok).toBe(false);
    expect(await o.transaction((tx) => sealEvents(tx))).toBe(3);
    expect(await verifySqliteChain(o.sqlite)).toMatchObject({ ok: true, count: 3 });
    insertUnsealed(o, 9);
    await withEvents(o, 1); // an append seals a trailing unsealed row first
    expect(await verifySqliteChain(o.sqlite)).toMatchObject({ ok: true, count: 5 });
  });

  it('does not hide a row slipped into a gap in the middle: the row after it no longer links', async () => {
    const o = await withEvents(await freshDatabase(), 2);
    o.sqlite
      .prepare(
        `insert into events (id, at, type, subject_type, subject_id, data) values (5, 'x', 't', 'item', 1, '{}')`,
      )
      .run();
    await withEvents(o, 1); // seals row 5, appends row 6
    expect(await verifySqliteChain(o.sqlite)).toMatchObject({ ok: true, count: 4 });
    o.sqlite
      .prepare(
        `insert into events (id, at, type, subject_type, subject_id, data) values (3, 'x', 't', 'item', 1, '{}')`,
      )
      .run();
    expect(await o.transaction((tx) => sealEvents(tx))).toBe(1);
    expect(await verifySqliteChain(o.sqlite)).toMatchObject({ ok: false, count: 3, badId: 5, problem: 'link' });
  });

  it('seals an existing database when it is opened, and keeps it append-only afterwards', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'quorum-chain-'));
    dirs.push(dir);
    const file = path.join(dir, 'old.db');
    const before = await freshDatabase(file);
    for (let i = 0; i < 4; i++) insertUnsealed(before, i);
    before.sqlite.close();
    opened.pop();

    const after = await freshDatabase(file);
    expect(await verifySqliteChain(after.sqlite)).toMatchObject({ ok: true, count: 4 });
    // A sealed row can no longer be changed, resealed or deleted.
    expect(() => after.sqlite.prepare(`update events set data = '{}' where id = 1`).run()).toThrow(/append-only/);
    expect(() => after.sqlite.prepare(`update events set hash = 'x', prev_hash = 'y' where id = 1`).run()).toThrow(
      /append-only/,
    );
    expect(() => after.sqlite.prepare('delete from events where id = 4').run()).toThrow(/append-only/);
    // Sealing may fill the hashes of an unsealed row, but not change its content at the same time.
    insertUnsealed(after, 5);
    expect(() =>
      after.sqlite.prepare(`update events set data = '{}', hash = 'x', prev_hash = 'y' where id = 5`).run(),
    ).toThrow(/append-only/);
  });
});
