import type { CapacitySummary as Summary } from '@/lib/prereads/capacity';
import { formatWeeks, personWeeks, plural } from '@/lib/plural';

/** The agenda's total estimate against the cycle's capacity, and per theme, as of the pre-read. */
export function CapacitySummary({ capacity }: { capacity: Summary }) {
  const pct = capacity.capacityWeeks > 0 ? Math.round((capacity.totalWeeks / capacity.capacityWeeks) * 100) : 0;
  return (
    <section
      aria-labelledby="capacity-heading"
      className="preread-item rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900"
    >
      <h2 id="capacity-heading" className="text-base font-semibold">
        Capacity
      </h2>
      <p className="mt-1 text-sm tabular-nums">
        {formatWeeks(capacity.totalWeeks)} of {personWeeks(capacity.capacityWeeks)} ({pct}% of capacity)
        {capacity.overBy > 0 && (
          <strong className="ml-2 text-red-700 dark:text-red-400">
            Over capacity by {personWeeks(capacity.overBy)}
          </strong>
        )}
      </p>
      {capacity.unestimated > 0 && (
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
          {plural(capacity.unestimated, 'item has', 'items have')} no estimate and{' '}
          {capacity.unestimated === 1 ? 'is' : 'are'} not counted.
        </p>
      )}
      {capacity.themes.length > 0 && (
        <ul aria-label="Capacity by theme" className="mt-2 grid gap-x-6 gap-y-1 text-sm grid-cols-1 sm:grid-cols-2">
          {capacity.themes.map((t) => (
            <li key={t.id ?? 'none'} className="flex justify-between gap-2 tabular-nums">
              <span>{t.name}</span>
              <span>
                {personWeeks(t.weeks)} · {plural(t.items, 'item')}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
