'use client';
import { useActionState } from 'react';
import { recordMetricActualAction } from '@/app/cycles/[id]/review/actions';
import { TextField } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';

/** The value measured for one theme's metric, typed by the pm; empty clears it. */
export function MetricActualForm({
  cycleId,
  themeId,
  metricName,
  metricUnit,
  value,
}: {
  cycleId: number;
  themeId: number;
  metricName: string;
  metricUnit: string | null;
  value: number | null;
}) {
  const [state, action] = useActionState(recordMetricActualAction, undefined);
  const label = `Measured ${metricName}${metricUnit ? ` (${metricUnit})` : ''}`;
  const typed = state?.values?.metricActual;
  return (
    <form action={action} className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="cycleId" value={cycleId} />
      <input type="hidden" name="themeId" value={themeId} />
      <div className="w-40">
        <TextField
          label={label}
          id={`metric-actual-${themeId}`}
          name="metricActual"
          inputMode="decimal"
          defaultValue={typeof typed === 'string' ? typed : (value ?? '')}
          key={value ?? ''}
          errors={state?.fieldErrors?.metricActual}
        />
      </div>
      <SubmitButton pendingText="Saving…">
        <span className="sr-only">{`Save the ${label.toLowerCase()}`}</span>
        <span aria-hidden="true">Save</span>
      </SubmitButton>
      <div className="basis-full">
        <FormMessage state={state} besideFields={['metricActual']} />
      </div>
    </form>
  );
}
