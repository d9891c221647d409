import 'server-only';
import { db } from '@/db/client';
import type { PrereadView } from './read.server';
import type { Score } from '@/lib/scoring/formulas';
import { scoresOfCycle } from '@/lib/scoring/scores.server';

export type PrereadScores = { modelName: string; scores: Record<number, Score> };

/**
 * The current scores of the items a pre-read shows. It takes the view openPreread returned, which
 * has already decided who may read what, so it reads scores of those items only.
 */
export async function scoresForPreread(
  view: Extract<PrereadView, { distributed: true }>,
): Promise<PrereadScores | undefined> {
  const itemIds = view.sections.flatMap((s) => s.items.map((i) => i.id));
  if (itemIds.length === 0) return undefined;
  const { model, byItem } = await scoresOfCycle(db, view.cycle.id, itemIds);
  if (!model) return undefined;
  return { modelName: model.name, scores: Object.fromEntries(byItem) };
}
