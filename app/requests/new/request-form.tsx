'use client';
import { useActionState } from 'react';
import Link from '@/components/ui/link';
import { SelectField, TextArea, TextField } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { createRequestAction } from '@/app/requests/actions';

type Opt = { id: number; name: string };

/** A new request, or (with `action`, `initial` and `hidden`) one sent back by triage, edited to resubmit. */
export function RequestForm({
  departments,
  defaultDepartmentId,
  action: submit = createRequestAction,
  initial = {},
  hidden = {},
  submitLabel = 'Submit request',
}: {
  departments: Opt[];
  defaultDepartmentId: number;
  action?: typeof createRequestAction;
  initial?: Record<string, string>;
  hidden?: Record<string, number>;
  submitLabel?: string;
}) {
  const [state, action] = useActionState(submit, undefined);
  const errors = state?.fieldErrors ?? {};
  const v = (key: string, fallback = initial[key] ?? '') => {
    const value = state?.values?.[key];
    return value === undefined ? fallback : String(value);
  };
  // React resets a form after its action; remounting with the echoed values keeps what was typed.
  const key = JSON.stringify(state?.values ?? null);
  return (
    <form action={action} key={key} className="max-w-2xl space-y-4" noValidate>
      <FormMessage state={state} />
      {errors._form && <p className="text-sm text-red-700 dark:text-red-400">{errors._form.join(' ')}</p>}
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <TextField
        label="Title"
        name="title"
        required
        defaultValue={v('title')}
        errors={errors.title}
        hint="What you need, in a few words."
      />
      <TextArea
        label="Description"
        name="description"
        required
        defaultValue={v('description')}
        errors={errors.description}
        hint="What should change, and for whom. A high-level description, not a design."
      />
      <TextArea
        label="Business benefit"
        name="businessBenefit"
        defaultValue={v('businessBenefit')}
        errors={errors.businessBenefit}
        hint="What the company gains: revenue, time saved, risk removed."
      />
      <TextField
        label="Sponsor suggestion"
        name="sponsorSuggestion"
        defaultValue={v('sponsorSuggestion')}
        errors={errors.sponsorSuggestion}
        hint="Who in the business would back this? A name is enough."
      />
      <SelectField
        label="Department"
        name="departmentId"
        options={departments.map((d) => ({ value: d.id, label: d.name }))}
        placeholder="Choose a department"
        defaultValue={v('departmentId', String(defaultDepartmentId))}
        errors={errors.departmentId}
      />
      <div className="flex items-center gap-3">
        <SubmitButton pendingText="Submitting…">{submitLabel}</SubmitButton>
        <Link href="/requests" className="text-sm">
          Cancel
        </Link>
      </div>
    </form>
  );
}
