import { createHash } from 'node:crypto';
import { and, asc, desc, eq, gte, is, isNull, lt, sql } from 'drizzle-orm';
import { PgDatabase } from 'drizzle-orm/pg-core';
import type Database from 'better-sqlite3';
import { sqlPieces, type Dialect } from './dialect';
import { isInTransaction, type Db } from './handle';
import { events } from './schema';
import { first } from './rows';

/**
 * The hash chain over the event log, the one place that appends to it. Every row carries
 * `prev_hash` (the previous row's `hash` by id order; GENESIS_HASH for the first row) and
 * `hash` = SHA-256, in lowercase hex, of the UTF-8 text `prev_hash + content`, where content is the
 * canonical JSON of the row's own columns:
 *   {"actor_id":…,"at":…,"data":…,"id":…,"subject_id":…,"subject_type":…,"type":…}
 * Canonical JSON: object keys sorted by UTF-16 code units (JavaScript's default sort) at every
 * depth, no whitespace, strings and numbers as JSON.stringify writes them, keys whose value is
 * undefined left out (as the stored JSON leaves them out). scripts/verify-audit-export.mjs repeats
 * these few lines without dependencies, so that an auditor can check an export offline; keep both equal.
 */

export const GENESIS_HASH = '0'.repeat(64);

export type NewEvent = {
  at?: string;
  actorId: number | null;
  type: string;
  subjectType: string;
  subjectId: number;
  data: Record<string, unknown>;
};

/** A row's own columns, as stored: what its hash covers. */
export type EventContent = {
  id: number;
  at: string;
  actorId: number | null;
  type: string;
  subjectType: string;
  subjectId: number;
  data: unknown;
};

export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value);
}

export function eventHash(prevHash: string, row: EventContent): string {
  const content = canonicalJson({
    id: row.id,
    at: row.at,
    actor_id: row.actorId,
    type: row.type,
    subject_type: row.subjectType,
    subject_id: row.subjectId,
    data: row.data,
  });
  return createHash('sha256')
    .update(prevHash + content, 'utf8')
    .digest('hex');
}

/**
 * Appends one event with its hashes and returns its id. Call it inside a transaction (db/handle.ts):
 * reading the last hash and inserting must not interleave with another writer.
 */
export async function appendEvent(db: Db, e: NewEvent): Promise<number> {
  if (!isInTransaction(db)) return db.transaction((tx) => appendEvent(tx, e));
  const tx = db;
  let last = first(
    await tx.select({ id: events.id, hash: events.hash }).from(events).orderBy(desc(events.id)).limit(1),
  );
  if (last && last.hash === null) {
    await sealEvents(tx);
    last = first(await tx.select({ id: events.id, hash: events.hash }).from(events).orderBy(desc(events.id)).limit(1));
  }
  // The id is part of the hashed content, so it is chosen here. SQLite's AUTOINCREMENT never reuses
  // an id, even of a row deleted before the log was append-only; on PostgreSQL no row was ever deleted.
  const seq = is(tx, PgDatabase)
    ? undefined
    : tx.get<{ seq: number } | undefined>(sql`select seq from sqlite_sequence where name = 'events'`);
  const id = Math.max(seq?.seq ?? 0, last?.id ?? 0) + 1;
  // Stored JSON drops undefined values and turns dates into strings: hash what is stored.
  const data = JSON.parse(JSON.stringify(e.data)) as Record<string, unknown>;
  const row = { ...e, id, at: e.at ?? new Date().toISOString(), data };
  const prevHash = last?.hash ?? GENESIS_HASH;
  await tx.insert(events).values({ ...row, prevHash, hash: eventHash(prevHash, row) });
  return id;
}

const SEAL_BATCH = 500;

/**
 * Seals, in id order, every row that has no hash yet (rows older than the chain, or written
 * without it) and returns how many. It walks the log once from the first such row, carrying the
 * previous row's hash. A row sealed after a sealed one breaks that one's link, which the verifier
 * then reports: sealing never hides an insertion in the middle of the log.
 */
export async function sealEvents(exec: Db): Promise<number> {
  const firstUnsealed = first(
    await exec.select({ id: events.id }).from(events).where(isNull(events.hash)).orderBy(asc(events.id)),
  );
  if (!firstUnsealed) return 0;
  let prevHash =
    first(
      await exec
        .select({ hash: events.hash })
        .from(events)
        .where(lt(events.id, firstUnsealed.id))
        .orderBy(desc(events.id))
        .limit(1),
    )?.hash ?? GENESIS_HASH;
  let sealed = 0;
  let from = firstUnsealed.id;
  for (;;) {
    const batch = await exec
      .select()
      .from(events)
      .where(gte(events.id, from))
      .orderBy(asc(events.id))
      .limit(SEAL_BATCH);
    if (batch.length === 0) return sealed;
    for (const row of batch) {
      if (row.hash === null) {
        const hash = eventHash(prevHash, row);
        await exec
          .update(events)
          .set({ prevHash, hash })
          .where(and(eq(events.id, row.id), isNull(events.hash)));
        sealed++;
        prevHash = hash;
      } else {
        prevHash = row.hash;
      }
    }
    from = batch[batch.length - 1].id + 1;
  }
}

/** True when some row still waits to be sealed (uses the partial index: cheap at every start). */
export async function hasUnsealedEvents(db: Db): Promise<boolean> {
  return first(await db.select({ id: events.id }).from(events).where(isNull(events.hash)).limit(1)) !== undefined;
}

export type ChainReport =
  | { ok: true; count: number; lastHash: string }
  | { ok: false; count: number; badId: number; problem: 'content' | 'link'; message: string };

/** An events row as SQLite returns it (column names, data as JSON text). */
export type RawEventRow = {
  id: number;
  at: string;
  actor_id: number | null;
  type: string;
  subject_type: string;
  subject_id: number;
  data: string;
  prev_hash: string | null;
  hash: string | null;
};

/** Reads events in id order: those with `after < id <= upTo`, at most `limit`. */
export type EventPageReader = (after: number, upTo: number, limit: number) => Promise<RawEventRow[]>;

const VERIFY_BATCH = 2000;

/**
 * Checks the whole chain in id order and stops at the first row that does not match: its link
 * (prev_hash is not the previous row's hash: a row before it was removed, inserted or moved) or its
 * content (the hash does not cover what the row now says). It covers the rows up to the last one
 * present when it starts, read in batches: rows are only ever appended, so the batches see the same
 * rows one read would have.
 */
export async function verifyChain(lastId: number, readPage: EventPageReader): Promise<ChainReport> {
  let expectedPrev = GENESIS_HASH;
  let count = 0;
  let after = 0;
  for (;;) {
    const rows = await readPage(after, lastId, VERIFY_BATCH);
    if (rows.length === 0) return { ok: true, count, lastHash: expectedPrev };
    for (const r of rows) {
      const bad = checkRow(r, expectedPrev);
      if (bad) return { ok: false, count, badId: r.id, ...bad };
      expectedPrev = r.hash!;
      count++;
    }
    after = rows[rows.length - 1].id;
  }
}

function checkRow(r: RawEventRow, expectedPrev: string): { problem: 'content' | 'link'; message: string } | null {
  if (r.hash === null || r.prev_hash === null)
    return { problem: 'link', message: `Event ${r.id} has no hash: it was written outside the chain.` };
  if (r.prev_hash !== expectedPrev)
    return {
      problem: 'link',
      message: `Event ${r.id} does not link to the row before it: a row before it was removed, inserted or reordered.`,
    };
  let data: unknown;
  try {
    data = JSON.parse(r.data);
  } catch {
    return { problem: 'content', message: `Event ${r.id} holds data that is not JSON: its content was changed.` };
  }
  const content = {
    id: r.id,
    at: r.at,
    actorId: r.actor_id,
    type: r.type,
    subjectType: r.subject_type,
    subjectId: r.subject_id,
    data,
  };
  if (eventHash(r.prev_hash, content) !== r.hash)
    return { problem: 'content', message: `Event ${r.id} does not match its hash: its content was changed.` };
  return null;
}

/** verifyChain over a raw SQLite connection (the offline check, the backup's check, tests). */
/** The statements that read the log as stored, for verifyChain and the export (`?` placeholders). */
export const LAST_EVENT_ID_SQL = 'select coalesce(max(id), 0) as id from events';
export const eventPageSql = (dialect: Dialect) =>
  `select id, at, actor_id, type, subject_type, subject_id, ${sqlPieces(dialect).jsonText('data')} as data, prev_hash, hash
from events where id > ? and id <= ? order by id limit ?`;

export async function verifySqliteChain(sqlite: Database.Database): Promise<ChainReport> {
  const lastId = (sqlite.prepare(LAST_EVENT_ID_SQL).get() as { id: number }).id;
  const page = sqlite.prepare(eventPageSql('sqlite'));
  return verifyChain(lastId, async (after, upTo, limit) => page.all(after, upTo, limit) as RawEventRow[]);
}
