'use client';
import { useActionState, useState } from 'react';
import { Button } from '@/components/ui/button';
import { ConfirmStep } from '@/components/ui/confirm-step';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/field';
import { ActionForm, typedText } from '@/app/admin/sign-in/_components/action-form';
import {
  createRoadmapLinkAction,
  revokeRoadmapLinkAction,
  setCycleSharedAction,
} from '@/app/admin/roadmap-links/actions';

export function NewLinkForm() {
  const [state, action] = useActionState(createRoadmapLinkAction, undefined);
  const url = state?.ok && state.message ? state.message.slice(state.message.lastIndexOf(' ') + 1) : undefined;
  const typed = state && !state.ok ? state.values : undefined;
  return (
    <form
      action={action}
      aria-label="Create a read-only link"
      className="max-w-xl space-y-3"
      noValidate
      key={JSON.stringify(typed ?? state?.message ?? null)}
    >
      {state && !state.ok && <FormMessage state={state} />}
      {url && <LinkReveal url={url} />}
      <TextField
        label="Label"
        name="label"
        hint="Who the link is for, e.g. “Board members”."
        defaultValue={typedText(typed, 'label')}
        errors={state?.fieldErrors?.label}
        maxLength={100}
      />
      <SubmitButton>Create link</SubmitButton>
    </form>
  );
}

/** The link's address, shown once: only a hash of its token is kept. */
function LinkReveal({ url }: { url: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="space-y-1 rounded-md bg-emerald-50 p-3 text-sm text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100">
      <label htmlFor="roadmap-link-url" className="block font-medium">
        Link created. Its address: copy it now, it is not shown again
      </label>
      <div className="flex flex-wrap items-center gap-2">
        <input
          id="roadmap-link-url"
          readOnly
          value={url}
          className="min-w-0 flex-1 rounded border px-2 py-1 font-mono text-xs"
          onFocus={(e) => e.currentTarget.select()}
        />
        <Button
          type="button"
          variant="secondary"
          onClick={() => void navigator.clipboard?.writeText(url).then(() => setCopied(true))}
        >
          Copy address
        </Button>
        <span role="status" className="text-xs">
          {copied ? 'Copied.' : ''}
        </span>
      </div>
    </div>
  );
}

export function RevokeLinkForm({ linkId, label }: { linkId: number; label: string }) {
  return (
    <ActionForm action={revokeRoadmapLinkAction} label={`Revoke ${label}`} hidden={{ linkId, confirm: 'yes' }}>
      {() => (
        <ConfirmStep
          open="Revoke"
          question={`Revoke “${label}”? Whoever has the link can no longer open it.`}
          confirm="Yes, revoke"
          pendingText="Revoking…"
        />
      )}
    </ActionForm>
  );
}

export function ShareCycleForm({ cycleId, name, shared }: { cycleId: number; name: string; shared: boolean }) {
  return (
    <ActionForm
      action={setCycleSharedAction}
      label={shared ? `Stop sharing ${name}` : `Share ${name}`}
      hidden={{ cycleId, shared: String(!shared) }}
      className="flex flex-wrap items-center gap-2"
    >
      {() => <SubmitButton variant="secondary">{shared ? 'Stop sharing' : 'Share'}</SubmitButton>}
    </ActionForm>
  );
}
