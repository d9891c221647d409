import { formatScore, type Score } from '@/lib/scoring/formulas';

/** An item's score on the pre-read, said to be what it is: information, not a decision. */
export function ScoreNote({ modelName, score }: { modelName: string; score: Score | undefined }) {
  if (!score) return null;
  return (
    <p role="note" aria-label={`${modelName} score`} className="pr-score text-sm">
      <span className="font-medium">
        {modelName} score: {formatScore(score)}
      </span>
      {!score.complete && <> (missing {score.missing.join(', ')})</>}
      {score.complete && score.effortFromEstimate && <> (effort from the estimate)</>}
      <span className="text-zinc-600 dark:text-zinc-400"> — information for the meeting, not a decision.</span>
    </p>
  );
}
