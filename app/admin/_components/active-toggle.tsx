'use client';
import { useActionState } from 'react';
import { SubmitButton } from '@/components/ui/submit-button';
import { setActiveAction } from '@/app/admin/actions';

export function ActiveToggle({ userId, name, active }: { userId: number; name: string; active: boolean }) {
  const [state, action] = useActionState(setActiveAction, undefined);
  return (
    <form
      action={action}
      aria-label={`${active ? 'Deactivate' : 'Reactivate'} ${name}`}
      className="flex items-center gap-2"
    >
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="active" value={String(!active)} />
      <SubmitButton variant={active ? 'danger' : 'secondary'} pendingText="Saving…">
        {active ? `Deactivate` : `Reactivate`}
      </SubmitButton>
      {state?.message && (
        <span role="status" className="text-xs">
          {state.message}
        </span>
      )}
    </form>
  );
}
