import 'server-only';
import { and, eq, inArray, notInArray } from 'drizzle-orm';
import { cycles, itemScoreInputs, items, users, type ItemStatus, type Role } from '@/db/schema';
import type { ActingUser } from '@/lib/auth/acting-user';
import { effectiveWeeks } from '@/lib/estimates/estimates';
import type { Executor } from '@/lib/events/log.server';
import { computeScore, type InputValues, type Score } from './formulas';
import { modelOf, type InputKey, type ModelSpec } from './models';
import { loadScoringSettings } from './settings.server';

/** Items a score means nothing for: a private draft, or a duplicate folded into another item. */
export const UNSCORED_STATUSES: ItemStatus[] = ['draft', 'merged'];

export type GivenInput = { value: number; setByName: string; setAt: string };

/** Who may set an input: its owner role, and the pm and admin, who may fill any. */
export function canSetInput(actor: Pick<ActingUser, 'role'>, owners: Record<InputKey, Role>, key: InputKey): boolean {
  return actor.role === 'pm' || actor.role === 'admin' || owners[key] === actor.role;
}

/** Every given input of the cycle's items, by item, whatever model they were given for. */
export async function inputsOfCycle(
  tx: Executor,
  cycleId: number,
  onlyItems?: number[],
): Promise<Map<number, Map<string, GivenInput>>> {
  const rows = await tx
    .select({
      itemId: itemScoreInputs.itemId,
      input: itemScoreInputs.input,
      value: itemScoreInputs.value,
      setAt: itemScoreInputs.setAt,
      setByName: users.name,
    })
    .from(itemScoreInputs)
    .innerJoin(items, eq(items.id, itemScoreInputs.itemId))
    .innerJoin(users, eq(users.id, itemScoreInputs.setBy))
    .where(and(eq(items.cycleId, cycleId), onlyItems ? inArray(items.id, onlyItems) : undefined));
  const byItem = new Map<number, Map<string, GivenInput>>();
  for (const r of rows) {
    const m = byItem.get(r.itemId) ?? new Map<string, GivenInput>();
    m.set(r.input, { value: Number(r.value), setByName: r.setByName, setAt: r.setAt });
    byItem.set(r.itemId, m);
  }
  return byItem;
}

export function valuesOf(given: Map<string, GivenInput> | undefined): InputValues {
  const out: InputValues = {};
  for (const [key, g] of given ?? []) out[key as InputKey] = g.value;
  return out;
}

export type CycleItemForScore = {
  id: number;
  title: string;
  status: ItemStatus;
  effectiveWeeks: number | null;
};

/** The cycle's scorable items, in id order, with their effective estimate. */
export async function scorableItems(tx: Executor, cycleId: number, onlyItems?: number[]): Promise<CycleItemForScore[]> {
  const rows = await tx
    .select({
      id: items.id,
      title: items.title,
      status: items.status,
      estimateSize: items.estimateSize,
      estimateWeeks: items.estimateWeeks,
      sizeWeeks: cycles.sizeWeeks,
    })
    .from(items)
    .innerJoin(cycles, eq(cycles.id, items.cycleId))
    .where(
      and(
        eq(items.cycleId, cycleId),
        notInArray(items.status, UNSCORED_STATUSES),
        onlyItems ? inArray(items.id, onlyItems) : undefined,
      ),
    )
    .orderBy(items.id);
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    status: r.status,
    effectiveWeeks: effectiveWeeks(r, r.sizeWeeks),
  }));
}

export type CycleScores = { model: ModelSpec | null; byItem: Map<number, Score> };

/**
 * Every scorable item's score under the cycle's model (an empty map when it has none). Callers
 * authorize the cycle first. `onlyItems` narrows it (the agenda, the pre-read).
 */
export async function scoresOfCycle(tx: Executor, cycleId: number, onlyItems?: number[]): Promise<CycleScores> {
  const { model: key } = await loadScoringSettings(tx, cycleId);
  const model = modelOf(key);
  const byItem = new Map<number, Score>();
  if (!model) return { model, byItem };
  const given = await inputsOfCycle(tx, cycleId, onlyItems);
  for (const item of await scorableItems(tx, cycleId, onlyItems)) {
    byItem.set(item.id, computeScore(model, valuesOf(given.get(item.id)), item.effectiveWeeks));
  }
  return { model, byItem };
}

/** The scores of some items, whichever cycles they are in (the pre-read and agenda span one cycle). */
export async function scoresOfItems(tx: Executor, itemIds: number[]): Promise<CycleScores> {
  if (itemIds.length === 0) return { model: null, byItem: new Map() };
  const cycleIds = await tx.selectDistinct({ cycleId: items.cycleId }).from(items).where(inArray(items.id, itemIds));
  const cycleId = cycleIds.find((c) => c.cycleId !== null)?.cycleId;
  if (cycleIds.length !== 1 || cycleId == null) return { model: null, byItem: new Map() };
  return scoresOfCycle(tx, cycleId, itemIds);
}
