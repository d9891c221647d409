import { formatScore, type Score } from '@/lib/scoring/formulas';

/** A score, or "incomplete (2 of 4)" with what is missing for screen readers and on hover. */
export function ScoreCell({ score }: { score: Score | undefined }) {
  if (!score) return <>—</>;
  if (score.complete)
    return (
      <span className="tabular-nums">
        {formatScore(score)}
        {score.effortFromEstimate && <span className="sr-only"> (effort from the estimate)</span>}
      </span>
    );
  return (
    <span className="text-zinc-500 dark:text-zinc-400" title={`Missing: ${score.missing.join(', ')}`}>
      {formatScore(score)}
      <span className="sr-only">, missing {score.missing.join(', ')}</span>
    </span>
  );
}
