import Link from '@/components/ui/link';
import type { TimelineEntry } from '@/lib/changes/history.server';
import { HistoryLine } from '@/components/items/item-history';
import { CHANGE_STATUS_LABEL, changeRequestHref } from './labels';

/**
 * An item's schedule history: every change to where it stands in the delivery schedule, oldest
 * first, in the same sentences as the item's history (lib/backlog/history.ts), with the change
 * request (so the emergency session) that caused it, linked. Rendered only when there is any.
 */

/** `linkRequests`: false for viewers who cannot open change requests (a requestor on their own item). */
export function ScheduleHistory({ entries, linkRequests }: { entries: TimelineEntry[]; linkRequests: boolean }) {
  if (entries.length === 0) return null;
  return (
    <section aria-labelledby="schedule-history" className="space-y-2">
      <h2 id="schedule-history" className="font-semibold">
        Schedule history
      </h2>
      <ol className="space-y-3 border-l border-zinc-200 pl-4 dark:border-zinc-700">
        {entries.map((e) => (
          <HistoryLine
            key={e.eventId}
            // Only the words cross to the browser: the entry's raw changes hold ids and rank keys.
            entry={{ actorName: e.actorName, summary: e.summary, details: e.details, at: e.at }}
            more={
              e.changeRequest && (
                <li>
                  {linkRequests ? (
                    <Link href={changeRequestHref(e.changeRequest.id)}>Change request #{e.changeRequest.id}</Link>
                  ) : (
                    <>Change request #{e.changeRequest.id}</>
                  )}{' '}
                  is {CHANGE_STATUS_LABEL(e.changeRequest.status).toLowerCase()}.
                </li>
              )
            }
          />
        ))}
      </ol>
    </section>
  );
}
