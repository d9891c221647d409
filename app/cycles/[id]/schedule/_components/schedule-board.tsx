'use client';
import { useEffect, useMemo, useState } from 'react';
import Link from '@/components/ui/link';
import { EmptyState } from '@/components/ui/empty-state';
import { unpackSchedule, type ScheduleWire } from '@/lib/schedule/wire';
import { ScheduleContext, type ScheduleApi } from './context';
import { FlagsPanel } from './flags-panel';
import { GeneratePeriodsForm } from './period-forms';
import { PublishPanel } from './publish-panel';
import { ScheduleTable } from './schedule-table';
import { Timeline } from './timeline';

/**
 * The schedule page's one client boundary: the server sends the schedule as compact data
 * (lib/schedule/wire.ts) instead of an element tree per item, and this renders the timeline, the
 * virtualised list and the selected item's questions and flags from it.
 */
export function ScheduleBoard({ data }: { data: ScheduleWire }) {
  const view = useMemo(() => unpackSchedule(data), [data]);
  const [selected, select] = useState<number | null>(null);
  // Notifications link to `#item-<id>`: open that item's questions and flags (its row may be far down the list).
  useEffect(() => {
    const match = /^#item-(\d+)$/.exec(window.location.hash);
    if (match) select(Number(match[1]));
  }, []);
  const api = useMemo<ScheduleApi>(
    () => ({
      view,
      periodName: new Map(view.periods.map((p) => [p.id, p.name])),
      moved: new Map(view.moved.map((m) => [m.itemId, m])),
      selected,
      select,
    }),
    [view, selected],
  );
  const { viewer, periods, items, cycle } = view;
  const selectedRow = selected === null ? undefined : items.find((i) => i.id === selected);

  return (
    <ScheduleContext value={api}>
      {viewer.canPublish && periods.length > 0 && <PublishPanel />}
      {periods.length === 0 ? (
        <EmptyState title="This cycle has no delivery periods yet">
          {viewer.canPublish ? (
            <div className="mx-auto mt-3 max-w-md text-left">
              <GeneratePeriodsForm replacing={false} />
            </div>
          ) : (
            'A product manager sets up the months or sprints items are scheduled in.'
          )}
        </EmptyState>
      ) : (
        <Timeline />
      )}
      {items.length === 0 ? (
        <EmptyState title="No accepted items to schedule yet">
          Items appear here, in rank order, once the prioritisation meeting accepts them.{' '}
          {viewer.canEdit && <Link href={`/cycles/${cycle.id}/meetings`}>See the cycle’s meetings</Link>}
        </EmptyState>
      ) : (
        <ScheduleTable />
      )}
      {selectedRow && <FlagsPanel key={selectedRow.id} row={selectedRow} />}
      {viewer.canPublish && periods.length > 0 && (
        <details className="rounded-md border border-zinc-200 p-3 text-sm dark:border-zinc-800">
          <summary className="cursor-pointer font-medium">Regenerate the periods</summary>
          <div className="mt-2">
            <GeneratePeriodsForm replacing />
          </div>
        </details>
      )}
    </ScheduleContext>
  );
}
