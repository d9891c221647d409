'use client';
import { useActionState, useEffect, useRef } from 'react';
import { markDeliveredAction, recordMilestoneAction } from '@/app/items/[id]/delivery-actions';
import { Button } from '@/components/ui/button';
import { TextArea, TextField } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { ACTUAL_WEEKS_MAX, LINKS_MAX, MILESTONE_NAME_MAX, RELEASE_NOTES_MAX } from '@/lib/delivery/limits';
import { formatDay } from '@/lib/schedule/dates';

type Kind = 'milestone' | 'final';

const OPEN_LABEL: Record<Kind, string> = { milestone: 'Record a milestone', final: 'Mark delivered…' };
const HEADING: Record<Kind, string> = { milestone: 'Record a milestone of', final: 'Mark delivered:' };

const today = () => new Date().toISOString().slice(0, 10);
const text = (v: string | string[] | undefined) => (Array.isArray(v) ? v.join('\n') : v);

/**
 * The milestone and final-delivery forms, each in a native modal dialog opened from a button (no
 * injected styles, which the Content-Security-Policy refuses). Ids carry the item, so a page with
 * many rows keeps them unique. The dialog closes once the server confirms.
 */
export function DeliveryDialog({
  kind,
  itemId,
  title,
  kickoffOn,
  compact = false,
}: {
  kind: Kind;
  itemId: number;
  title: string;
  kickoffOn: string | null;
  compact?: boolean;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [state, action] = useActionState(kind === 'final' ? markDeliveredAction : recordMilestoneAction, undefined);
  useEffect(() => {
    if (state?.ok) dialog.current?.close();
  }, [state]);
  const id = (field: string) => `${kind}-${itemId}-${field}`;
  const errors = state?.ok ? undefined : state?.fieldErrors;
  const values = state?.ok ? undefined : state?.values;
  return (
    <>
      <Button
        variant={kind === 'final' ? 'secondary' : 'ghost'}
        className={compact ? 'px-2 py-1 text-xs' : ''}
        onClick={() => dialog.current?.showModal()}
      >
        {OPEN_LABEL[kind]}
        <span className="sr-only"> of {title}</span>
      </Button>
      {state?.ok && <FormMessage state={state} />}
      <dialog
        ref={dialog}
        aria-labelledby={id('heading')}
        className="m-auto w-[min(36rem,calc(100vw-2rem))] rounded-lg bg-white p-4 text-zinc-900 shadow-xl backdrop:bg-black/40 dark:bg-zinc-900 dark:text-zinc-100"
      >
        <form action={action} className="space-y-3" aria-labelledby={id('heading')}>
          <h2 id={id('heading')} className="text-lg font-semibold wrap-anywhere">
            {HEADING[kind]} {title}
          </h2>
          <input type="hidden" name="itemId" value={itemId} />
          {kind === 'milestone' && (
            <TextField
              id={id('name')}
              label="Milestone name"
              name="name"
              required
              maxLength={MILESTONE_NAME_MAX}
              defaultValue={text(values?.name)}
              errors={errors?.name}
            />
          )}
          <TextField
            id={id('deliveredOn')}
            label="Delivery date"
            name="deliveredOn"
            type="date"
            required
            min={kickoffOn ?? undefined}
            defaultValue={text(values?.deliveredOn) ?? today()}
            hint={kickoffOn ? `Not before the kickoff on ${formatDay(kickoffOn)}.` : undefined}
            errors={errors?.deliveredOn}
          />
          <TextArea
            id={id('releaseNotes')}
            label="Release notes"
            name="releaseNotes"
            maxLength={RELEASE_NOTES_MAX}
            defaultValue={text(values?.releaseNotes)}
            errors={errors?.releaseNotes}
          />
          <TextArea
            id={id('links')}
            label="Links"
            name="links"
            rows={3}
            hint={`One web address per line, up to ${LINKS_MAX}: the release, pull request or documentation.`}
            defaultValue={text(values?.links)}
            errors={errors?.links}
          />
          {kind === 'final' && (
            <TextField
              id={id('actualWeeks')}
              label="Actual effort in person-weeks (optional)"
              name="actualWeeks"
              type="number"
              inputMode="decimal"
              min={0.1}
              max={ACTUAL_WEEKS_MAX}
              step="any"
              defaultValue={text(values?.actualWeeks)}
              errors={errors?.actualWeeks}
            />
          )}
          {state && !state.ok && <FormMessage state={state} />}
          <div className="flex flex-wrap justify-end gap-2">
            <Button variant="ghost" onClick={() => dialog.current?.close()}>
              Cancel
            </Button>
            <SubmitButton>{kind === 'final' ? 'Mark delivered' : 'Record milestone'}</SubmitButton>
          </div>
        </form>
      </dialog>
    </>
  );
}
