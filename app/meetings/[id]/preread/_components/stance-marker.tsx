'use client';
import { startTransition, useActionState, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { Stance } from '@/db/schema/meeting-room';
import type { StanceCounts } from '@/lib/meetings/contested';
import { STANCE_CHOICES, STANCE_LABEL } from '@/lib/meetings/stance-labels';
import { FormMessage } from '@/components/ui/form-message';
import { setStanceAction } from '@/app/meetings/[id]/preread/stance-actions';

const subscribeNothing = () => () => {};

/**
 * A leader's provisional stance on one item: a radio group that saves as soon as it changes (a
 * keyboard user moves through it with the arrow keys; each choice is saved and announced). Private:
 * only counts reach the facilitator and the pm.
 */
export function StanceMarker({
  meetingId,
  itemId,
  title,
  saved,
}: {
  meetingId: number;
  itemId: number;
  title: string;
  saved: Stance | null;
}) {
  const [state, action] = useActionState(setStanceAction, undefined);
  const [chosen, setChosen] = useState<Stance | 'none'>(saved ?? 'none');
  const form = useRef<HTMLFormElement>(null);
  const changed = useRef(false);
  // Saved without a button, once React has rendered the new choice into the form. The action is
  // called directly rather than by submitting the form: after a form's own action, React resets the
  // form, which would put the radios back to the choice the page loaded with.
  useEffect(() => {
    if (!changed.current || !form.current) return;
    changed.current = false;
    const data = new FormData(form.current);
    startTransition(() => action(data));
  }, [chosen, action]);
  const name = `stance-${itemId}`;
  // False in the server's HTML, true once the page runs: a choice clicked before then would be put
  // back by React, so until then the group says it is not ready (the no-JavaScript form still works).
  const hydrated = useSyncExternalStore(
    subscribeNothing,
    () => true,
    () => false,
  );
  return (
    <form ref={form} action={action} className="pr-stance print:hidden" aria-label={`Your stance on ${title}`}>
      <input type="hidden" name="meetingId" value={meetingId} />
      <input type="hidden" name="itemId" value={itemId} />
      <fieldset
        aria-disabled={hydrated ? undefined : true}
        className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm"
      >
        <legend className="mb-1 font-medium">
          Your stance{' '}
          <span className="font-normal text-zinc-600 dark:text-zinc-400">(private, before the meeting)</span>
        </legend>
        {[...STANCE_CHOICES, 'none' as const].map((value) => (
          <label key={value} className="inline-flex items-center gap-1.5">
            <input
              type="radio"
              name="stance"
              value={value}
              checked={chosen === value}
              onChange={() => {
                changed.current = true;
                setChosen(value);
              }}
              aria-describedby={`${name}-status`}
            />
            {value === 'none' ? 'No stance' : STANCE_LABEL[value]}
          </label>
        ))}
      </fieldset>
      <div id={`${name}-status`}>
        <FormMessage state={state} />
      </div>
      <noscript>
        <button type="submit" className="pr-ask">
          Save stance
        </button>
      </noscript>
    </form>
  );
}

/** For the facilitator and the pm: how the leaders lean on an item, as counts, never names. */
export function StanceCountsLine({ counts }: { counts: StanceCounts | undefined }) {
  const c = counts ?? { leanAccept: 0, leanReject: 0, unsure: 0 };
  const total = c.leanAccept + c.leanReject + c.unsure;
  return (
    <p className="text-sm text-zinc-700 dark:text-zinc-300">
      <span className="font-medium">Leaders&apos; stances: </span>
      {total === 0 ? 'none yet' : `${c.leanAccept} lean accept · ${c.leanReject} lean reject · ${c.unsure} unsure`}
    </p>
  );
}
