'use client';
import { useActionState } from 'react';
import { closeCycleAction } from '@/app/cycles/[id]/review/actions';
import { ConfirmStep } from '@/components/ui/confirm-step';
import { FormMessage } from '@/components/ui/form-message';

/** "Close the cycle…", asked once more before it happens: closing cannot be undone. */
export function CloseCycleForm({ cycleId, cycleName }: { cycleId: number; cycleName: string }) {
  const [state, action] = useActionState(closeCycleAction, undefined);
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="cycleId" value={cycleId} />
      <FormMessage state={state} />
      <ConfirmStep
        open="Close the cycle…"
        question={`Close ${cycleName}? Its review becomes final and its undelivered items are offered to the next cycle. This cannot be undone.`}
        confirm="Yes, close the cycle"
        pendingText="Closing…"
      />
    </form>
  );
}
