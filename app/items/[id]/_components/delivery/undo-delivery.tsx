'use client';
import { useActionState, useEffect, useRef } from 'react';
import { undoDeliveryAction } from '@/app/items/[id]/delivery-actions';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';

/** "Undo delivery" for a pm, behind a confirmation: the record stays, marked undone. */
export function UndoDelivery({ recordId, what }: { recordId: number; what: string }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [state, action] = useActionState(undoDeliveryAction, undefined);
  useEffect(() => {
    if (state) dialog.current?.close();
  }, [state]);
  const heading = `undo-${recordId}-heading`;
  return (
    <>
      <Button variant="ghost" className="px-2 py-1 text-xs" onClick={() => dialog.current?.showModal()}>
        Undo delivery<span className="sr-only"> of {what}</span>
      </Button>
      <FormMessage state={state} />
      <dialog
        ref={dialog}
        aria-labelledby={heading}
        className="m-auto w-[min(30rem,calc(100vw-2rem))] rounded-lg bg-white p-4 text-zinc-900 shadow-xl backdrop:bg-black/40 dark:bg-zinc-900 dark:text-zinc-100"
      >
        <form action={action} className="space-y-3">
          <h2 id={heading} className="text-lg font-semibold wrap-anywhere">
            Undo the delivery of {what}?
          </h2>
          <p className="text-sm">
            The record stays in the history, marked undone. Undoing the final delivery puts the item back in delivery
            and clears its actual effort.
          </p>
          <input type="hidden" name="recordId" value={recordId} />
          <div className="flex flex-wrap justify-end gap-2">
            <Button variant="ghost" onClick={() => dialog.current?.close()}>
              Keep it
            </Button>
            <SubmitButton variant="danger">Yes, undo the delivery</SubmitButton>
          </div>
        </form>
      </dialog>
    </>
  );
}
