import 'server-only';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { mapActivities, mapCards, mapSteps } from '@/db/schema';
import { first } from '@/db/rows';
import type { ActingUser } from '@/lib/auth/acting-user';
import { ValidationError } from '@/lib/errors';
import type { Executor } from '@/lib/events/log.server';
import { jsonId, parseOrThrow } from '@/lib/validation';
import { mapTransaction, moved } from './common.server';
import { mapIndex, MapName } from './slices.server';

/**
 * The backbone: activities left to right, each with its steps. Deleting a step (or an activity with
 * its steps) sends the cards under it to the tray, as deleting a slice does.
 */

const AddActivity = z.object({ name: MapName('Activity name') });
const RenameActivity = z.object({ activityId: jsonId('activityId'), name: MapName('Activity name') });
const MoveActivity = z.object({ activityId: jsonId('activityId'), toIndex: mapIndex });
const DeleteActivity = z.object({ activityId: jsonId('activityId') });
const AddStep = z.object({ activityId: jsonId('activityId'), name: MapName('Step name') });
const RenameStep = z.object({ stepId: jsonId('stepId'), name: MapName('Step name') });
const MoveStep = z.object({ stepId: jsonId('stepId'), toIndex: mapIndex });
const DeleteStep = z.object({ stepId: jsonId('stepId') });

const activitiesOf = (tx: Executor, cycleId: number) =>
  tx
    .select()
    .from(mapActivities)
    .where(eq(mapActivities.cycleId, cycleId))
    .orderBy(asc(mapActivities.position), asc(mapActivities.id));

const stepsOf = (tx: Executor, activityId: number) =>
  tx
    .select()
    .from(mapSteps)
    .where(eq(mapSteps.activityId, activityId))
    .orderBy(asc(mapSteps.position), asc(mapSteps.id));

async function loadActivity(tx: Executor, cycleId: number, activityId: number) {
  const found = first(
    await tx
      .select()
      .from(mapActivities)
      .where(and(eq(mapActivities.id, activityId), eq(mapActivities.cycleId, cycleId))),
  );
  if (!found) throw new ValidationError({ activityId: ['This activity is not on this cycle’s map.'] });
  return found;
}

async function loadStep(tx: Executor, cycleId: number, stepId: number) {
  const found = first(
    await tx
      .select({ step: mapSteps })
      .from(mapSteps)
      .innerJoin(mapActivities, eq(mapActivities.id, mapSteps.activityId))
      .where(and(eq(mapSteps.id, stepId), eq(mapActivities.cycleId, cycleId))),
  );
  if (!found) throw new ValidationError({ stepId: ['This step is not on this cycle’s map.'] });
  return found.step;
}

/** The cards under the given steps go to the tray; their versions move on (see deleteSlice). */
async function stepCardsToTray(tx: Executor, stepIds: number[]): Promise<number[]> {
  if (stepIds.length === 0) return [];
  const cards = await tx
    .select({ itemId: mapCards.itemId, version: mapCards.version })
    .from(mapCards)
    .where(inArray(mapCards.stepId, stepIds));
  for (const c of cards)
    await tx
      .update(mapCards)
      .set({ stepId: null, sliceId: null, position: 0, version: c.version + 1, updatedAt: new Date().toISOString() })
      .where(eq(mapCards.itemId, c.itemId));
  return cards.map((c) => c.itemId);
}

function assertIndex(toIndex: number, count: number) {
  if (toIndex >= count) throw new ValidationError({ toIndex: [`toIndex must be from 0 to ${count - 1}.`] });
}

export async function addActivity(actor: ActingUser, cycleId: number, input: unknown) {
  const { name } = parseOrThrow(AddActivity, input);
  return mapTransaction(actor, cycleId, async (tx, emit) => {
    const position = (await activitiesOf(tx, cycleId)).length;
    const row = (await tx.insert(mapActivities).values({ cycleId, name, position }).returning())[0];
    await emit('map.activity_added', { activityId: row.id, name, position });
    return { activityId: row.id };
  });
}

export async function renameActivity(actor: ActingUser, cycleId: number, input: unknown) {
  const { activityId, name } = parseOrThrow(RenameActivity, input);
  await mapTransaction(actor, cycleId, async (tx, emit) => {
    const before = await loadActivity(tx, cycleId, activityId);
    if (before.name === name) return;
    await tx.update(mapActivities).set({ name }).where(eq(mapActivities.id, activityId));
    await emit('map.activity_renamed', { activityId, from: before.name, to: name });
  });
}

export async function moveActivity(actor: ActingUser, cycleId: number, input: unknown) {
  const { activityId, toIndex } = parseOrThrow(MoveActivity, input);
  await mapTransaction(actor, cycleId, async (tx, emit) => {
    await loadActivity(tx, cycleId, activityId);
    const all = await activitiesOf(tx, cycleId);
    assertIndex(toIndex, all.length);
    const from = all.findIndex((a) => a.id === activityId);
    if (from === toIndex) return;
    for (const [position, a] of moved(all, from, toIndex).entries())
      if (a.position !== position) await tx.update(mapActivities).set({ position }).where(eq(mapActivities.id, a.id));
    await emit('map.activity_moved', { activityId, from, to: toIndex });
  });
}

export async function deleteActivity(actor: ActingUser, cycleId: number, input: unknown) {
  const { activityId } = parseOrThrow(DeleteActivity, input);
  return mapTransaction(actor, cycleId, async (tx, emit) => {
    const before = await loadActivity(tx, cycleId, activityId);
    const toTray = await stepCardsToTray(
      tx,
      (await stepsOf(tx, activityId)).map((s) => s.id),
    );
    await tx.delete(mapSteps).where(eq(mapSteps.activityId, activityId));
    await tx.delete(mapActivities).where(eq(mapActivities.id, activityId));
    await emit('map.activity_deleted', { activityId, name: before.name, toTray });
    return { toTray: toTray.length };
  });
}

export async function addStep(actor: ActingUser, cycleId: number, input: unknown) {
  const { activityId, name } = parseOrThrow(AddStep, input);
  return mapTransaction(actor, cycleId, async (tx, emit) => {
    await loadActivity(tx, cycleId, activityId);
    const position = (await stepsOf(tx, activityId)).length;
    const row = (await tx.insert(mapSteps).values({ activityId, name, position }).returning())[0];
    await emit('map.step_added', { stepId: row.id, activityId, name, position });
    return { stepId: row.id };
  });
}

export async function renameStep(actor: ActingUser, cycleId: number, input: unknown) {
  const { stepId, name } = parseOrThrow(RenameStep, input);
  await mapTransaction(actor, cycleId, async (tx, emit) => {
    const before = await loadStep(tx, cycleId, stepId);
    if (before.name === name) return;
    await tx.update(mapSteps).set({ name }).where(eq(mapSteps.id, stepId));
    await emit('map.step_renamed', { stepId, from: before.name, to: name });
  });
}

/** Moves a step within its activity. */
export async function moveStep(actor: ActingUser, cycleId: number, input: unknown) {
  const { stepId, toIndex } = parseOrThrow(MoveStep, input);
  await mapTransaction(actor, cycleId, async (tx, emit) => {
    const step = await loadStep(tx, cycleId, stepId);
    const all = await stepsOf(tx, step.activityId);
    assertIndex(toIndex, all.length);
    const from = all.findIndex((s) => s.id === stepId);
    if (from === toIndex) return;
    for (const [position, s] of moved(all, from, toIndex).entries())
      if (s.position !== position) await tx.update(mapSteps).set({ position }).where(eq(mapSteps.id, s.id));
    await emit('map.step_moved', { stepId, from, to: toIndex });
  });
}

export async function deleteStep(actor: ActingUser, cycleId: number, input: unknown) {
  const { stepId } = parseOrThrow(DeleteStep, input);
  return mapTransaction(actor, cycleId, async (tx, emit) => {
    const step = await loadStep(tx, cycleId, stepId);
    const toTray = await stepCardsToTray(tx, [stepId]);
    await tx.delete(mapSteps).where(eq(mapSteps.id, stepId));
    await emit('map.step_deleted', { stepId, name: step.name, toTray });
    return { toTray: toTray.length };
  });
}
