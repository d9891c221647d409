'use client';
import { useActionState, useEffect, useRef, useState } from 'react';
import { buttonClass } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { withdrawRequestAction } from '@/app/requests/actions';

/** Withdrawing cannot be undone, so the first click only asks; focus moves to the safe choice. */
export function WithdrawForm({ itemId }: { itemId: number }) {
  const [state, action] = useActionState(withdrawRequestAction, undefined);
  const [confirming, setConfirming] = useState(false);
  const openRef = useRef<HTMLButtonElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const opened = useRef(false);

  useEffect(() => {
    // Only move focus after the person has opened or closed the question, never on first render.
    if (!opened.current) return;
    (confirming ? cancelRef : openRef).current?.focus();
  }, [confirming]);

  const toggle = (next: boolean) => {
    opened.current = true;
    setConfirming(next);
  };

  return (
    <form
      action={action}
      className="space-y-2"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && confirming) toggle(false);
      }}
    >
      <FormMessage state={state} />
      <input type="hidden" name="itemId" value={itemId} />
      {confirming ? (
        <div
          role="group"
          aria-labelledby="withdraw-question"
          className="space-y-2 rounded-md border border-red-200 bg-red-50 p-3 dark:border-red-900 dark:bg-red-950/40"
        >
          <p id="withdraw-question" className="text-sm font-medium text-red-900 dark:text-red-100">
            Withdraw this request? This cannot be undone.
          </p>
          <div className="flex gap-2">
            <SubmitButton variant="danger" pendingText="Withdrawing…">
              Yes, withdraw
            </SubmitButton>
            <button ref={cancelRef} type="button" className={buttonClass('secondary')} onClick={() => toggle(false)}>
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <button ref={openRef} type="button" className={buttonClass('secondary')} onClick={() => toggle(true)}>
          Withdraw request
        </button>
      )}
    </form>
  );
}
