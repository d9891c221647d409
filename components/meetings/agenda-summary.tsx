import type { AgendaSummary } from '@/lib/meetings/agenda-order';
import { formatWeeks, personWeeks, plural } from '@/lib/plural';

/** The agenda's total estimate against the cycle's capacity, and per theme. Live: it follows the editor. */
export function AgendaSummaryView({ summary: s }: { summary: AgendaSummary }) {
  const pct = s.capacityWeeks > 0 ? Math.round((s.totalWeeks / s.capacityWeeks) * 100) : 0;
  return (
    <div
      aria-live="polite"
      className="rounded-md border border-zinc-200 bg-zinc-50 p-3 text-sm dark:border-zinc-800 dark:bg-zinc-900"
    >
      <p>
        <span className="font-semibold">Agenda total: </span>
        {plural(s.itemCount, 'item')}, {formatWeeks(s.totalWeeks)} of {personWeeks(s.capacityWeeks)} ({pct}% of
        capacity)
        {s.unestimated > 0 && <span>; {s.unestimated} not estimated</span>}
        {s.overCapacity && (
          <strong className="ml-2 text-red-700 dark:text-red-400">
            Over capacity by {personWeeks(s.totalWeeks - s.capacityWeeks)}
          </strong>
        )}
      </p>
      {s.byTheme.length > 0 && (
        <ul
          aria-label="Agenda by theme"
          className="mt-1 flex flex-wrap gap-x-4 text-xs text-zinc-600 dark:text-zinc-400"
        >
          {s.byTheme.map((t) => (
            <li key={t.themeId ?? 'none'}>
              {t.name}: {t.count} · {formatWeeks(t.weeks)} pw
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
