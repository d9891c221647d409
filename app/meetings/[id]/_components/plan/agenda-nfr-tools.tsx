'use client';
import { useState } from 'react';
import type { AgendaEditorData } from '@/lib/meetings/agenda.server';
import { nfrShare } from '@/lib/capacity/nfr-share';
import { keepModulesTogether } from '@/lib/modules/keep-together';
import { Button } from '@/components/ui/button';
import { NfrShareNotice } from '@/components/capacity/nfr-share-notice';

type Candidate = AgendaEditorData['candidates'][number];

/** The agenda's non-functional share against the cycle's target, following the editor live. */
export function AgendaNfrShare({ data, included }: { data: AgendaEditorData; included: Candidate[] }) {
  const share = nfrShare(
    included.map((c) => ({ kind: c.kind, weeks: c.effectiveWeeks })),
    data.capacityWeeks,
    data.nfrTargetPercent,
  );
  return <NfrShareNotice share={share} where="on the agenda" />;
}

/**
 * "Keep modules together": items sharing their first module move next to the first of them;
 * nothing else moves. Like the suggested order, the pm can still reorder before saving.
 */
export function KeepModulesTogether({
  data,
  order,
  onOrder,
}: {
  data: AgendaEditorData;
  order: number[];
  onOrder: (next: number[]) => void;
}) {
  const [done, setDone] = useState<number[] | null>(null);
  const apply = () => {
    const next = keepModulesTogether(order, (id) => data.firstModules[id] ?? null);
    onOrder(next);
    setDone(next);
  };
  const moved = done !== null && done.join() === order.join();
  return (
    <>
      <Button variant="secondary" onClick={apply} disabled={order.length < 2}>
        Keep modules together
      </Button>
      {moved && (
        <p role="status" className="basis-full text-sm text-zinc-600 dark:text-zinc-400">
          Items sharing their first module are now next to each other (you can still reorder).
        </p>
      )}
    </>
  );
}
