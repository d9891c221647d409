'use client';
import { useActionState, useState } from 'react';
import { MailPreview, type MailPreviewData } from '@/components/messages/mail-preview';
import { Button } from '@/components/ui/button';
import { TextArea } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { distributeAction, previewPrereadAction, sendUpdateAction } from '@/app/meetings/[id]/actions';
import { MeetingTime } from '@/components/meetings/meeting-time';

export type PrereadPanelProps = {
  meetingId: number;
  preread: { sentAt: string; late: boolean; updates: { sentAt: string; summary: string[] }[] } | null;
  /** Set when distributing now would be late: the confirmation is offered up front. */
  lateMessage: string | null;
  agendaCount: number;
  attendeeCount: number;
  closed: boolean;
};

/** Distribute the pre-read (with a confirmation when late), then send updates. */
export function PrereadPanel(props: PrereadPanelProps) {
  return props.preread ? <SentPreread {...props} preread={props.preread} /> : <DistributeForm {...props} />;
}

function DistributeForm({ meetingId, lateMessage, agendaCount, attendeeCount, closed }: PrereadPanelProps) {
  const [state, action] = useActionState(distributeAction, undefined);
  const [previewState, preview] = useActionState(previewPrereadAction, undefined);
  // Controlled, so the note survives a preview (a finished form action resets uncontrolled fields).
  const [note, setNote] = useState('');
  const shown = previewState?.ok ? (previewState.data as { preview: MailPreviewData | null }).preview : null;
  // A refusal for lateness comes back on the confirmLate field: show it with the box, not twice.
  const late = state?.fieldErrors?.confirmLate?.[0] ?? lateMessage;
  const showSummary = !state?.fieldErrors?.confirmLate;
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="meetingId" value={meetingId} />
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Distributing freezes the agenda ({agendaCount} item{agendaCount === 1 ? '' : 's'}) and sends it to the{' '}
        {attendeeCount} attendee{attendeeCount === 1 ? '' : 's'}, in-app and by e-mail with a calendar invitation. It is
        sent once; later changes go out as an update.
      </p>
      {showSummary && <FormMessage state={state} />}
      {late && (
        <div className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
          <p id="late-message">{late}</p>
          <label className="flex items-center gap-2 font-medium">
            <input
              type="checkbox"
              name="confirmLate"
              value="true"
              aria-describedby="late-message"
              aria-invalid={state?.fieldErrors?.confirmLate ? true : undefined}
            />
            Send it late anyway
          </label>
        </div>
      )}
      {!closed && (
        <>
          <TextArea
            label="Personal note (optional)"
            name="note"
            value={note}
            onChange={(e) => setNote(e.target.value)}
            maxLength={2000}
            hint="Shown at the top of the pre-read e-mail; at most 2,000 characters."
            errors={state?.fieldErrors?.note ?? previewState?.fieldErrors?.note}
          />
          {!previewState?.ok && <FormMessage state={previewState} besideFields={['note']} />}
          <div className="flex flex-wrap gap-2">
            <SubmitButton pendingText="Sending…">Distribute the pre-read</SubmitButton>
            <Button variant="secondary" type="submit" formAction={preview}>
              Preview the e-mail
            </Button>
          </div>
          {previewState?.ok && !shown && <p className="text-sm">Add attendees to preview their e-mail.</p>}
          {shown && <MailPreview preview={shown} />}
        </>
      )}
    </form>
  );
}

function SentPreread({
  meetingId,
  preread,
  closed,
}: PrereadPanelProps & { preread: NonNullable<PrereadPanelProps['preread']> }) {
  const [state, action] = useActionState(sendUpdateAction, undefined);
  return (
    <div className="space-y-3 text-sm">
      <p>
        Sent on <MeetingTime iso={preread.sentAt} />
        {preread.late && <strong className="ml-1 text-amber-800 dark:text-amber-300">(late)</strong>}
      </p>
      {preread.updates.length > 0 && (
        <ol aria-label="Updates sent" className="space-y-2">
          {preread.updates.map((u, n) => (
            <li key={u.sentAt + n} className="rounded-md border border-zinc-200 p-2 dark:border-zinc-800">
              <p className="font-medium">
                Update sent on <MeetingTime iso={u.sentAt} />
              </p>
              <ul className="ml-4 list-disc text-zinc-700 dark:text-zinc-300">
                {u.summary.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      )}
      {!closed && (
        <form action={action} className="space-y-2">
          <input type="hidden" name="meetingId" value={meetingId} />
          <p className="text-zinc-600 dark:text-zinc-400">
            Changed the agenda, an item or the meeting since? Send the attendees what changed.
          </p>
          <FormMessage state={state} />
          <SubmitButton variant="secondary" pendingText="Sending…">
            Send an update
          </SubmitButton>
        </form>
      )}
    </div>
  );
}
