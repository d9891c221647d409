'use client';
import { useMemo } from 'react';
import type { LiveState } from '@/lib/live-meeting/state.server';
import { nfrShareAboveCut } from '@/lib/capacity/nfr-share';
import { NfrShareNotice } from './nfr-share-notice';

/**
 * The live ranking's non-functional share above the cut line, computed in the browser from the
 * ranking the page already holds: it follows every move (optimistic ones included) at once.
 */
export function RankingNfrShare({ ranking }: { ranking: LiveState['ranking'] }) {
  const share = useMemo(
    () =>
      nfrShareAboveCut(
        ranking.items.map((i) => ({ kind: i.kind, weeks: i.weeks })),
        ranking.capacityWeeks,
        ranking.nfrTargetPercent,
      ),
    [ranking.items, ranking.capacityWeeks, ranking.nfrTargetPercent],
  );
  return <NfrShareNotice share={share} where="above the cut line" />;
}
