'use client';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { FormState } from '@/lib/actions.server';
import { capacityOverruns } from '@/lib/changes/capacity';
import type { RaiseFormOptions } from '@/lib/changes/form-options.server';
import { flatValues, type FlatValues } from '@/lib/changes/raise-input';
import { SelectField, TextArea } from '@/components/ui/field';
import { EffectPreview } from './effect-preview';
import { URGENCY_OPTIONS } from './labels';
import { OverCapacityConfirm } from './over-capacity-confirm';
import { DisplacedFields } from './raise-fields';
import { usePreview } from './use-preview';

/**
 * What raising and amending a change request share: where the item goes, what moves out or later,
 * the case for it, the over-capacity confirmation, and the effect beside the form, kept current
 * as the form changes. Both forms re-mount with what was typed after a refusal (React resets a
 * form after its action), so the fields are uncontrolled and `v` reads the echoed or initial values.
 */

export type Choice = 'none' | 'out' | 'later';
type Errors = Record<string, string[]>;
/** A field's value: what a refused submit echoed, else the form's initial value, else `fallback`. */
export type ValueOf = (key: string, fallback?: string) => string;

// min-w-0: a fieldset is otherwise as wide as its widest content (a select's longest option, a long title).
export const section =
  'min-w-0 space-y-4 rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900';

const NO_VALUES: FlatValues = {};
const str = (v: unknown) => (v === null || v === undefined ? '' : Array.isArray(v) ? String(v[0] ?? '') : String(v));

/** The form's state: values, errors, the move choices, and the live preview of `previewUrl`. */
export function useProposalForm(
  state: FormState | undefined,
  options: RaiseFormOptions,
  previewUrl: string,
  initial: FlatValues = NO_VALUES,
) {
  const errors: Errors = state?.fieldErrors ?? {};
  const values = state?.values;
  const v: ValueOf = useCallback(
    (key, fallback = '') => (values ? str(values[key]) : (initial[key] ?? fallback)),
    [values, initial],
  );
  const [changes, setChanges] = useState<Record<number, Choice>>(() =>
    Object.fromEntries(
      options.schedule.map((item) => {
        const choice = v(`change-${item.id}`);
        return [item.id, (choice === 'out' || choice === 'later' ? choice : 'none') as Choice];
      }),
    ),
  );
  const formRef = useRef<HTMLFormElement>(null);
  const read = useCallback(() => (formRef.current ? flatValues(new FormData(formRef.current)) : null), []);
  const preview = usePreview(previewUrl, read);
  const { schedule } = preview;
  // Choices that show or hide fields re-render first; the debounced read then sees the new form.
  useEffect(() => schedule(), [changes, schedule]);
  const setChange = useCallback((id: number, choice: Choice) => setChanges((prev) => ({ ...prev, [id]: choice })), []);
  return { errors, v, changes, setChange, formRef, preview };
}

export type ProposalForm = Awaited<ReturnType<typeof useProposalForm>>;

/** Position in the order and target period (the current one unless chosen). */
export function PlacementFields({ options, form }: { options: RaiseFormOptions; form: ProposalForm }) {
  const { v, errors } = form;
  const positions = [
    ...options.schedule.map((item, i) => ({ value: i, label: `Before ${item.title}` })),
    { value: options.schedule.length, label: 'At the end' },
  ];
  const periods = options.periods.map((p) => ({ value: p.id, label: p.ended ? `${p.name} (ended)` : p.name }));
  return (
    <div className="grid gap-4 grid-cols-1 sm:grid-cols-2">
      <SelectField
        label="Position"
        name="incomingPosition"
        options={positions}
        defaultValue={v('incomingPosition', String(options.schedule.length))}
        errors={errors.incomingPosition}
        hint="Where it goes in the schedule's order."
      />
      <SelectField
        label="Target period"
        name="incomingPeriodId"
        options={periods}
        placeholder="No period yet"
        defaultValue={v('incomingPeriodId', options.defaultPeriodId === null ? '' : String(options.defaultPeriodId))}
        errors={errors.incomingPeriodId}
      />
    </div>
  );
}

export function MovesFieldset({ options, form }: { options: RaiseFormOptions; form: ProposalForm }) {
  return (
    <fieldset className={section}>
      <legend className="float-left mb-2 text-lg font-semibold">What moves out or later</legend>
      <p className="clear-left text-sm text-zinc-600 dark:text-zinc-400">
        Moving out sends an item back to deferred; moving later keeps its place in the order and gives it a later
        period.
      </p>
      <DisplacedFields
        options={options}
        changes={form.changes}
        setChange={form.setChange}
        v={form.v}
        errors={form.errors}
      />
    </fieldset>
  );
}

export function CaseFieldset({ form }: { form: ProposalForm }) {
  const { v, errors } = form;
  return (
    <fieldset className={section}>
      <legend className="float-left mb-2 text-lg font-semibold">The case for it</legend>
      <div className="clear-left space-y-4">
        <TextArea
          label="Why now"
          name="whyNow"
          required
          defaultValue={v('whyNow')}
          errors={errors.whyNow}
          hint="What happens if this waits for the next cycle?"
        />
        <SelectField
          label="Urgency"
          name="urgency"
          options={URGENCY_OPTIONS}
          defaultValue={v('urgency', 'high')}
          errors={errors.urgency}
        />
      </div>
    </fieldset>
  );
}

export function CapacityConfirmation({ form }: { form: ProposalForm }) {
  const effect = form.preview.data?.effect;
  return (
    <OverCapacityConfirm
      overruns={effect ? capacityOverruns(effect) : []}
      defaultChecked={form.v('confirmOverCapacity') === 'on'}
      errors={form.errors.confirmOverCapacity}
    />
  );
}

/** The effect of the form as it stands, or why there is none yet. */
export function PreviewColumn({
  form,
  options,
  titles,
}: {
  form: ProposalForm;
  options: RaiseFormOptions;
  titles: Record<number, string>;
}) {
  const { preview } = form;
  return (
    <div className="xl:sticky xl:top-4 xl:self-start">
      {preview.data?.effect ? (
        <EffectPreview
          preview={preview.data.effect}
          conflicts={preview.data.conflicts}
          periods={options.periods}
          titles={titles}
          capacityWeeks={options.cycle.capacityWeeks}
          pending={preview.pending}
        />
      ) : (
        <section aria-labelledby="effect-heading" aria-busy={preview.pending || undefined} className={section}>
          <h2 id="effect-heading" className="text-lg font-semibold">
            Effect of this change
          </h2>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            {preview.note ??
              (preview.pending
                ? 'Working out the effect…'
                : 'Choose the position, the period and what moves to see the effect.')}
          </p>
        </section>
      )}
      {preview.data?.effect && preview.note && (
        <p role="status" className="mt-2 text-sm text-amber-800 dark:text-amber-300">
          {preview.note}
        </p>
      )}
    </div>
  );
}
