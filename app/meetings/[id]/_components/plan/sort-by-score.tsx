'use client';
import { Button } from '@/components/ui/button';
import { orderByScore, type Score } from '@/lib/scoring/formulas';

/**
 * "Sort by score": puts the agenda in the cycle's score order, highest first, incomplete scores last.
 * A suggestion like the others: the pm can still move items, and nothing is saved until "Save agenda".
 */
export function SortByScoreButton({
  scoring,
  order,
  onOrder,
}: {
  scoring: { modelName: string; scores: Record<number, Score> } | undefined;
  order: number[];
  onOrder: (next: number[]) => void;
}) {
  if (!scoring) return null;
  return (
    <Button
      variant="secondary"
      onClick={() => onOrder(orderByScore(order, scoring.scores))}
      disabled={order.length < 2}
      title={`Highest ${scoring.modelName} score first; you can still reorder.`}
    >
      Sort by score
    </Button>
  );
}
