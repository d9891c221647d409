'use client';
import { useActionState } from 'react';
import type { FormState } from '@/lib/actions.server';
import { SelectField, TextArea, TextField } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { ConfirmStep } from '@/components/ui/confirm-step';
import { SubmitButton } from '@/components/ui/submit-button';
import { FieldErrors } from './field-errors';

type Action = (prev: FormState | undefined, form: FormData) => Promise<FormState>;

const STAGES = [
  { value: 'mockup', label: 'Mock-up' },
  { value: 'prototype', label: 'Prototype' },
  { value: 'v0', label: 'V0' },
  { value: 'v1', label: 'V1' },
  { value: 'released', label: 'Released' },
];

function Hidden({ fields }: { fields: Record<string, number | string> }) {
  return Object.entries(fields).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />);
}

/** The presenter records what was shown of one item; `idPrefix` keeps ids unique across items. */
export function ShownItemForm({
  action,
  demoId,
  itemId,
  idPrefix,
  initial,
  recorded,
}: {
  action: Action;
  demoId: number;
  itemId: number;
  idPrefix: string;
  initial: { stage: string; notes: string; links: string };
  recorded: boolean;
}) {
  const [state, formAction] = useActionState(action, undefined);
  const e = state?.fieldErrors ?? {};
  const typed = state && !state.ok ? state.values : undefined;
  const v = (key: keyof typeof initial) => String(typed?.[key] ?? initial[key]);
  return (
    <form action={formAction} key={JSON.stringify(typed ?? null)} className="space-y-3" noValidate>
      <FormMessage state={state} />
      <Hidden fields={{ demoId, itemId }} />
      <SelectField
        id={`${idPrefix}-stage`}
        label="Stage shown"
        name="stage"
        placeholder="Choose a stage"
        defaultValue={v('stage')}
        errors={e.stage}
        options={STAGES}
      />
      <TextArea
        id={`${idPrefix}-notes`}
        label="What was shown"
        name="notes"
        defaultValue={v('notes')}
        errors={e.notes}
      />
      <TextArea
        id={`${idPrefix}-links`}
        label="Links"
        name="links"
        rows={3}
        defaultValue={v('links')}
        errors={e.links}
        hint="One http:// or https:// address a line, at most 10."
      />
      <SubmitButton>{recorded ? 'Update what was shown' : 'Record as shown'}</SubmitButton>
    </form>
  );
}

/** An attendee's verdict on one shown item; a concern needs a comment. */
export function FeedbackForm({
  action,
  demoId,
  itemId,
  idPrefix,
  itemTitle,
}: {
  action: Action;
  demoId: number;
  itemId: number;
  idPrefix: string;
  itemTitle: string;
}) {
  const [state, formAction] = useActionState(action, undefined);
  const e = state?.fieldErrors ?? {};
  const typed = state && !state.ok ? state.values : undefined;
  return (
    <form action={formAction} key={JSON.stringify(typed ?? null)} className="space-y-3" noValidate>
      <FormMessage state={state} besideFields={['comment', 'verdict']} />
      <Hidden fields={{ demoId, itemId }} />
      <fieldset className="space-y-1" aria-describedby={e.verdict ? `${idPrefix}-verdict-error` : undefined}>
        <legend className="text-sm font-medium">Your feedback on {itemTitle}</legend>
        <div className="flex flex-wrap gap-4">
          {[
            ['looks_right', 'Looks right'],
            ['concern', 'Concern'],
          ].map(([value, label]) => (
            <label key={value} className="flex items-center gap-2 text-sm">
              <input type="radio" name="verdict" value={value} defaultChecked={typed?.verdict === value} />
              {label}
            </label>
          ))}
        </div>
        <FieldErrors id={`${idPrefix}-verdict-error`} errors={e.verdict} />
      </fieldset>
      <TextArea
        id={`${idPrefix}-comment`}
        label="Comment"
        name="comment"
        rows={3}
        maxLength={2000}
        defaultValue={String(typed?.comment ?? '')}
        errors={e.comment}
        hint="Required for a concern; at most 2,000 characters."
      />
      <SubmitButton>Send feedback</SubmitButton>
    </form>
  );
}

/** The presenter's notes on the demo as a whole. */
export function DemoNotesForm({ action, demoId, notes }: { action: Action; demoId: number; notes: string }) {
  const [state, formAction] = useActionState(action, undefined);
  const typed = state && !state.ok ? state.values : undefined;
  return (
    <form action={formAction} key={JSON.stringify(typed ?? null)} className="space-y-3" noValidate>
      <FormMessage state={state} />
      <Hidden fields={{ demoId }} />
      <TextArea
        label="Notes on the demo"
        name="notes"
        defaultValue={String(typed?.notes ?? notes)}
        errors={state?.fieldErrors?.notes}
      />
      <SubmitButton>Save notes</SubmitButton>
    </form>
  );
}

/** After the demo, an organiser opens feedback again for a number of days from now. */
export function ReopenFeedbackForm({
  action,
  demoId,
  open,
  defaultDays,
}: {
  action: Action;
  demoId: number;
  open: boolean;
  defaultDays: number;
}) {
  const [state, formAction] = useActionState(action, undefined);
  const typed = state && !state.ok ? state.values : undefined;
  return (
    <form
      action={formAction}
      key={JSON.stringify(typed ?? null)}
      aria-label="Feedback window"
      className="flex flex-wrap items-end gap-3"
      noValidate
    >
      <div className="w-full">
        <FormMessage state={state} besideFields={['feedbackDays']} />
      </div>
      <Hidden fields={{ demoId }} />
      <TextField
        label={open ? 'Keep feedback open for (days from now)' : 'Open feedback again for (days from now)'}
        name="feedbackDays"
        inputMode="numeric"
        defaultValue={String(typed?.feedbackDays ?? defaultDays)}
        errors={state?.fieldErrors?.feedbackDays}
        hint="From 1 to 60 days."
      />
      <SubmitButton variant="secondary">{open ? 'Change the feedback window' : 'Reopen feedback'}</SubmitButton>
    </form>
  );
}

/**
 * One button that runs an action on a record, with its answer shown beside it. With `confirm`, what
 * cannot be taken back asks first (the button opens the question; `confirm.yes` does it).
 */
export function ActionButtonForm({
  action,
  fields,
  label,
  variant,
  confirm,
}: {
  action: Action;
  fields: Record<string, number | string>;
  label: string;
  variant?: 'primary' | 'secondary' | 'danger';
  confirm?: { question: string; yes: string };
}) {
  const [state, formAction] = useActionState(action, undefined);
  return (
    <form action={formAction} className="space-y-2">
      <FormMessage state={state} />
      <Hidden fields={fields} />
      {confirm ? (
        <ConfirmStep open={label} question={confirm.question} confirm={confirm.yes} />
      ) : (
        <SubmitButton variant={variant}>{label}</SubmitButton>
      )}
    </form>
  );
}
