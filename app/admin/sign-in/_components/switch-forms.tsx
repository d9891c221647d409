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

function ConfirmBox({ id, text, errors }: { id: string; text: string; errors?: string[] }) {
  return (
    <div className="space-y-1 text-sm">
      <label className="flex items-start gap-2">
        <input
          type="checkbox"
          name="confirm"
          value="yes"
          id={id}
          aria-invalid={errors?.length ? true : undefined}
          aria-describedby={errors?.length ? `${id}-error` : undefined}
        />
        <span>{text}</span>
      </label>
      {errors?.length ? (
        <p id={`${id}-error`} className="text-red-700 dark:text-red-400">
          {errors.join(' ')}
        </p>
      ) : null}
    </div>
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
      hidden={{ connectionId, enforced: String(!enforced) }}
      besideFields={['confirm']}
    >
      {({ errors }) => (
        <>
          {!enforced && (
            <ConfirmBox
              id="enforce-confirm"
              errors={errors.confirm}
              text={`People of ${domains.join(', ') || 'these domains'} can no longer sign in with a password; admins keep break-glass if it is allowed.`}
            />
          )}
          <SubmitButton variant={enforced ? 'secondary' : 'danger'}>
            {enforced ? 'Allow passwords again' : 'Enforce SSO'}
          </SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

export function DeleteConnectionForm({ connectionId, name }: { connectionId: number; name: string }) {
  return (
    <ActionForm
      action={deleteConnectionAction}
      label={`Delete ${name}`}
      hidden={{ connectionId }}
      besideFields={['confirm']}
    >
      {({ errors }) => (
        <>
          <ConfirmBox
            id="delete-confirm"
            errors={errors.confirm}
            text="Delete this connection. Its people keep their accounts but can no longer sign in through it; its SCIM token stops working."
          />
          <SubmitButton variant="danger">Delete connection</SubmitButton>
        </>
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
