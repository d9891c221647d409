import 'server-only';
import { z } from 'zod';
import type { ActingUser } from '@/lib/auth/acting-user';
import { parseOrThrow } from '@/lib/validation';
import {
  addActivity,
  addStep,
  deleteActivity,
  deleteStep,
  moveActivity,
  moveStep,
  renameActivity,
  renameStep,
} from './backbone.server';
import { cullCard, moveCard, restoreCard } from './cards.server';
import { addSlice, deleteSlice, moveSlice, renameSlice } from './slices.server';

/**
 * What a map page (or any client of POST /api/cycles/:id/map) can ask for. This only checks the
 * envelope — which action; each lib function validates its own fields in its own words and
 * authorizes the actor.
 */
const MAP_ACTIONS = {
  'move-card': moveCard,
  'cull-card': cullCard,
  'restore-card': restoreCard,
  'add-slice': addSlice,
  'rename-slice': renameSlice,
  'move-slice': moveSlice,
  'delete-slice': deleteSlice,
  'add-activity': addActivity,
  'rename-activity': renameActivity,
  'move-activity': moveActivity,
  'delete-activity': deleteActivity,
  'add-step': addStep,
  'rename-step': renameStep,
  'move-step': moveStep,
  'delete-step': deleteStep,
} as const;
export type MapAction = keyof typeof MAP_ACTIONS;
const NAMES = Object.keys(MAP_ACTIONS) as [MapAction, ...MapAction[]];

/** Card commands are answered with the card's new version alone: the page already shows the move. */
export const CARD_ACTIONS: readonly MapAction[] = ['move-card', 'cull-card', 'restore-card'];

const Envelope = z.looseObject({
  action: z.enum(NAMES, { error: `action must be one of ${NAMES.join(', ')}.` }),
});

/** Runs one command as `actor` on the cycle's map; returns what the command returns. */
export async function runMapCommand(
  actor: ActingUser,
  cycleId: number,
  input: unknown,
): Promise<{ action: MapAction; result: unknown }> {
  const { action, ...rest } = parseOrThrow(Envelope, input);
  const run = MAP_ACTIONS[action] as (a: ActingUser, c: number, i: unknown) => Promise<unknown>;
  return { action, result: (await run(actor, cycleId, rest)) ?? null };
}
