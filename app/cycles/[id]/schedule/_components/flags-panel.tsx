'use client';
import { useEffect, useId, useRef } from 'react';
import { raiseFlagAction, resolveFlagAction } from '@/app/cycles/[id]/schedule/actions';
import { LocalTime } from '@/components/items/item-history';
import { Button } from '@/components/ui/button';
import { TextArea } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { FLAG_BODY_MAX, type ScheduleFlagView } from '@/lib/schedule/types';
import type { ScheduleRow } from '@/lib/schedule/wire';
import { useSchedule } from './context';
import { typed, useCountedAction } from './use-counted-action';

const KIND_LABEL = { question: 'Question', flag: 'Flagged problem' } as const;

function RaiseForm({ row }: { row: ScheduleRow }) {
  const { view } = useSchedule();
  const [state, action] = useCountedAction(raiseFlagAction);
  const id = useId();
  const errors = state?.fieldErrors ?? {};
  const kind = typed(state, 'kind', 'question');
  return (
    <form action={action} aria-label={`Ask or flag on ${row.title}`} className="space-y-2" noValidate>
      <input type="hidden" name="cycleId" value={view.cycle.id} />
      <input type="hidden" name="itemId" value={row.id} />
      <div key={state?.n ?? 0} className="space-y-2">
        <fieldset className="text-sm">
          <legend className="font-medium">Kind</legend>
          <label className="mr-4 inline-flex items-center gap-1.5">
            <input type="radio" name="kind" value="question" defaultChecked={kind !== 'flag'} /> Ask a question
          </label>
          <label className="inline-flex items-center gap-1.5">
            <input type="radio" name="kind" value="flag" defaultChecked={kind === 'flag'} /> Flag a problem
          </label>
          {errors.kind && <p className="text-red-700 dark:text-red-400">{errors.kind[0]}</p>}
        </fieldset>
        <TextArea
          label="Your question or the problem"
          name="body"
          id={`${id}-body`}
          rows={3}
          maxLength={FLAG_BODY_MAX}
          hint="For example: this date collides with our audit."
          defaultValue={typed(state, 'body', '')}
          errors={errors.body}
          autoFocus={Boolean(errors.body)}
        />
      </div>
      <FormMessage state={errors.body || errors.kind ? undefined : state} />
      <SubmitButton variant="secondary" pendingText="Posting…">
        Post
      </SubmitButton>
    </form>
  );
}

function ResolveForm({ flag }: { flag: ScheduleFlagView }) {
  const { view } = useSchedule();
  const [state, action] = useCountedAction(resolveFlagAction);
  const id = useId();
  return (
    <form
      action={action}
      aria-label={`Resolve the ${KIND_LABEL[flag.kind].toLowerCase()} from ${flag.author}`}
      className="space-y-2"
      noValidate
    >
      <input type="hidden" name="cycleId" value={view.cycle.id} />
      <input type="hidden" name="flagId" value={flag.id} />
      <div key={state?.n ?? 0}>
        <TextArea
          label="Resolution note"
          name="note"
          id={`${id}-note`}
          rows={2}
          maxLength={FLAG_BODY_MAX}
          defaultValue={typed(state, 'note', '')}
          errors={state?.fieldErrors?.note}
        />
      </div>
      <FormMessage state={state?.fieldErrors?.note ? undefined : state} />
      <SubmitButton variant="secondary" pendingText="Resolving…">
        Resolve
      </SubmitButton>
    </form>
  );
}

function Flag({ flag }: { flag: ScheduleFlagView }) {
  const resolved = flag.resolvedAt !== null;
  return (
    <li
      className={`space-y-2 rounded-md border p-3 ${resolved ? 'border-zinc-200 dark:border-zinc-800' : flag.kind === 'flag' ? 'border-amber-400 dark:border-amber-700' : 'border-indigo-300 dark:border-indigo-800'}`}
    >
      <p className="text-xs text-zinc-600 dark:text-zinc-400">
        <strong className="font-semibold">{KIND_LABEL[flag.kind]}</strong>
        {resolved ? ' · resolved' : ' · open'} · {flag.author}, <LocalTime iso={flag.createdAt} />
      </p>
      {/* Plain text: React escapes it, and pre-wrap keeps the author's line breaks. */}
      <p className="text-sm whitespace-pre-wrap">{flag.body}</p>
      {resolved && (
        <p className="rounded bg-zinc-50 p-2 text-sm whitespace-pre-wrap dark:bg-zinc-900">
          <span className="font-medium">
            Resolved by {flag.resolvedBy}, <LocalTime iso={flag.resolvedAt!} />:
          </span>{' '}
          {flag.resolutionNote}
        </p>
      )}
      {flag.canResolve && <ResolveForm flag={flag} />}
    </li>
  );
}

/** The selected item's questions and flags: open ones first, then resolved ones with their notes, then the form. */
export function FlagsPanel({ row }: { row: ScheduleRow }) {
  const { view, select } = useSchedule();
  const heading = useRef<HTMLHeadingElement>(null);
  // Opening the panel moves focus to it, so keyboard and screen-reader users land on what they opened.
  useEffect(() => heading.current?.focus(), [row.id]);
  const flags = view.flags.filter((f) => f.itemId === row.id);
  const open = flags.filter((f) => f.resolvedAt === null);
  const resolved = flags.filter((f) => f.resolvedAt !== null);
  const canRaise = row.status === 'scheduled' || row.status === 'in_delivery';
  return (
    <section
      id="schedule-flags"
      aria-labelledby="schedule-flags-heading"
      className="space-y-3 rounded-md border border-zinc-200 p-4 dark:border-zinc-800"
    >
      <div className="flex items-start justify-between gap-2">
        <h2 id="schedule-flags-heading" ref={heading} tabIndex={-1} className="text-lg font-semibold">
          Questions and flags: {row.title}
        </h2>
        <Button variant="ghost" onClick={() => select(null)}>
          Close
        </Button>
      </div>
      {flags.length === 0 && (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">Nothing has been asked or flagged on this item.</p>
      )}
      {open.length > 0 && (
        <ul aria-label="Open" className="space-y-2">
          {open.map((f) => (
            <Flag key={f.id} flag={f} />
          ))}
        </ul>
      )}
      {resolved.length > 0 && (
        <ul aria-label="Resolved" className="space-y-2">
          {resolved.map((f) => (
            <Flag key={f.id} flag={f} />
          ))}
        </ul>
      )}
      {canRaise ? (
        <RaiseForm row={row} />
      ) : (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Questions and flags open once the item is scheduled, and close when it is delivered.
        </p>
      )}
    </section>
  );
}
