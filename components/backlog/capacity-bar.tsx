'use client';

import { useId, useMemo } from 'react';
import { sumEstimates } from '@/lib/estimates/estimates';
import type { BacklogMeta, BacklogRow } from '@/lib/backlog/types';
import { formatWeeks, personWeeks } from './format';
import { NO_THEME } from './backlog-columns';
import { PlannedNfrShare } from '@/components/capacity/planned-nfr-share';

function percent(part: number, whole: number) {
  if (whole <= 0) return part > 0 ? 100 : 0;
  return Math.round((part / whole) * 100);
}

/**
 * Planned person-weeks against the cycle's capacity, over every item of the cycle (not only the
 * filtered ones). Which statuses count is decided once, in lib/estimates/estimates.ts.
 */
export function CapacityBar({ rows, meta }: { rows: BacklogRow[]; meta: BacklogMeta }) {
  const headingId = useId();
  const { total, byTheme } = useMemo(() => sumEstimates(rows), [rows]);
  const capacity = meta.capacityWeeks;
  const pct = percent(total, capacity);
  const over = total > capacity;
  const text = `${formatWeeks(total)} of ${personWeeks(capacity)} (${pct}%)`;
  const themes = [
    ...meta.themes.map((t) => ({ key: String(t.id), name: t.name, weeks: byTheme.get(t.id) ?? 0 })),
    ...(byTheme.has(null) ? [{ key: 'none', name: NO_THEME, weeks: byTheme.get(null) ?? 0 }] : []),
  ];

  return (
    <section
      aria-labelledby={headingId}
      className="rounded-md border border-zinc-200 bg-white p-3 dark:border-zinc-800 dark:bg-zinc-900"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={headingId} className="text-sm font-semibold">
          Capacity
        </h2>
        <p className="text-sm tabular-nums">
          {text}
          {over ? (
            <strong className="ml-2 font-semibold text-red-700 dark:text-red-400">
              Over capacity by {personWeeks(total - capacity)}
            </strong>
          ) : null}
        </p>
      </div>
      <div
        role="meter"
        aria-label="Planned capacity"
        aria-valuemin={0}
        aria-valuemax={capacity}
        // A meter cannot exceed its maximum; the text value carries the overflow.
        aria-valuenow={Math.min(total, capacity)}
        aria-valuetext={over ? `${text}, over capacity` : text}
        className={`mt-2 h-2.5 overflow-hidden rounded-full ${over ? 'bg-red-100 ring-1 ring-red-600 dark:bg-red-950' : 'bg-zinc-200 dark:bg-zinc-800'}`}
      >
        <div
          className={`h-full rounded-full ${over ? 'bg-red-600' : pct >= 90 ? 'bg-amber-500' : 'bg-indigo-600'}`}
          style={{ width: `${Math.min(pct, 100)}%` }}
        />
      </div>
      <PlannedNfrShare rows={rows} meta={meta} />
      {themes.length > 0 ? (
        <ul
          aria-label="Capacity by theme"
          className="mt-3 grid gap-x-6 gap-y-1 text-xs grid-cols-1 sm:grid-cols-2 lg:grid-cols-3"
        >
          {themes.map((t) => {
            const share = percent(t.weeks, capacity);
            return (
              <li key={t.key} className="grid grid-cols-[minmax(0,1fr)_auto] items-center gap-x-2">
                <span className="truncate" title={t.name}>
                  {t.name}
                </span>
                <span className="tabular-nums text-zinc-600 dark:text-zinc-400">
                  {formatWeeks(t.weeks)} pw · {share}%<span className="sr-only"> of capacity</span>
                </span>
                <span
                  aria-hidden="true"
                  className="col-span-2 h-1 overflow-hidden rounded-full bg-zinc-100 dark:bg-zinc-800"
                >
                  <span className="block h-full bg-indigo-400" style={{ width: `${Math.min(share, 100)}%` }} />
                </span>
              </li>
            );
          })}
        </ul>
      ) : null}
    </section>
  );
}
