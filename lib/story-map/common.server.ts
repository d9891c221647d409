import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { db, transaction, type Db } from '@/db/client';
import { cycles, mapSlices, type Cycle } from '@/db/schema';
import { first } from '@/db/rows';
import { assertCan } from '@/lib/auth/permissions';
import type { ActingUser } from '@/lib/auth/acting-user';
import { NotFoundError } from '@/lib/errors';
import { logEvent, type Executor } from '@/lib/events/log.server';
import { cycleMapChannel, publisher } from '@/lib/realtime/publisher.server';
import { insertDefaultSlices } from '@/lib/cycles/default-slices.server';

/**
 * Shared by the story map modules: who may see and shape a cycle's map, and the transaction wrapper that logs `map.*` events on the subject `cycle_map` (id: the
 * cycle) and publishes the last one once the transaction has committed, so that everyone with the
 * map open hears of it through the realtime hub.
 */

/**
 * A map written before its slices existed (a cycle made some other way) gets them at its first
 * write; reading never writes, so a map without slices still loads.
 */
export async function ensureSlices(tx: Executor, cycleId: number): Promise<void> {
  const any = first(await tx.select({ id: mapSlices.id }).from(mapSlices).where(eq(mapSlices.cycleId, cycleId)));
  if (!any) await insertDefaultSlices(tx, cycleId);
}

export async function loadMapCycle(tx: Executor, cycleId: number): Promise<Cycle> {
  const cycle = first(await tx.select().from(cycles).where(eq(cycles.id, cycleId)));
  if (!cycle) throw new NotFoundError('This cycle');
  return cycle;
}

/** Viewing a map: the people who see the backlog. 404 for an unknown cycle. */
export async function assertMayViewMap(tx: Executor, actor: ActingUser, cycleId: number): Promise<Cycle> {
  assertCan(actor, 'backlog.view');
  return loadMapCycle(tx, cycleId);
}

/** Who may follow a map live: the same people who may view it. */
export function followMap(actor: ActingUser, cycleId: number) {
  return assertMayViewMap(db, actor, cycleId);
}

export type MapEmit = (type: `map.${string}`, data: Record<string, unknown>) => Promise<number>;

/**
 * One write to a cycle's map: checks `map.edit` and the cycle, makes sure its slices exist, runs
 * `fn` with an `emit` that logs on the map, and publishes the last event after the commit.
 */
export async function mapTransaction<T>(
  actor: ActingUser,
  cycleId: number,
  fn: (tx: Db, emit: MapEmit) => Promise<T>,
): Promise<T> {
  assertCan(actor, 'map.edit');
  let last: number | null = null;
  const value = await transaction(async (tx) => {
    last = null; // a retried transaction starts again
    await loadMapCycle(tx, cycleId);
    await ensureSlices(tx, cycleId);
    const emit: MapEmit = async (type, data) =>
      (last = await logEvent(tx, { actorId: actor.id, type, subjectType: 'cycle_map', subjectId: cycleId, data }));
    return fn(tx, emit);
  });
  if (last !== null) publisher.publish(cycleMapChannel(cycleId), last);
  return value;
}

/** The cycle's slices, top to bottom. */
export async function slicesOf(tx: Executor, cycleId: number) {
  return tx
    .select()
    .from(mapSlices)
    .where(eq(mapSlices.cycleId, cycleId))
    .orderBy(asc(mapSlices.position), asc(mapSlices.id));
}

/** Renumbers rows 0..n-1 in the given order, writing only those whose position changed. */
export async function renumber<R extends { id: number; position: number }>(
  rows: R[],
  write: (id: number, position: number) => Promise<unknown>,
): Promise<void> {
  for (const [position, row] of rows.entries()) if (row.position !== position) await write(row.id, position);
}

/** Moves the element at `from` to `to` in a copy of the list. */
export function moved<T>(list: T[], from: number, to: number): T[] {
  const out = [...list];
  const [x] = out.splice(from, 1);
  out.splice(to, 0, x);
  return out;
}
