'use client';
import { useActionState } from 'react';
import { ConfirmStep } from '@/components/ui/confirm-step';
import { SubmitButton } from '@/components/ui/submit-button';
import { LocalTime } from '@/components/items/item-history';
import { ROLE_CHOICES } from '@/lib/users/roles';
import { resendInvitationAction, revokeInvitationAction } from '@/app/admin/actions';

type Pending = {
  id: number;
  email: string;
  name: string;
  role: string;
  departmentName: string;
  invitedByName: string;
  expiresAt: number;
};

const roleLabel = (role: string) => ROLE_CHOICES.find((r) => r.value === role)?.label ?? role;

/** Invitations still waiting for an answer, each with Resend (a new link) and Revoke (asks first). */
export function PendingInvitations({ invitations }: { invitations: Pending[] }) {
  return (
    <section aria-labelledby="pending-heading" className="space-y-2">
      <h2 id="pending-heading" className="text-lg font-semibold">
        Pending invitations
      </h2>
      {invitations.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">No invitation is waiting for an answer.</p>
      ) : (
        <ul className="divide-y divide-zinc-200 dark:divide-zinc-800">
          {invitations.map((i) => (
            <li key={i.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
              <div className="min-w-0 wrap-anywhere">
                <span className="font-medium">{i.name}</span> · {i.email} · {roleLabel(i.role)} · {i.departmentName}
                <span className="block text-xs text-zinc-500 dark:text-zinc-400">
                  Invited by {i.invitedByName}; the link works until{' '}
                  <LocalTime iso={new Date(i.expiresAt).toISOString()} />
                </span>
              </div>
              <InvitationCommands invitation={i} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function InvitationCommands({ invitation }: { invitation: Pending }) {
  const [resent, resend] = useActionState(resendInvitationAction, undefined);
  const [revoked, revoke] = useActionState(revokeInvitationAction, undefined);
  const message = resent?.message ?? revoked?.message;
  return (
    <div className="flex flex-wrap items-center gap-2">
      <form action={resend} aria-label={`Resend the invitation to ${invitation.email}`}>
        <input type="hidden" name="invitationId" value={invitation.id} />
        <SubmitButton variant="secondary" pendingText="Sending…">
          Resend
        </SubmitButton>
      </form>
      <form action={revoke} aria-label={`Revoke the invitation to ${invitation.email}`}>
        <input type="hidden" name="invitationId" value={invitation.id} />
        <ConfirmStep
          open="Revoke"
          question={`Revoke the invitation to ${invitation.email}? The link stops working.`}
          confirm="Yes, revoke"
          pendingText="Revoking…"
        />
      </form>
      {message && (
        <span role="status" className="text-xs">
          {message}
        </span>
      )}
    </div>
  );
}
