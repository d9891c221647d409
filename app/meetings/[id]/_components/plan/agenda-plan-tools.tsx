'use client';
import type { TimeBoxes } from '@/lib/meetings/time-boxes';
import type { ItemContest } from '@/lib/meetings/contested';
import { Button } from '@/components/ui/button';

/** "Suggest an order" (contested items first) and "Suggest a consent agenda", from the leaders' stances. */
export function AgendaSuggestions({
  disabled,
  consentEditable,
  onOrder,
  onConsent,
  explained,
}: {
  disabled: boolean;
  consentEditable: boolean;
  onOrder: () => void;
  onConsent: () => void;
  /** The suggested order just applied, with why, until the pm changes it. */
  explained: { title: string; contest: ItemContest }[] | null;
}) {
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        <Button variant="secondary" onClick={onOrder} disabled={disabled}>
          Suggest an order
        </Button>
        {consentEditable && (
          <Button variant="secondary" onClick={onConsent} disabled={disabled}>
            Suggest a consent agenda
          </Button>
        )}
      </div>
      {explained && (
        <div role="status" className="rounded-md bg-zinc-50 p-3 text-sm dark:bg-zinc-900">
          <p className="font-medium">Contested items first, from the leaders&apos; stances (you can still reorder):</p>
          <ol className="mt-1 list-decimal space-y-0.5 pl-5">
            {explained.map((e) => (
              <li key={e.contest.itemId}>
                <span className="font-medium">{e.title}</span>: {e.contest.explanation}
              </li>
            ))}
          </ol>
        </div>
      )}
    </div>
  );
}

/** The agenda's planned minutes against the meeting's length, with a warning when the boxes overrun it. */
export function AgendaTimeSummary({ time, durationMinutes }: { time: TimeBoxes; durationMinutes: number }) {
  return (
    <p
      role={time.overMinutes ? 'alert' : undefined}
      className={
        time.overMinutes
          ? 'rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100'
          : 'text-sm text-zinc-700 dark:text-zinc-300'
      }
    >
      Time: {time.totalMinutes} of {durationMinutes} minutes planned
      {time.overMinutes > 0 && ` — ${time.overMinutes} minutes over the meeting's length. Shorten some time boxes.`}
    </p>
  );
}
