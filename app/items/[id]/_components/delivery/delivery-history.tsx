import type { DeliveryRecordView } from '@/lib/delivery/read.server';
import { formatDay } from '@/lib/schedule/dates';
import { UndoDelivery } from './undo-delivery';

/**
 * The deliveries of an item, each with its own date, notes and links. Undone records show struck
 * through with who undid them (the history keeps them); `canUndo` offers the undo on standing ones.
 */
export function DeliveryHistory({
  records,
  title,
  canUndo = false,
}: {
  records: DeliveryRecordView[];
  title: string;
  canUndo?: boolean;
}) {
  if (records.length === 0) return <p className="text-sm text-zinc-500 dark:text-zinc-400">Nothing delivered yet.</p>;
  return (
    <ol aria-label="Deliveries" className="space-y-3">
      {records.map((r) => {
        const what = r.kind === 'final' ? `Delivered: ${title}` : `Milestone: ${r.name}`;
        return (
          <li key={r.id} className="rounded-md border border-zinc-200 p-3 text-sm dark:border-zinc-800">
            <p className="flex flex-wrap items-baseline gap-x-2 font-medium wrap-anywhere">
              <span className={r.undoneAt ? 'line-through' : undefined}>{what}</span>
              <span className="font-normal text-zinc-600 dark:text-zinc-400">{formatDay(r.deliveredOn)}</span>
            </p>
            {r.undoneAt && (
              <p className="text-xs text-zinc-600 dark:text-zinc-400">Undone by {r.undoneByName ?? 'someone'}</p>
            )}
            {r.releaseNotes && <p className="mt-1 whitespace-pre-line wrap-anywhere">{r.releaseNotes}</p>}
            {r.links.length > 0 && (
              <ul aria-label={`Links of ${what}`} className="mt-1 space-y-0.5">
                {r.links.map((href) => (
                  <li key={href} className="wrap-anywhere">
                    <a href={href} rel="noopener noreferrer nofollow" target="_blank">
                      {href}
                    </a>
                  </li>
                ))}
              </ul>
            )}
            {canUndo && !r.undoneAt && <UndoDelivery recordId={r.id} what={what} />}
          </li>
        );
      })}
    </ol>
  );
}
