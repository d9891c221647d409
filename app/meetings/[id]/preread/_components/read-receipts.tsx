import type { ReadReceipt } from '@/lib/prereads/receipts.server';
import { LocalTime } from '@/components/items/item-history';

/** For the facilitator and pm: who has opened the pre-read. Folded away: it is not the document. */
export function ReadReceipts({ receipts }: { receipts: ReadReceipt[] }) {
  const read = receipts.filter((r) => r.readAt !== null).length;
  return (
    <details className="rounded-lg border border-zinc-200 bg-white p-4 text-sm print:hidden dark:border-zinc-800 dark:bg-zinc-900">
      <summary className="cursor-pointer font-semibold">
        Read receipts: {read} of {receipts.length} attendees have read it
      </summary>
      {receipts.length === 0 ? (
        <p className="mt-2 text-zinc-600 dark:text-zinc-400">This meeting has no attendees yet.</p>
      ) : (
        <ul aria-label="Read receipts" className="mt-2 space-y-1">
          {receipts.map((r) => (
            <li key={r.userId} className="flex flex-wrap justify-between gap-2">
              <span>
                {r.name}{' '}
                <span className="text-zinc-500 dark:text-zinc-400">
                  · {r.department}
                  {r.role === 'observer' ? ' · observer' : ''}
                </span>
              </span>
              <span>
                {r.readAt ? (
                  <>
                    Read <LocalTime iso={r.readAt} />
                  </>
                ) : (
                  <strong className="font-medium">Not read yet</strong>
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
