'use client';
import { useActionState, useMemo } from 'react';
import type { FormState } from '@/lib/actions.server';
import type { AmendmentForm } from '@/lib/changes/amend.server';
import type { RaiseFormOptions } from '@/lib/changes/form-options.server';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import {
  CapacityConfirmation,
  CaseFieldset,
  MovesFieldset,
  PlacementFields,
  PreviewColumn,
  section,
  useProposalForm,
} from './proposal-parts';

type Action = (prev: FormState | undefined, form: FormData) => Promise<FormState>;

/**
 * Amending a change request after a dissent: the raise form's proposal, filled in as the request
 * stands, without the choice of what comes in (that stays). Its effect shows beside it as it
 * changes; sending it opens the next round of responses.
 */
export function AmendForm({
  action,
  amendment,
  options,
}: {
  action: Action;
  amendment: Omit<AmendmentForm, 'options'>;
  options: RaiseFormOptions;
}) {
  const [state, formAction] = useActionState(action, undefined);
  return (
    <AmendFormBody
      key={JSON.stringify(state?.values ?? null)}
      state={state}
      formAction={formAction}
      amendment={amendment}
      options={options}
    />
  );
}

function AmendFormBody({
  state,
  formAction,
  amendment,
  options,
}: {
  state: FormState | undefined;
  formAction: (form: FormData) => void;
  amendment: Omit<AmendmentForm, 'options'>;
  options: RaiseFormOptions;
}) {
  const { changeRequest, incoming, initial } = amendment;
  const form = useProposalForm(state, options, `/api/change-requests/${changeRequest.id}/preview`, initial);
  const titles = useMemo(
    () => ({ ...Object.fromEntries(options.schedule.map((i) => [i.id, i.title])), [incoming.id]: incoming.title }),
    [options, incoming],
  );
  return (
    <div className="grid gap-6 xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
      <form ref={form.formRef} action={formAction} onChange={form.preview.schedule} noValidate className="space-y-6">
        <input type="hidden" name="changeRequestId" value={changeRequest.id} />
        <FormMessage state={state} />
        <fieldset className={section}>
          <legend className="float-left mb-2 text-lg font-semibold">What comes in</legend>
          <p className="clear-left text-sm">
            <span className="font-medium">{incoming.title}</span>{' '}
            <span className="text-zinc-600 dark:text-zinc-400">
              — stays as raised; choose again where it goes and when.
            </span>
          </p>
          <PlacementFields options={options} form={form} />
        </fieldset>
        <MovesFieldset options={options} form={form} />
        <CaseFieldset form={form} />
        <CapacityConfirmation form={form} />
        <div className="flex flex-wrap items-center gap-3">
          <SubmitButton pendingText="Amending…">Amend and ask again</SubmitButton>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            Round {changeRequest.round + 1} opens: the invited leaders respond again; round {changeRequest.round}’s
            responses stay on record.
          </p>
        </div>
      </form>
      <PreviewColumn form={form} options={options} titles={titles} />
    </div>
  );
}
