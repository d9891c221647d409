'use client';
import { useActionState } from 'react';
import { retryOutboxAction } from '@/app/admin/outbox/actions';
import { SubmitButton } from '@/components/ui/submit-button';

export function RetryButton({ id, to }: { id: number; to: string }) {
  const [state, action] = useActionState(retryOutboxAction, undefined);
  return (
    <form action={action} aria-label={`Retry the e-mail to ${to}`} className="flex items-center gap-2">
      <input type="hidden" name="id" value={id} />
      <SubmitButton variant="secondary" pendingText="Retrying…">
        Retry
      </SubmitButton>
      {state?.message && (
        <span role="status" className="text-xs">
          {state.message}
        </span>
      )}
    </form>
  );
}
