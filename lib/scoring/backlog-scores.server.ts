import 'server-only';
import { eq } from 'drizzle-orm';
import { first } from '@/db/rows';
import { items } from '@/db/schema';
import type { Executor } from '@/lib/events/log.server';
import type { Score } from './formulas';
import { scoresOfCycle } from './scores.server';

/** What the backlog and the agenda editor show of a cycle's scoring; absent when it has no model. */
export type ScoringSummary = { scoring?: { modelName: string; scores: Record<number, Score> } };

/**
 * The cycle's model name and every scorable item's score, for the backlog meta and the agenda editor;
 * nothing when the cycle has no model, so neither shows scores.
 */
export async function scoringSummary(tx: Executor, cycleId: number): Promise<ScoringSummary> {
  const { model, byItem } = await scoresOfCycle(tx, cycleId);
  if (!model) return {};
  return { scoring: { modelName: model.name, scores: Object.fromEntries(byItem) } };
}

/** One row's score after an inline edit: an estimate can change the effort it stands in for. */
export async function scoreOfItem(tx: Executor, itemId: number): Promise<{ score?: Score }> {
  const item = first(await tx.select({ cycleId: items.cycleId }).from(items).where(eq(items.id, itemId)));
  if (!item?.cycleId) return {};
  const { model, byItem } = await scoresOfCycle(tx, item.cycleId, [itemId]);
  const score = byItem.get(itemId);
  return model && score ? { score } : {};
}
