'use client';
import { useActionState } from 'react';
import type { ReadStatus } from '@/lib/meetings/reminders.server';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { remindAction } from '@/app/meetings/[id]/actions';
import { MeetingTime } from '@/components/meetings/meeting-time';

/** Who has opened the pre-read and who has not, with a reminder for the latter (once a day each). */
export function ReadReceipts({
  meetingId,
  status,
  closed,
}: {
  meetingId: number;
  status: ReadStatus;
  closed: boolean;
}) {
  const [state, action] = useActionState(remindAction, undefined);
  if (!status.distributed)
    return (
      <p className="text-sm text-zinc-600 dark:text-zinc-400">Read receipts appear here once the pre-read is sent.</p>
    );
  const read = status.rows.filter((r) => r.readAt);
  const unread = status.rows.filter((r) => !r.readAt);
  return (
    <div className="space-y-3 text-sm">
      <p>
        {read.length} of {status.rows.length} attendee{status.rows.length === 1 ? ' has' : 's have'} read the pre-read.
      </p>
      <div className="grid gap-4 grid-cols-1 sm:grid-cols-2">
        <div>
          <h3 className="mb-1 font-medium">Have read it</h3>
          {read.length ? (
            <ul aria-label="Have read it" className="space-y-1">
              {read.map((r) => (
                <li key={r.userId}>
                  {r.name}{' '}
                  <span className="text-zinc-500 dark:text-zinc-400">
                    · {r.departmentName} · <MeetingTime iso={r.readAt!} />
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-zinc-500 dark:text-zinc-400">Nobody yet.</p>
          )}
        </div>
        <div>
          <h3 className="mb-1 font-medium">Have not read it</h3>
          {unread.length ? (
            <ul aria-label="Have not read it" className="space-y-1">
              {unread.map((r) => (
                <li key={r.userId}>
                  {r.name}{' '}
                  <span className="text-zinc-500 dark:text-zinc-400">
                    · {r.departmentName}
                    {!r.active && ' · deactivated'}
                  </span>
                  {r.lastRemindedAt && (
                    <span className="block text-xs text-zinc-500 dark:text-zinc-400">
                      Reminded <MeetingTime iso={r.lastRemindedAt} />
                    </span>
                  )}
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-zinc-500 dark:text-zinc-400">Everyone has read it.</p>
          )}
        </div>
      </div>
      {!closed && unread.length > 0 && (
        <form action={action} className="space-y-2">
          <input type="hidden" name="meetingId" value={meetingId} />
          <SubmitButton variant="secondary" pendingText="Sending reminders…">
            Remind those who have not read it
          </SubmitButton>
          <FormMessage state={state} />
        </form>
      )}
    </div>
  );
}
