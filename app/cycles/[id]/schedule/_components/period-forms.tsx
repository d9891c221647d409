'use client';
import { useState } from 'react';
import { generatePeriodsAction, updatePeriodAction } from '@/app/cycles/[id]/schedule/actions';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { personWeeks } from '@/lib/plural';
import { PERIOD_NAME_MAX, type SchedulePeriodView } from '@/lib/schedule/types';
import { useSchedule } from './context';
import { typed, useCountedAction } from './use-counted-action';

/** Months or 2-week sprints, for the pm; `replacing` says the current periods go (refused once any is used). */
export function GeneratePeriodsForm({ replacing }: { replacing: boolean }) {
  const { view } = useSchedule();
  const [state, action] = useCountedAction(generatePeriodsAction);
  const error = state?.fieldErrors?.kind?.[0];
  return (
    <form action={action} className="space-y-2" aria-label={replacing ? 'Regenerate periods' : 'Generate periods'}>
      <input type="hidden" name="cycleId" value={view.cycle.id} />
      <fieldset className="space-y-1 text-sm" aria-describedby={error ? 'period-kind-error' : undefined}>
        <legend className="font-medium">Periods of {view.cycle.name}</legend>
        <label className="mr-4 inline-flex items-center gap-1.5">
          <input type="radio" name="kind" value="months" defaultChecked /> Months
        </label>
        <label className="inline-flex items-center gap-1.5">
          <input type="radio" name="kind" value="sprints" /> 2-week sprints
        </label>
        {error && (
          <p id="period-kind-error" className="text-red-700 dark:text-red-400">
            {error}
          </p>
        )}
      </fieldset>
      <p className="text-xs text-zinc-500 dark:text-zinc-400">
        The capacity of {personWeeks(view.cycle.capacityWeeks)} is split by working days; you can edit each period
        afterwards.
        {replacing && ' This replaces the current periods, and is refused once an item is scheduled in one.'}
      </p>
      <FormMessage state={error ? undefined : state} />
      <SubmitButton pendingText="Generating…" variant={replacing ? 'secondary' : undefined}>
        {replacing ? 'Regenerate periods' : 'Generate periods'}
      </SubmitButton>
    </form>
  );
}

/** Rename a period or change its capacity (pm), opened from the timeline. */
export function PeriodEditor({ period }: { period: SchedulePeriodView }) {
  const { view } = useSchedule();
  const [open, setOpen] = useState(false);
  const [state, action] = useCountedAction(updatePeriodAction);
  if (!open) {
    return (
      <Button variant="ghost" className="px-1.5 py-0.5 text-xs" aria-expanded={false} onClick={() => setOpen(true)}>
        Edit<span className="sr-only"> {period.name}</span>
      </Button>
    );
  }
  const errors = state?.fieldErrors ?? {};
  return (
    <form
      action={action}
      aria-label={`Edit ${period.name}`}
      className="space-y-2 rounded border border-zinc-200 p-2 dark:border-zinc-700"
      noValidate
    >
      <input type="hidden" name="cycleId" value={view.cycle.id} />
      <input type="hidden" name="periodId" value={period.id} />
      <div key={state?.n ?? 0} className="space-y-2">
        <TextField
          label="Name"
          id={`period-name-${period.id}`}
          name="name"
          maxLength={PERIOD_NAME_MAX}
          required
          defaultValue={typed(state, 'name', period.name)}
          errors={errors.name}
        />
        <TextField
          label="Capacity (person-weeks)"
          id={`period-capacity-${period.id}`}
          name="capacityWeeks"
          type="number"
          min={0}
          step={0.1}
          required
          defaultValue={typed(state, 'capacityWeeks', String(period.capacityWeeks))}
          errors={errors.capacityWeeks}
        />
      </div>
      <FormMessage state={Object.keys(errors).length ? undefined : state} />
      <div className="flex gap-2">
        <SubmitButton variant="secondary">Save period</SubmitButton>
        <Button variant="ghost" onClick={() => setOpen(false)}>
          Close
        </Button>
      </div>
    </form>
  );
}
