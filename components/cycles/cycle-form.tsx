'use client';
import { useActionState } from 'react';
import { SIZES } from '@/lib/backlog/constants';
import type { FormState } from '@/lib/actions.server';
import { SelectField, TextField } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';

export type CycleFormValues = {
  id?: number;
  name: string;
  cadence: string;
  startsOn: string;
  endsOn: string;
  capacityWeeks: number | string;
  sizeWeeks: Record<string, number | string>;
};

export function CycleForm({
  action,
  initial,
  submitLabel,
}: {
  action: (prev: FormState | undefined, form: FormData) => Promise<FormState>;
  initial: CycleFormValues;
  submitLabel: string;
}) {
  const [state, formAction] = useActionState(action, undefined);
  const e = state?.fieldErrors ?? {};
  const typed = state && !state.ok ? state.values : undefined;
  const v = (key: string, fallback: unknown) => String(typed?.[key] ?? fallback ?? '');
  const sizeErrors = e.sizeWeeks ?? [];
  return (
    <form action={formAction} key={JSON.stringify(typed ?? null)} className="max-w-2xl space-y-4" noValidate>
      <FormMessage state={state} />
      {initial.id && <input type="hidden" name="cycleId" value={initial.id} />}
      <div className="grid gap-4 grid-cols-1 sm:grid-cols-2">
        <TextField
          label="Name"
          name="name"
          placeholder="2027-Q2"
          defaultValue={v('name', initial.name)}
          errors={e.name}
        />
        <SelectField
          label="Cadence"
          name="cadence"
          options={[
            { value: 'quarter', label: 'Quarter' },
            { value: 'month', label: 'Month' },
          ]}
          defaultValue={v('cadence', initial.cadence)}
          errors={e.cadence}
        />
        <TextField
          label="Start date"
          name="startsOn"
          type="date"
          defaultValue={v('startsOn', initial.startsOn)}
          errors={e.startsOn}
        />
        <TextField
          label="End date"
          name="endsOn"
          type="date"
          defaultValue={v('endsOn', initial.endsOn)}
          errors={e.endsOn}
        />
        <TextField
          label="Capacity (person-weeks)"
          name="capacityWeeks"
          inputMode="decimal"
          defaultValue={v('capacityWeeks', initial.capacityWeeks)}
          errors={e.capacityWeeks}
        />
      </div>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">Person-weeks per t-shirt size</legend>
        <div className="grid grid-cols-5 gap-2">
          {SIZES.map((s) => (
            <TextField
              key={s}
              label={s}
              name={`size_${s}`}
              inputMode="decimal"
              defaultValue={v(`size_${s}`, initial.sizeWeeks[s])}
            />
          ))}
        </div>
        {sizeErrors.length > 0 && <p className="text-sm text-red-700 dark:text-red-400">{sizeErrors.join(' ')}</p>}
      </fieldset>
      <SubmitButton>{submitLabel}</SubmitButton>
    </form>
  );
}
