import 'server-only';
import { and, asc, desc, eq, isNull, ne } from 'drizzle-orm';
import { z } from 'zod';
import { events, items, mapActivities, mapCards, mapSlices, mapSteps, users, type MapCard } from '@/db/schema';
import { affectedRows, first } from '@/db/rows';
import type { ActingUser } from '@/lib/auth/acting-user';
import { ConflictError, ValidationError } from '@/lib/errors';
import type { Executor } from '@/lib/events/log.server';
import { jsonId, parseOrThrow } from '@/lib/validation';
import { mapTransaction } from './common.server';
import { OFF_MAP_STATUSES } from './state.server';
import type { CardMovedData, MapPlace } from './types';

/**
 * Moving, culling and bringing back one card. Each write carries the card's version as the page saw
 * it: a card someone else moved or culled meanwhile is refused, naming who did what, and nothing is
 * written — the page then shows the map as it is.
 */

const version = z
  .number({ error: 'version must be the card version you saw (a whole number).' })
  .int({ error: 'version must be a whole number.' })
  .min(0, { error: 'version must be 0 or more.' });
const index = z
  .number({ error: 'index must be a position in the cell (a whole number).' })
  .int({ error: 'index must be a whole number.' })
  .min(0, { error: 'index must be 0 or more.' });

export const MoveInput = z.object({
  itemId: jsonId('itemId'),
  version,
  to: z.object({ stepId: jsonId('stepId'), sliceId: jsonId('sliceId') }).nullable(),
  index: index.default(0),
});
export const CullInput = z.object({
  itemId: jsonId('itemId'),
  version,
  reason: z
    .string({ error: 'Give a reason for leaving it out of this cycle.' })
    .trim()
    .min(1, 'Give a reason for leaving it out of this cycle.')
    .max(500, 'The reason must be at most 500 characters.'),
});
export const RestoreInput = z.object({ itemId: jsonId('itemId') });

const now = () => new Date().toISOString();

/** The item, if it is a card of this cycle's map; a clear 400 naming itemId otherwise. */
async function mapItem(tx: Executor, cycleId: number, itemId: number) {
  const item = first(
    await tx
      .select({ id: items.id, title: items.title, cycleId: items.cycleId, status: items.status })
      .from(items)
      .where(eq(items.id, itemId)),
  );
  if (!item || item.cycleId !== cycleId)
    throw new ValidationError({ itemId: ['This item is not in this cycle.'] }, 'This item is not in this cycle.');
  if (OFF_MAP_STATUSES.includes(item.status))
    throw new ConflictError(`"${item.title}" is no longer on the map (it was ${item.status.replace('_', ' ')}).`);
  return item;
}

const cardOf = async (tx: Executor, itemId: number): Promise<MapCard | undefined> =>
  first(await tx.select().from(mapCards).where(eq(mapCards.itemId, itemId)));

async function nameOf(tx: Executor, userId: number | null): Promise<string> {
  if (userId === null) return 'someone';
  return first(await tx.select({ name: users.name }).from(users).where(eq(users.id, userId)))?.name ?? 'someone';
}

/** Who last changed the card's place: the newest map event about it (scanning recent ones only). */
async function lastMoverOf(tx: Executor, cycleId: number, itemId: number): Promise<string> {
  const recent = await tx
    .select({ actorId: events.actorId, data: events.data })
    .from(events)
    .where(and(eq(events.subjectType, 'cycle_map'), eq(events.subjectId, cycleId)))
    .orderBy(desc(events.id))
    .limit(200);
  const hit = recent.find((e) => (e.data as { itemId?: unknown })?.itemId === itemId);
  return nameOf(tx, hit?.actorId ?? null);
}

/** Refuses a write on a card that is culled or that changed since the page read it. */
async function assertCardUnchanged(
  tx: Executor,
  cycleId: number,
  item: { id: number; title: string },
  card: MapCard | undefined,
  seen: number,
) {
  if (card?.culledAt)
    throw new ConflictError(
      `"${item.title}" was just culled by ${await nameOf(tx, card.culledBy)}: it is no longer on the map.`,
      'version',
    );
  if ((card?.version ?? 0) !== seen)
    throw new ConflictError(
      `"${item.title}" was just moved by ${await lastMoverOf(tx, cycleId, item.id)}; the map now shows where it is.`,
      'version',
    );
}

/** Checks that the step and the slice are this cycle's, naming the field that is not. */
async function assertPlaceInCycle(tx: Executor, cycleId: number, place: NonNullable<MapPlace>) {
  const step = first(
    await tx
      .select({ id: mapSteps.id })
      .from(mapSteps)
      .innerJoin(mapActivities, eq(mapActivities.id, mapSteps.activityId))
      .where(and(eq(mapSteps.id, place.stepId), eq(mapActivities.cycleId, cycleId))),
  );
  const slice = first(
    await tx
      .select({ id: mapSlices.id })
      .from(mapSlices)
      .where(and(eq(mapSlices.id, place.sliceId), eq(mapSlices.cycleId, cycleId))),
  );
  const errors: Record<string, string[]> = {};
  if (!step) errors.stepId = ['This step is not on this cycle’s map.'];
  if (!slice) errors.sliceId = ['This slice is not on this cycle’s map.'];
  if (Object.keys(errors).length) throw new ValidationError(errors);
}

/** Writes the card's new place (inserting its row on its first move) only if its version is still `seen`. */
async function writeCard(
  tx: Executor,
  cycleId: number,
  itemId: number,
  seen: number,
  patch: Partial<MapCard>,
): Promise<number> {
  const next = seen + 1;
  const result =
    seen === 0
      ? await tx
          .insert(mapCards)
          .values({ itemId, cycleId, position: 0, ...patch, version: next, updatedAt: now() })
          .onConflictDoNothing()
      : await tx
          .update(mapCards)
          .set({ ...patch, version: next, updatedAt: now() })
          .where(and(eq(mapCards.itemId, itemId), eq(mapCards.version, seen)));
  if (affectedRows(result) !== 1)
    throw new ConflictError('This card changed meanwhile; the map now shows where it is.');
  return next;
}

/** The other cards in a cell, in order. */
async function cellOf(tx: Executor, cycleId: number, place: NonNullable<MapPlace>, except: number) {
  return tx
    .select({ id: mapCards.itemId, position: mapCards.position })
    .from(mapCards)
    .innerJoin(items, eq(items.id, mapCards.itemId))
    .where(
      and(
        eq(mapCards.cycleId, cycleId),
        eq(mapCards.stepId, place.stepId),
        eq(mapCards.sliceId, place.sliceId),
        isNull(mapCards.culledAt),
        ne(mapCards.itemId, except),
        eq(items.cycleId, cycleId),
      ),
    )
    .orderBy(asc(mapCards.position), asc(mapCards.itemId));
}

const placeOf = (card: MapCard | undefined): MapPlace =>
  card?.stepId != null && card.sliceId != null ? { stepId: card.stepId, sliceId: card.sliceId } : null;

/** Moves a card into a cell at `index` (0: first), or to the tray (`to: null`). */
export async function moveCard(actor: ActingUser, cycleId: number, input: unknown): Promise<{ version: number }> {
  const { itemId, version: seen, to, index } = parseOrThrow(MoveInput, input);
  return mapTransaction(actor, cycleId, async (tx, emit) => {
    const item = await mapItem(tx, cycleId, itemId);
    const card = await cardOf(tx, itemId);
    await assertCardUnchanged(tx, cycleId, item, card, seen);
    let order: number[] = [];
    if (to) {
      await assertPlaceInCycle(tx, cycleId, to);
      const cell = await cellOf(tx, cycleId, to, itemId);
      if (index > cell.length)
        throw new ValidationError({ index: [`index must be from 0 to ${cell.length} in this cell.`] });
      const next = [...cell];
      next.splice(index, 0, { id: itemId, position: -1 });
      for (const [position, c] of next.entries())
        if (c.id !== itemId && c.position !== position)
          await tx.update(mapCards).set({ position }).where(eq(mapCards.itemId, c.id));
      order = next.map((c) => c.id);
    }
    const version = await writeCard(tx, cycleId, itemId, seen, {
      stepId: to?.stepId ?? null,
      sliceId: to?.sliceId ?? null,
      position: to ? index : 0,
    });
    const data: CardMovedData = { itemId, title: item.title, from: placeOf(card), to, version, order };
    await emit('map.card_moved', data);
    return { version };
  });
}

/** "Not this cycle": takes the card off the grid with a reason; it keeps its place for "Bring back". */
export async function cullCard(actor: ActingUser, cycleId: number, input: unknown): Promise<{ version: number }> {
  const { itemId, version: seen, reason } = parseOrThrow(CullInput, input);
  return mapTransaction(actor, cycleId, async (tx, emit) => {
    const item = await mapItem(tx, cycleId, itemId);
    const card = await cardOf(tx, itemId);
    await assertCardUnchanged(tx, cycleId, item, card, seen);
    const culledAt = now();
    const version = await writeCard(tx, cycleId, itemId, seen, { culledAt, cullReason: reason, culledBy: actor.id });
    await emit('map.card_culled', { itemId, title: item.title, reason, version, culledAt, culledBy: actor.name });
    return { version };
  });
}

/** Brings a culled card back to the place it had. */
export async function restoreCard(actor: ActingUser, cycleId: number, input: unknown): Promise<{ version: number }> {
  const { itemId } = parseOrThrow(RestoreInput, input);
  return mapTransaction(actor, cycleId, async (tx, emit) => {
    const item = await mapItem(tx, cycleId, itemId);
    const card = await cardOf(tx, itemId);
    if (!card?.culledAt) throw new ConflictError(`"${item.title}" is not culled: it is already on the map.`);
    const version = await writeCard(tx, cycleId, itemId, card.version, {
      culledAt: null,
      cullReason: null,
      culledBy: null,
    });
    await emit('map.card_restored', { itemId, title: item.title, version, to: placeOf(card) });
    return { version };
  });
}
