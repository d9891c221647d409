'use client';
import type { HistoryEntry } from '@/lib/history/item-history';
import { useTimeZone } from '@/components/meetings/use-time-zone';
import { formatZoned, knownZone } from '@/lib/time/format-zoned';

/** A time in the viewer's zone (named), or a date when `dateOnly`; the ISO value stays in `dateTime`. */
export function LocalTime({ iso, dateOnly = false }: { iso: string; dateOnly?: boolean }) {
  // UTC until the browser's zone is known (when the person chose none), so both renders agree.
  const timeZone = knownZone(useTimeZone());
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return <span>{iso}</span>;
  const text = dateOnly
    ? new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone }).format(date)
    : formatZoned(date, timeZone);
  return <time dateTime={iso}>{text}</time>;
}

/**
 * One entry of a history: "<who> <what they did>" and when, then any further sentences; `more` adds
 * lines of the caller's own (the schedule history links the change request).
 */
export function HistoryLine({
  entry,
  more,
}: {
  entry: Pick<HistoryEntry, 'actorName' | 'summary' | 'details' | 'at'>;
  more?: React.ReactNode;
}) {
  return (
    <li className="text-sm">
      <p>
        <span className="font-medium">{entry.actorName ?? 'Quorum'}</span> {entry.summary}{' '}
        <span className="text-zinc-600 dark:text-zinc-400">
          <LocalTime iso={entry.at} />
        </span>
      </p>
      {(entry.details.length > 0 || more) && (
        <ul className="mt-1 list-disc space-y-0.5 pl-5 text-zinc-700 dark:text-zinc-300">
          {entry.details.map((d, i) => (
            <li key={i}>{d}</li>
          ))}
          {more}
        </ul>
      )}
    </li>
  );
}

/** An item's history, oldest first: who, when, and what they did, in sentences (lib/history/item-history.ts). */
export function ItemHistory({ entries }: { entries: HistoryEntry[] }) {
  if (entries.length === 0) return <p className="text-sm text-zinc-600 dark:text-zinc-400">No changes recorded yet.</p>;
  return (
    <ol className="space-y-3 border-l border-zinc-200 pl-4 dark:border-zinc-700">
      {entries.map((e) => (
        <HistoryLine key={e.id} entry={e} />
      ))}
    </ol>
  );
}
