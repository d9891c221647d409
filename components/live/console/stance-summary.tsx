import type { LiveState } from '@/lib/live-meeting/state.server';

/**
 * The leaders' provisional stances from the pre-read on the current item, as counts: the facilitator
 * learns before the votes whether the room is split. The state carries them to the facilitator only.
 */
export function StanceSummary({ state, itemId }: { state: LiveState; itemId: number }) {
  const stances = state.preparation.stances;
  if (!stances) return null;
  const entry = stances.find((s) => s.itemId === itemId);
  const { leanAccept = 0, leanReject = 0, unsure = 0 } = entry?.counts ?? {};
  return (
    <p className="text-sm text-zinc-600 dark:text-zinc-400" data-testid="stance-summary">
      Pre-read stances:{' '}
      {leanAccept + leanReject + unsure === 0
        ? 'none taken.'
        : `${leanAccept} lean accept · ${leanReject} lean reject · ${unsure} unsure${entry?.contest.contested ? ' — contested' : ''}.`}
    </p>
  );
}
