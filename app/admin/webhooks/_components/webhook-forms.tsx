'use client';
import { useActionState } from 'react';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { ConfirmStep } from '@/components/ui/confirm-step';
import { ActionForm } from '@/app/admin/sign-in/_components/action-form';
import {
  createWebhookAction,
  deleteWebhookAction,
  redeliverAction,
  rotateWebhookSecretAction,
  sendTestEventAction,
  setWebhookActiveAction,
  updateWebhookAction,
} from '@/app/admin/webhooks/actions';
import { SecretReveal, secretOf } from './secret-reveal';
import { WebhookFields, type WebhookValues } from './webhook-fields';

export function NewWebhookForm() {
  const [state, action] = useActionState(createWebhookAction, undefined);
  const secret = secretOf(state);
  const typed = state && !state.ok ? state.values : undefined;
  return (
    <form
      action={action}
      aria-label="Add a webhook"
      className="max-w-xl space-y-3"
      noValidate
      key={JSON.stringify(typed ?? state?.message ?? null)}
    >
      {state && !state.ok && <FormMessage state={state} />}
      {secret && (
        <SecretReveal secret={secret} label="Webhook added. Its signing secret: copy it now, it is not shown again" />
      )}
      <WebhookFields errors={state?.fieldErrors ?? {}} typed={typed} />
      <SubmitButton>Add webhook</SubmitButton>
    </form>
  );
}

export function EditWebhookForm({ webhookId, initial }: { webhookId: number; initial: WebhookValues }) {
  return (
    <ActionForm
      action={updateWebhookAction}
      label="Edit the webhook"
      hidden={{ webhookId }}
      className="max-w-xl space-y-3"
    >
      {({ errors, typed }) => (
        <>
          <WebhookFields errors={errors} typed={typed} initial={initial} />
          <SubmitButton>Save</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

export function ActiveForm({ webhookId, active }: { webhookId: number; active: boolean }) {
  return (
    <ActionForm
      action={setWebhookActiveAction}
      label={active ? 'Switch the webhook off' : 'Switch the webhook on'}
      hidden={{ webhookId, active: String(!active) }}
    >
      {() => <SubmitButton variant="secondary">{active ? 'Switch off' : 'Switch on'}</SubmitButton>}
    </ActionForm>
  );
}

export function TestEventForm({ webhookId }: { webhookId: number }) {
  return (
    <ActionForm action={sendTestEventAction} label="Send a test event" hidden={{ webhookId }}>
      {() => (
        <SubmitButton variant="secondary" pendingText="Sending…">
          Send a test event
        </SubmitButton>
      )}
    </ActionForm>
  );
}

/** The old secret stops working at once: receivers must be given the new one. */
export function RotateSecretForm({ webhookId }: { webhookId: number }) {
  const [state, action] = useActionState(rotateWebhookSecretAction, undefined);
  const secret = secretOf(state);
  return (
    <form action={action} aria-label="Rotate the signing secret" className="space-y-2">
      <input type="hidden" name="webhookId" value={webhookId} />
      {state && !state.ok && <FormMessage state={state} />}
      {secret && <SecretReveal secret={secret} label="New signing secret: copy it now, it is not shown again" />}
      <ConfirmStep
        open="Rotate secret"
        question="Rotate the secret? The old one stops working at once: give the new one to the receiver."
        confirm="Yes, rotate"
        pendingText="Rotating…"
      />
    </form>
  );
}

export function DeleteWebhookForm({ webhookId, name }: { webhookId: number; name: string }) {
  return (
    <ActionForm action={deleteWebhookAction} label={`Delete ${name}`} hidden={{ webhookId, confirm: 'yes' }}>
      {() => (
        <ConfirmStep
          open="Delete webhook"
          question={`Delete ${name}? Its delivery log goes with it; the audit log keeps that it existed.`}
          confirm="Yes, delete"
          pendingText="Deleting…"
        />
      )}
    </ActionForm>
  );
}

export function RedeliverButton({ webhookId, deliveryId }: { webhookId: number; deliveryId: number }) {
  const [state, action] = useActionState(redeliverAction, undefined);
  return (
    <form action={action} aria-label={`Re-send delivery ${deliveryId}`} className="flex items-center gap-2">
      <input type="hidden" name="webhookId" value={webhookId} />
      <input type="hidden" name="deliveryId" value={deliveryId} />
      <SubmitButton variant="secondary" pendingText="Queuing…">
        Re-send
      </SubmitButton>
      {state?.message && (
        <span role="status" className="text-xs">
          {state.message}
        </span>
      )}
    </form>
  );
}
