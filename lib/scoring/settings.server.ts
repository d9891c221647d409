import 'server-only';
import { eq } from 'drizzle-orm';
import { db, transaction } from '@/db/client';
import { cycles, scoringInputOwners, type Role, type ScoringModel } from '@/db/schema';
import type { ActingUser } from '@/lib/auth/acting-user';
import { assertCan } from '@/lib/auth/permissions';
import { logEvent, type Executor } from '@/lib/events/log.server';
import { first } from '@/db/rows';
import { NotFoundError } from '@/lib/errors';
import { parseOrThrow } from '@/lib/validation';
import { ALL_INPUTS, MODELS, type InputKey } from './models';
import { ScoringSettingsSchema } from './schema';

export type ScoringSettings = { cycleId: number; model: ScoringModel; owners: Record<InputKey, Role> };

/** Each input's default owner: the same in every model that uses it. */
export const DEFAULT_OWNERS = Object.fromEntries(
  Object.values(MODELS).flatMap((m) => m.inputs.map((i) => [i.key, i.defaultOwner])),
) as Record<InputKey, Role>;

/** The cycle's model and who owns each input (the default where the pm has not chosen). */
export async function loadScoringSettings(tx: Executor, cycleId: number): Promise<ScoringSettings> {
  // Not loadCycle from the backlog list: the list reads scores, and this keeps the import one-way.
  const cycle = first(
    await tx.select({ scoringModel: cycles.scoringModel }).from(cycles).where(eq(cycles.id, cycleId)),
  );
  if (!cycle) throw new NotFoundError('This cycle');
  const rows = await tx.select().from(scoringInputOwners).where(eq(scoringInputOwners.cycleId, cycleId));
  const owners = { ...DEFAULT_OWNERS };
  for (const r of rows) if ((ALL_INPUTS as string[]).includes(r.input)) owners[r.input as InputKey] = r.ownerRole;
  return { cycleId, model: cycle.scoringModel, owners };
}

export async function getScoringSettings(actor: ActingUser, cycleId: number): Promise<ScoringSettings> {
  assertCan(actor, 'backlog.view');
  return loadScoringSettings(db, cycleId);
}

/**
 * Sets the cycle's model and input owners. Inputs already given stay in item_score_inputs whatever
 * the model: switching back to a model shows them again. Logged as cycle.scoring_changed when
 * anything changed.
 */
export async function updateScoringSettings(
  actor: ActingUser,
  cycleId: number,
  input: unknown,
): Promise<ScoringSettings> {
  assertCan(actor, 'cycle.manage');
  const data = parseOrThrow(ScoringSettingsSchema, input);
  return transaction(async (tx) => {
    const before = await loadScoringSettings(tx, cycleId);
    const owners = { ...before.owners };
    const ownerChanges: Record<string, { from: Role; to: Role }> = {};
    for (const key of ALL_INPUTS) {
      const to = data[`owner_${key}`];
      if (to === undefined || to === before.owners[key]) continue;
      ownerChanges[key] = { from: before.owners[key], to };
      owners[key] = to;
      await tx
        .insert(scoringInputOwners)
        .values({ cycleId, input: key, ownerRole: to })
        .onConflictDoUpdate({
          target: [scoringInputOwners.cycleId, scoringInputOwners.input],
          set: { ownerRole: to },
        });
    }
    const modelChanged = data.model !== before.model;
    if (modelChanged) await tx.update(cycles).set({ scoringModel: data.model }).where(eq(cycles.id, cycleId));
    if (!modelChanged && Object.keys(ownerChanges).length === 0) return before;
    await logEvent(tx, {
      actorId: actor.id,
      type: 'cycle.scoring_changed',
      subjectType: 'cycle',
      subjectId: cycleId,
      data: {
        ...(modelChanged ? { model: { from: before.model, to: data.model } } : {}),
        ...(Object.keys(ownerChanges).length ? { owners: ownerChanges } : {}),
      },
    });
    return { cycleId, model: data.model, owners };
  });
}
