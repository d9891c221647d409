'use client';
import { useSyncExternalStore } from 'react';
import { KIND_LABEL, STATUS_LABEL } from '@/lib/backlog/labels';

export type HistoryEvent = {
  id: number;
  at: string;
  type: string;
  data: Record<string, unknown>;
  actorName: string | null;
};
/** Names for the ids a change may carry (sponsorId, themeId…); an id without a name shows as "#id". */
export type HistoryNames = Partial<
  Record<'people' | 'departments' | 'modules' | 'themes' | 'cycles', Record<number, string>>
>;

const noop = () => () => {};
/** The viewer's time zone once hydrated; UTC on the server, so both renders agree. */
function useTimeZone() {
  return useSyncExternalStore(
    noop,
    () => Intl.DateTimeFormat().resolvedOptions().timeZone,
    () => 'UTC',
  );
}

/** A time in the viewer's zone (named), or a date when `dateOnly`; the ISO value stays in `dateTime`. */
export function LocalTime({ iso, dateOnly = false }: { iso: string; dateOnly?: boolean }) {
  const timeZone = useTimeZone();
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return <span>{iso}</span>;
  const text = new Intl.DateTimeFormat(
    'en-GB',
    dateOnly
      ? { dateStyle: 'medium', timeZone }
      : {
          day: 'numeric',
          month: 'short',
          year: 'numeric',
          hour: '2-digit',
          minute: '2-digit',
          timeZone,
          timeZoneName: 'short',
        },
  ).format(date);
  return <time dateTime={iso}>{text}</time>;
}

const FIELD_LABEL: Record<string, string> = {
  title: 'Title',
  description: 'Description',
  businessBenefit: 'Business benefit',
  estimateSize: 'Estimate (size)',
  estimateWeeks: 'Estimate (person-weeks)',
  sme: 'SME',
  sponsorId: 'Sponsor',
  sponsorSuggestion: 'Sponsor suggestion',
  requestorId: 'Requestor',
  departmentId: 'Department',
  kind: 'Kind',
  status: 'Status',
  themeId: 'Theme',
  cycleId: 'Cycle',
  moduleIds: 'Modules',
  decisionReason: 'Decision reason',
  rank: 'Rank',
  targetPeriod: 'Target period',
};

const NAMES_FOR: Record<string, keyof HistoryNames> = {
  sponsorId: 'people',
  requestorId: 'people',
  departmentId: 'departments',
  themeId: 'themes',
  cycleId: 'cycles',
  moduleIds: 'modules',
};

const WHAT: Record<string, string> = {
  'request.submitted': 'submitted the request',
  'request.curated': 'moved the request into a cycle',
  'item.created': 'created the item',
  'item.updated': 'changed the item',
  'item.status_changed': 'changed the status',
  'item.schedule_changed': 'changed the schedule',
  'schedule.flag_raised': 'asked or flagged a problem on the schedule',
  'schedule.flag_resolved': 'resolved a question or flag on the schedule',
};

function fieldLabel(key: string) {
  return FIELD_LABEL[key] ?? key.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/^./, (c) => c.toUpperCase());
}

function shorten(s: string) {
  return s.length > 120 ? `${s.slice(0, 117)}…` : s;
}

function formatValue(key: string, value: unknown, names: HistoryNames): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.length ? value.map((v) => formatValue(key, v, names)).join(', ') : '—';
  if (key === 'status' && typeof value === 'string') return STATUS_LABEL[value as keyof typeof STATUS_LABEL] ?? value;
  if (key === 'kind' && typeof value === 'string') return KIND_LABEL[value as keyof typeof KIND_LABEL] ?? value;
  const lookup = NAMES_FOR[key];
  if (lookup && typeof value === 'number') return names[lookup]?.[value] ?? `#${value}`;
  return shorten(typeof value === 'string' ? value : JSON.stringify(value));
}

type Change = { from: unknown; to: unknown };

function changesOf(data: Record<string, unknown>): [string, Change][] {
  const changes = data.changes;
  if (!changes || typeof changes !== 'object') return [];
  return Object.entries(changes as Record<string, Change>).filter(([, c]) => c && typeof c === 'object');
}

/** An item's audit trail, oldest first: who · when · what changed (from → to). */
export function ItemHistory({ events, names = {} }: { events: HistoryEvent[]; names?: HistoryNames }) {
  if (events.length === 0) return <p className="text-sm text-zinc-600 dark:text-zinc-400">No changes recorded yet.</p>;
  return (
    <ol className="space-y-3 border-l border-zinc-200 pl-4 dark:border-zinc-700">
      {events.map((e) => {
        const changes = changesOf(e.data);
        return (
          <li key={e.id} className="text-sm">
            <p>
              <span className="font-medium">{e.actorName ?? 'Quorum'}</span>
              <span className="text-zinc-500">
                {' '}
                · <LocalTime iso={e.at} /> ·{' '}
              </span>
              <span>{WHAT[e.type] ?? e.type}</span>
            </p>
            {changes.length > 0 && (
              <ul className="mt-1 space-y-0.5 text-zinc-700 dark:text-zinc-300">
                {changes.map(([key, c]) => (
                  <li key={key}>
                    <span className="font-medium">{fieldLabel(key)}:</span> {formatValue(key, c.from, names)}{' '}
                    <span aria-hidden="true">→</span>
                    <span className="sr-only">to</span> {formatValue(key, c.to, names)}
                  </li>
                ))}
              </ul>
            )}
          </li>
        );
      })}
    </ol>
  );
}
