'use client';
import { useActionState } from 'react';
import { SubmitButton } from '@/components/ui/submit-button';
import { FormMessage } from '@/components/ui/form-message';
import {
  deleteConnectionAction,
  issueScimTokenAction,
  setConnectionEnabledAction,
  setConnectionEnforcedAction,
} from '@/app/admin/sign-in/actions';
import { ActionForm } from './action-form';
import { ConfirmStep } from '@/components/ui/confirm-step';

export function EnableForm({ connectionId, enabled }: { connectionId: number; enabled: boolean }) {
  return (
    <ActionForm
      action={setConnectionEnabledAction}
      label={enabled ? 'Switch the connection off' : 'Switch the connection on'}
      hidden={{ connectionId, enabled: String(!enabled) }}
    >
      {() => (
        <SubmitButton variant={enabled ? 'secondary' : 'primary'}>{enabled ? 'Switch off' : 'Switch on'}</SubmitButton>
      )}
    </ActionForm>
  );
}

export function EnforceForm({
  connectionId,
  enforced,
  domains,
}: {
  connectionId: number;
  enforced: boolean;
  domains: string[];
}) {
  return (
    <ActionForm
      action={setConnectionEnforcedAction}
      label={enforced ? 'Allow passwords again' : 'Enforce SSO'}
      hidden={{ connectionId, enforced: String(!enforced), ...(enforced ? {} : { confirm: 'yes' }) }}
    >
      {() =>
        enforced ? (
          <SubmitButton variant="secondary">Allow passwords again</SubmitButton>
        ) : (
          <ConfirmStep
            open="Enforce SSO"
            question={`People of ${domains.join(', ') || 'these domains'} will no longer sign in with a password; admins keep break-glass if it is allowed.`}
            confirm="Yes, enforce"
            pendingText="Saving…"
          />
        )
      }
    </ActionForm>
  );
}

export function DeleteConnectionForm({ connectionId, name }: { connectionId: number; name: string }) {
  return (
    <ActionForm action={deleteConnectionAction} label={`Delete ${name}`} hidden={{ connectionId, confirm: 'yes' }}>
      {() => (
        <ConfirmStep
          open="Delete connection"
          question={`Delete ${name}? Its people keep their accounts but can no longer sign in through it, and its SCIM token stops working.`}
          confirm="Yes, delete"
          pendingText="Deleting…"
        />
      )}
    </ActionForm>
  );
}

/** A new token replaces the old one and is shown once, here, never again. */
export function ScimTokenForm({ connectionId, hasToken }: { connectionId: number; hasToken: boolean }) {
  const [state, action] = useActionState(issueScimTokenAction, undefined);
  const token = state?.ok ? state.message?.slice(state.message.lastIndexOf(' ') + 1) : undefined;
  return (
    <form action={action} aria-label="SCIM token" className="space-y-2">
      <input type="hidden" name="connectionId" value={connectionId} />
      {state && !state.ok && <FormMessage state={state} />}
      {token && (
        <div className="space-y-1 rounded-md bg-emerald-50 p-3 text-sm text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100">
          <label htmlFor="scim-token" className="block font-medium">
            New SCIM token: copy it now, it is not shown again
          </label>
          <input
            id="scim-token"
            readOnly
            value={token}
            className="w-full rounded border px-2 py-1 font-mono text-xs"
            onFocus={(e) => e.currentTarget.select()}
          />
        </div>
      )}
      <SubmitButton variant="secondary">{hasToken ? 'Replace the SCIM token' : 'Create a SCIM token'}</SubmitButton>
    </form>
  );
}
