'use client';
import { useActionState } from 'react';
import type { FormState } from '@/lib/actions.server';
import { SelectField, TextField } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { LocalDateTimeField } from './local-datetime-field';

export type MeetingFormValues = {
  title: string;
  scheduledAt: string;
  durationMinutes: number | string;
  location: string;
  facilitatorId: number | string;
  questionsCloseAt: string;
};

const ROLE_LABEL: Record<string, string> = { admin: 'admin', pm: 'pm', leader: 'leader' };

/** Schedules a meeting or edits its details. `hidden` carries the ids the action needs. */
export function MeetingForm({
  action,
  initial,
  hidden,
  facilitators,
  submitLabel,
}: {
  action: (prev: FormState | undefined, form: FormData) => Promise<FormState>;
  initial: MeetingFormValues;
  hidden: Record<string, string | number>;
  facilitators: { id: number; name: string; role: string }[];
  submitLabel: string;
}) {
  const [state, formAction] = useActionState(action, undefined);
  const e = state?.fieldErrors ?? {};
  const typed = state && !state.ok ? state.values : undefined;
  const v = (key: keyof MeetingFormValues) => String(typed?.[key] ?? initial[key] ?? '');
  return (
    <form action={formAction} key={JSON.stringify(typed ?? null)} className="max-w-2xl space-y-4" noValidate>
      <FormMessage state={state} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <TextField label="Title" name="title" maxLength={120} defaultValue={v('title')} errors={e.title} />
      <div className="grid gap-4 grid-cols-1 sm:grid-cols-2">
        <LocalDateTimeField
          label="Date and time"
          name="scheduledAt"
          defaultIso={v('scheduledAt') || undefined}
          errors={e.scheduledAt}
        />
        <TextField
          label="Duration (minutes)"
          name="durationMinutes"
          inputMode="numeric"
          defaultValue={v('durationMinutes')}
          errors={e.durationMinutes}
        />
        <TextField
          label="Location"
          name="location"
          maxLength={200}
          placeholder="Room 4, or a video link"
          defaultValue={v('location')}
          errors={e.location}
        />
        <SelectField
          label="Facilitator"
          name="facilitatorId"
          placeholder="Choose a facilitator"
          defaultValue={v('facilitatorId')}
          errors={e.facilitatorId}
          options={facilitators.map((f) => ({ value: f.id, label: `${f.name} (${ROLE_LABEL[f.role] ?? f.role})` }))}
        />
        <LocalDateTimeField
          label="Questions close"
          name="questionsCloseAt"
          defaultIso={v('questionsCloseAt') || undefined}
          errors={e.questionsCloseAt}
          hint="Leave empty for 24 hours before the meeting."
        />
      </div>
      <SubmitButton>{submitLabel}</SubmitButton>
    </form>
  );
}
