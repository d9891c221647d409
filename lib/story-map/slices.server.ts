import 'server-only';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { mapCards, mapSlices, type MapSlice } from '@/db/schema';
import { first } from '@/db/rows';
import type { ActingUser } from '@/lib/auth/acting-user';
import { ConflictError, ValidationError } from '@/lib/errors';
import type { Executor } from '@/lib/events/log.server';
import { jsonId, parseOrThrow, singleLine } from '@/lib/validation';
import { mapTransaction, moved, slicesOf } from './common.server';

/**
 * Release slices: the lanes of the map. "This cycle" (role this_cycle) feeds the agenda, so it can
 * be renamed and moved but never deleted. Deleting any other slice sends its cards to the tray, so
 * nothing placed on the map is lost with it.
 */

export const MapName = (label: string) =>
  singleLine(label, 80, { required: `${label} is required.`, tooLong: `${label} must be at most 80 characters.` });
export const mapIndex = z
  .number({ error: 'toIndex must be a position (a whole number).' })
  .int({ error: 'toIndex must be a whole number.' })
  .min(0, { error: 'toIndex must be 0 or more.' });

const AddSlice = z.object({ name: MapName('Slice name') });
const RenameSlice = z.object({ sliceId: jsonId('sliceId'), name: MapName('Slice name') });
const MoveSlice = z.object({ sliceId: jsonId('sliceId'), toIndex: mapIndex });
const DeleteSlice = z.object({ sliceId: jsonId('sliceId') });

async function loadSlice(tx: Executor, cycleId: number, sliceId: number): Promise<MapSlice> {
  const slice = first(
    await tx
      .select()
      .from(mapSlices)
      .where(and(eq(mapSlices.id, sliceId), eq(mapSlices.cycleId, cycleId))),
  );
  if (!slice) throw new ValidationError({ sliceId: ['This slice is not on this cycle’s map.'] });
  return slice;
}

export async function addSlice(actor: ActingUser, cycleId: number, input: unknown): Promise<{ sliceId: number }> {
  const { name } = parseOrThrow(AddSlice, input);
  return mapTransaction(actor, cycleId, async (tx, emit) => {
    const position = (await slicesOf(tx, cycleId)).length;
    const slice = (await tx.insert(mapSlices).values({ cycleId, name, role: 'custom', position }).returning())[0];
    await emit('map.slice_added', { sliceId: slice.id, name, position });
    return { sliceId: slice.id };
  });
}

export async function renameSlice(actor: ActingUser, cycleId: number, input: unknown): Promise<void> {
  const { sliceId, name } = parseOrThrow(RenameSlice, input);
  await mapTransaction(actor, cycleId, async (tx, emit) => {
    const slice = await loadSlice(tx, cycleId, sliceId);
    if (slice.name === name) return;
    await tx.update(mapSlices).set({ name }).where(eq(mapSlices.id, sliceId));
    await emit('map.slice_renamed', { sliceId, from: slice.name, to: name });
  });
}

export async function moveSlice(actor: ActingUser, cycleId: number, input: unknown): Promise<void> {
  const { sliceId, toIndex } = parseOrThrow(MoveSlice, input);
  await mapTransaction(actor, cycleId, async (tx, emit) => {
    await loadSlice(tx, cycleId, sliceId);
    const slices = await slicesOf(tx, cycleId);
    if (toIndex >= slices.length)
      throw new ValidationError({ toIndex: [`toIndex must be from 0 to ${slices.length - 1}.`] });
    const from = slices.findIndex((s) => s.id === sliceId);
    if (from === toIndex) return;
    const order = moved(slices, from, toIndex);
    for (const [position, s] of order.entries())
      if (s.position !== position) await tx.update(mapSlices).set({ position }).where(eq(mapSlices.id, s.id));
    await emit('map.slice_moved', { sliceId, from, to: toIndex });
  });
}

/** Deletes a slice; its cards (culled ones too, so "Bring back" puts them there) go to the tray. */
export async function deleteSlice(actor: ActingUser, cycleId: number, input: unknown): Promise<{ toTray: number }> {
  const { sliceId } = parseOrThrow(DeleteSlice, input);
  return mapTransaction(actor, cycleId, async (tx, emit) => {
    const slice = await loadSlice(tx, cycleId, sliceId);
    if (slice.role === 'this_cycle')
      throw new ConflictError(`"${slice.name}" feeds the agenda and cannot be deleted; you can rename it.`);
    const cards = await tx
      .select({ itemId: mapCards.itemId, version: mapCards.version })
      .from(mapCards)
      .where(eq(mapCards.sliceId, sliceId));
    // Each card's version moves on: a page that still shows it in the slice cannot move it from there.
    for (const c of cards)
      await tx
        .update(mapCards)
        .set({ sliceId: null, stepId: null, position: 0, version: c.version + 1, updatedAt: new Date().toISOString() })
        .where(eq(mapCards.itemId, c.itemId));
    await tx.delete(mapSlices).where(eq(mapSlices.id, sliceId));
    const rest = await slicesOf(tx, cycleId);
    for (const [position, s] of rest.entries())
      if (s.position !== position) await tx.update(mapSlices).set({ position }).where(eq(mapSlices.id, s.id));
    await emit('map.slice_deleted', { sliceId, name: slice.name, toTray: cards.map((c) => c.itemId) });
    return { toTray: cards.length };
  });
}
