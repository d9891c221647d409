'use client';
import { useActionState, useState } from 'react';
import { publishScheduleAction } from '@/app/cycles/[id]/schedule/actions';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { useSchedule } from './context';

/**
 * Publishing (pm): the lines people will be sent, then a confirmation, since it notifies everyone
 * concerned. Stays mounted after publishing, so its confirmation survives the page's refresh.
 */
export function PublishPanel() {
  const { view } = useSchedule();
  const [state, action] = useActionState(publishScheduleAction, undefined);
  const [confirming, setConfirming] = useState(false);
  const changes = view.unpublishedChanges;
  return (
    <section
      aria-labelledby="publish-heading"
      className="space-y-2 rounded-md border border-zinc-200 p-4 dark:border-zinc-800"
    >
      <h2 id="publish-heading" className="text-lg font-semibold">
        Publish
      </h2>
      <FormMessage state={state} />
      {changes.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          {view.lastPublication
            ? 'Nothing has changed since the last publication.'
            : 'Nothing to publish yet: give items a period first.'}
        </p>
      ) : (
        <form action={action} className="space-y-2">
          <input type="hidden" name="cycleId" value={view.cycle.id} />
          <p className="text-sm">
            {view.lastPublication ? 'Changes since the last publication' : 'This first publication'} will be announced
            to the requestors and sponsors of the scheduled items and to the meeting&apos;s attendees:
          </p>
          <ul aria-label="Changes to announce" className="max-h-48 list-disc space-y-0.5 overflow-y-auto pl-5 text-sm">
            {changes.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
          {confirming ? (
            <div className="flex flex-wrap items-center gap-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
              <span>They are notified in-app and by e-mail. Publish now?</span>
              <SubmitButton pendingText="Publishing…">Yes, publish the schedule</SubmitButton>
              <Button variant="ghost" onClick={() => setConfirming(false)}>
                Cancel
              </Button>
            </div>
          ) : (
            <Button onClick={() => setConfirming(true)}>Publish the schedule…</Button>
          )}
        </form>
      )}
    </section>
  );
}
