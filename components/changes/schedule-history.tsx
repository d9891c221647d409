import Link from 'next/link';
import type { TimelineEntry } from '@/lib/changes/history.server';
import { STATUS_LABEL } from '@/lib/backlog/labels';
import { LocalTime } from '@/components/items/item-history';
import { CHANGE_STATUS_LABEL, changeRequestHref } from './labels';

/**
 * An item's schedule history (issue step 6): every change to where it stands in the delivery
 * schedule, oldest first, with who and when, and the change request (so the emergency session)
 * that caused it, linked. Rendered only when there is any.
 */

const ACTION: Record<'in' | 'out' | 'later', string> = {
  in: 'came into the schedule',
  out: 'moved out of the schedule',
  later: 'moved to a later period',
};

const FIELD: Record<string, string> = { ownerId: 'Owner', kickoffOn: 'Kickoff', rank: 'Order', status: 'Status' };

function value(key: string, v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  if (key === 'status' && typeof v === 'string') return STATUS_LABEL[v as keyof typeof STATUS_LABEL] ?? v;
  return typeof v === 'string' || typeof v === 'number' ? String(v) : JSON.stringify(v);
}

function what(e: TimelineEntry): string {
  if (e.action) return ACTION[e.action];
  if (e.type === 'item.status_changed') return 'changed its delivery status';
  return 'changed its schedule';
}

/** `linkRequests`: false for viewers who cannot open change requests (a requestor on their own item). */
export function ScheduleHistory({ entries, linkRequests }: { entries: TimelineEntry[]; linkRequests: boolean }) {
  if (entries.length === 0) return null;
  return (
    <section aria-labelledby="schedule-history" className="space-y-2">
      <h2 id="schedule-history" className="font-semibold">
        Schedule history
      </h2>
      <ol className="space-y-3 border-l border-zinc-200 pl-4 dark:border-zinc-700">
        {entries.map((e) => {
          // The period by name; owner ids and the rank key are shown only as "changed".
          const details = Object.entries(e.changes).filter(([key]) => key !== 'periodId' && key !== 'version');
          return (
            <li key={e.eventId} className="text-sm">
              <p>
                <span className="font-medium">{e.actorName ?? 'Quorum'}</span>
                <span className="text-zinc-500">
                  {' '}
                  · <LocalTime iso={e.at} /> ·{' '}
                </span>
                {what(e)}
              </p>
              <ul className="mt-1 space-y-0.5 text-zinc-700 dark:text-zinc-300">
                {e.period && (
                  <li>
                    <span className="font-medium">Period:</span> {e.period.from ?? 'none'} → {e.period.to ?? 'none'}
                  </li>
                )}
                {details.map(([key, c]) => (
                  <li key={key}>
                    <span className="font-medium">{FIELD[key] ?? key}:</span>{' '}
                    {key === 'status' || key === 'kickoffOn'
                      ? `${value(key, c.from)} → ${value(key, c.to)}`
                      : 'changed'}
                  </li>
                ))}
                {e.changeRequest && (
                  <li>
                    Caused by{' '}
                    {linkRequests ? (
                      <Link href={changeRequestHref(e.changeRequest.id)}>
                        change request #{e.changeRequest.id} “{e.changeRequest.title}”
                      </Link>
                    ) : (
                      <>
                        change request #{e.changeRequest.id} “{e.changeRequest.title}”
                      </>
                    )}{' '}
                    ({CHANGE_STATUS_LABEL(e.changeRequest.status).toLowerCase()})
                  </li>
                )}
              </ul>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
