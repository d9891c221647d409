'use client';
import { useMemo } from 'react';
import { countsAgainstCapacity } from '@/lib/estimates/estimates';
import { nfrShare } from '@/lib/capacity/nfr-share';
import type { BacklogMeta, BacklogRow } from '@/lib/backlog/types';
import { NfrShareNotice } from './nfr-share-notice';

/**
 * The backlog's non-functional share: of the same items the capacity bar counts (every item of the
 * cycle that counts against capacity, whatever the table's filter shows).
 */
export function PlannedNfrShare({ rows, meta }: { rows: BacklogRow[]; meta: BacklogMeta }) {
  const share = useMemo(
    () =>
      nfrShare(
        rows.filter((r) => countsAgainstCapacity(r.status)).map((r) => ({ kind: r.kind, weeks: r.effectiveWeeks })),
        meta.capacityWeeks,
        meta.nfrTargetPercent ?? null,
      ),
    [rows, meta.capacityWeeks, meta.nfrTargetPercent],
  );
  return <NfrShareNotice share={share} where="planned" className="mt-3" />;
}
