'use client';
import { useActionState, useEffect, useMemo, useState } from 'react';
import type { FormState } from '@/lib/actions.server';
import type { RaiseFormOptions } from '@/lib/changes/form-options.server';
import { SelectField } from '@/components/ui/field';
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
import { NewItemFields, type NewItemOptions } from './raise-fields';

type Action = (prev: FormState | undefined, form: FormData) => Promise<FormState>;

/**
 * Raising a change request: what comes in, where, what moves out or later, why now
 * and how urgent — with its effect on the schedule shown beside the form as it changes, conflicts
 * with other open requests included, before anything is submitted. A refused submit re-mounts the
 * form (key) with what was typed, since React resets a form after its action; the choices that
 * show or hide fields are uncontrolled too (state only mirrors them), so a reset cannot split them.
 */
export function RaiseForm({
  action,
  ...props
}: {
  action: Action;
  cycleId: number;
  options: RaiseFormOptions;
  itemOptions: NewItemOptions;
  defaultDepartmentId: number;
}) {
  const [state, formAction] = useActionState(action, undefined);
  return <RaiseFormBody key={JSON.stringify(state?.values ?? null)} {...props} state={state} formAction={formAction} />;
}

function RaiseFormBody({
  state,
  formAction,
  cycleId,
  options,
  itemOptions,
  defaultDepartmentId,
}: {
  state: FormState | undefined;
  formAction: (form: FormData) => void;
  cycleId: number;
  options: RaiseFormOptions;
  itemOptions: NewItemOptions;
  defaultDepartmentId: number;
}) {
  const form = useProposalForm(state, options, `/api/cycles/${cycleId}/changes/preview`);
  const { v, errors, formRef, preview } = form;
  const [mode, setMode] = useState(v('incoming', 'new') === 'deferred' ? 'deferred' : 'new');
  const { schedule } = preview;
  // Showing or hiding the new item's fields re-renders first; the debounced read then sees the new form.
  useEffect(() => schedule(), [mode, schedule]);

  const titles = useMemo(
    () => Object.fromEntries([...options.schedule, ...options.deferred].map((i) => [i.id, i.title])),
    [options],
  );

  return (
    <div className="grid grid-cols-1 gap-6 xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
      <form ref={formRef} action={formAction} onChange={schedule} noValidate className="space-y-6">
        <input type="hidden" name="cycleId" value={cycleId} />
        <FormMessage state={state} />

        <fieldset className={section}>
          <legend id="incoming-legend" className="float-left mb-2 text-lg font-semibold">
            What comes in
          </legend>
          <div role="radiogroup" aria-labelledby="incoming-legend" className="clear-left flex flex-wrap gap-4 text-sm">
            {(
              [
                ['new', 'A new item'],
                ['deferred', 'A deferred item'],
              ] as const
            ).map(([value, label]) => (
              <label key={value} className="flex items-center gap-1.5">
                <input
                  type="radio"
                  name="incoming"
                  value={value}
                  defaultChecked={mode === value}
                  onChange={() => setMode(value)}
                />{' '}
                {label}
              </label>
            ))}
          </div>
          {/* Disabled (not unmounted) while hidden: out of the submission, but nothing typed is lost. */}
          <fieldset disabled={mode !== 'new'} hidden={mode !== 'new'}>
            <NewItemFields
              options={itemOptions}
              v={(key, fallback) => v(key, key === 'departmentId' ? String(defaultDepartmentId) : fallback)}
              errors={errors}
            />
          </fieldset>
          {mode === 'deferred' &&
            (options.deferred.length === 0 ? (
              <p className="text-sm text-zinc-600 dark:text-zinc-400">
                No item is deferred at the moment: raise the change with a new item instead.
              </p>
            ) : (
              <SelectField
                label="Which item comes in"
                name="incomingItemId"
                placeholder="Choose a deferred item"
                defaultValue={v('incomingItemId')}
                errors={errors.incomingItemId}
                options={options.deferred.map((d) => ({
                  value: d.id,
                  label: d.cycleName ? `${d.title} (${d.cycleName})` : d.title,
                }))}
              />
            ))}
          {mode === 'new' && errors.incomingItemId && (
            <p className="text-sm text-red-700 dark:text-red-400">{errors.incomingItemId.join(' ')}</p>
          )}
          <PlacementFields options={options} form={form} />
        </fieldset>

        <MovesFieldset options={options} form={form} />
        <CaseFieldset form={form} />
        <CapacityConfirmation form={form} />

        <div className="flex items-center gap-3">
          <SubmitButton pendingText="Raising…">Raise change request</SubmitButton>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            The product manager then convenes an emergency session to decide it.
          </p>
        </div>
      </form>

      <PreviewColumn form={form} options={options} titles={titles} />
    </div>
  );
}
