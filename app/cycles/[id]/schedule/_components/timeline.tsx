'use client';
import { useMemo, useState } from 'react';
import { formatWeeks, personWeeks } from '@/lib/meetings/format';
import { formatDay } from '@/lib/schedule/dates';
import type { ScheduleRow } from '@/lib/schedule/wire';
import { useSchedule } from './context';
import { PeriodEditor } from './period-forms';

/** Items listed per column before "Show all": 2,000 items must not make the timeline 2,000 rows tall. */
const SHOWN = 8;

/** A period's load against its capacity: written out, and over capacity said in words as well as red. */
function LoadBar({ load, capacity, label }: { load: number; capacity: number; label: string }) {
  const over = load > capacity + 1e-9;
  const pct = capacity > 0 ? Math.min(100, Math.round((load / capacity) * 100)) : load > 0 ? 100 : 0;
  const text = `${formatWeeks(load)} of ${personWeeks(capacity)}`;
  return (
    <div className="space-y-1">
      <div
        role="meter"
        aria-label={`Load of ${label}`}
        aria-valuemin={0}
        aria-valuemax={capacity}
        aria-valuenow={Math.min(load, capacity)}
        aria-valuetext={over ? `${text}, over capacity` : text}
        className={`h-2 overflow-hidden rounded-full ${over ? 'bg-red-100 ring-1 ring-red-600 dark:bg-red-950' : 'bg-zinc-200 dark:bg-zinc-800'}`}
      >
        <div
          className={`h-full rounded-full ${over ? 'bg-red-600' : pct >= 90 ? 'bg-amber-500' : 'bg-indigo-600'}`}
          style={{ width: `${pct}%` }}
        />
      </div>
      <p className="text-xs tabular-nums">
        {text}
        {over && (
          <strong className="block font-semibold text-red-700 dark:text-red-400">
            Over capacity by {personWeeks(load - capacity)}
          </strong>
        )}
      </p>
    </div>
  );
}

function ItemList({ items, label }: { items: ScheduleRow[]; label: string }) {
  const [all, setAll] = useState(false);
  if (items.length === 0) return <p className="text-xs text-zinc-500 dark:text-zinc-400">No items.</p>;
  const shown = all ? items : items.slice(0, SHOWN);
  return (
    <>
      <ol aria-label={`Items in ${label}`} className="space-y-1 text-sm">
        {shown.map((i) => (
          <li key={i.id} className="flex justify-between gap-2">
            <span>
              <span className="text-zinc-500 dark:text-zinc-400 tabular-nums">#{i.position}</span> {i.title}
            </span>
            <span className="shrink-0 text-xs text-zinc-500 dark:text-zinc-400 tabular-nums">
              {i.weeks === null ? '—' : `${formatWeeks(i.weeks)} pw`}
            </span>
          </li>
        ))}
      </ol>
      {items.length > SHOWN && (
        <button
          type="button"
          onClick={() => setAll(!all)}
          className="text-xs text-indigo-700 underline dark:text-indigo-300"
        >
          {all ? 'Show fewer' : `Show all ${items.length} items`}
          <span className="sr-only"> in {label}</span>
        </button>
      )}
    </>
  );
}

/** The periods side by side with their items and load; accepted items without a period come last. */
export function Timeline() {
  const { view } = useSchedule();
  const byPeriod = useMemo(() => {
    const map = new Map<number | null, ScheduleRow[]>();
    for (const item of view.items) {
      const list = map.get(item.periodId) ?? [];
      list.push(item);
      map.set(item.periodId, list);
    }
    return map;
  }, [view.items]);
  const unassigned = byPeriod.get(null) ?? [];
  const column = 'w-64 shrink-0 space-y-2 rounded-md border p-3';
  return (
    <section aria-labelledby="timeline-heading" className="space-y-2">
      <h2 id="timeline-heading" className="text-lg font-semibold">
        Timeline
      </h2>
      <ul className="relative flex gap-3 overflow-x-auto pb-2" aria-label="Periods">
        {view.periods.map((p) => (
          <li
            key={p.id}
            className={`${column} ${p.over ? 'border-red-400 bg-red-50/40 dark:border-red-800 dark:bg-red-950/30' : 'border-zinc-200 dark:border-zinc-800'}`}
          >
            <div className="flex items-start justify-between gap-2">
              <div>
                <h3 className="font-semibold">{p.name}</h3>
                <p className="text-xs text-zinc-500 dark:text-zinc-400">
                  {formatDay(p.startsOn)} – {formatDay(p.endsOn)}
                </p>
              </div>
              {view.viewer.canPublish && <PeriodEditor key={`${p.name}:${p.capacityWeeks}`} period={p} />}
            </div>
            <LoadBar load={p.load} capacity={p.capacityWeeks} label={p.name} />
            <ItemList items={byPeriod.get(p.id) ?? []} label={p.name} />
          </li>
        ))}
        {unassigned.length > 0 && (
          <li className={`${column} border-dashed border-zinc-300 dark:border-zinc-700`}>
            <h3 className="font-semibold">No period yet</h3>
            <p className="text-xs tabular-nums">{personWeeks(view.unassigned.load)} to place</p>
            <ItemList items={unassigned} label="No period yet" />
          </li>
        )}
      </ul>
    </section>
  );
}
