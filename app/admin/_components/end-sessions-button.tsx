'use client';
import { useActionState } from 'react';
import { SubmitButton } from '@/components/ui/submit-button';
import { endSessionsAction } from '@/app/admin/actions';

/** Signs a person out on every device; they can sign in again (deactivate them to keep them out). */
export function EndSessionsButton({ userId, name }: { userId: number; name: string }) {
  const [state, action] = useActionState(endSessionsAction, undefined);
  return (
    <form action={action} aria-label={`End ${name}'s sessions`} className="flex items-center gap-2">
      <input type="hidden" name="userId" value={userId} />
      <SubmitButton variant="secondary" pendingText="Ending…">
        End sessions
      </SubmitButton>
      {state?.message && (
        <span role="status" className="text-xs">
          {state.message}
        </span>
      )}
    </form>
  );
}
