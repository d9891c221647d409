'use client';
import { useActionState, useState } from 'react';
import type { FormState } from '@/lib/actions.server';
import { SelectField, TextField } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { LocalDateTimeField } from '@/components/meetings/local-datetime-field';
import { useTimeZone } from '@/components/meetings/use-time-zone';
import { InviteePicker } from './invitee-picker';
import { FieldErrors } from './field-errors';
import { STATUS_LABEL } from '@/lib/backlog/labels';

export type DemoItemOption = { id: number; title: string; status: string; people: number[] };
type Person = { id: number; name: string };

const asList = (v: string | string[] | undefined) => (v === undefined ? null : Array.isArray(v) ? v : v ? [v] : []);

/** A demo's values as the form shows them: new demos start empty, a change starts from the demo. */
export type DemoFormInitial = Record<
  'title' | 'startsAt' | 'durationMinutes' | 'presenterId' | 'feedbackDays',
  string
> & { itemIds: string[]; inviteeIds: string[] };

/**
 * Schedules a demo. Ticking an item adds its requestors and sponsors to the invite list, which the
 * organiser can then edit; unticking an item leaves the list alone, since those people may still
 * want to come. The time is typed in the organiser's zone, which is sent along and stored.
 */
export function ScheduleDemoForm({
  action,
  hidden,
  items,
  people,
  initial,
  submitLabel,
}: {
  action: (prev: FormState | undefined, form: FormData) => Promise<FormState>;
  hidden: Record<string, number>;
  items: DemoItemOption[];
  people: Person[];
  initial: DemoFormInitial;
  submitLabel: string;
}) {
  const [state, formAction] = useActionState(action, undefined);
  const typed = state && !state.ok ? state.values : undefined;
  return (
    <DemoFields
      key={JSON.stringify(typed ?? null)}
      {...{ state, formAction, hidden, items, people, initial, typed, submitLabel }}
    />
  );
}

function DemoFields({
  state,
  formAction,
  hidden,
  items,
  people,
  initial,
  typed,
  submitLabel,
}: {
  state: FormState | undefined;
  formAction: (form: FormData) => void;
  hidden: Record<string, number>;
  items: DemoItemOption[];
  people: Person[];
  initial: DemoFormInitial;
  typed: FormState['values'];
  submitLabel: string;
}) {
  const zone = useTimeZone();
  const e = state?.fieldErrors ?? {};
  const v = (key: keyof DemoFormInitial | 'timeZone', fallback = '') =>
    String(typed?.[key] ?? (key in initial ? initial[key as keyof DemoFormInitial] : fallback));
  const [chosen, setChosen] = useState<Set<string>>(new Set(asList(typed?.itemIds) ?? initial.itemIds));
  const [invited, setInvited] = useState<Set<string>>(new Set(asList(typed?.inviteeIds) ?? initial.inviteeIds));
  const toggleItem = (item: DemoItemOption, on: boolean) => {
    setChosen((prev) => {
      const next = new Set(prev);
      if (on) next.add(String(item.id));
      else next.delete(String(item.id));
      return next;
    });
    if (on) setInvited((prev) => new Set([...prev, ...item.people.map(String)]));
  };
  const toggleInvitee = (id: string, on: boolean) =>
    setInvited((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  return (
    <form action={formAction} className="max-w-3xl space-y-4" noValidate>
      <FormMessage state={state} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <input type="hidden" name="timeZone" value={v('timeZone', zone ?? 'UTC')} />
      <TextField label="Title" name="title" maxLength={120} defaultValue={v('title')} errors={e.title} />
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <LocalDateTimeField
          label="Date and time"
          name="startsAt"
          defaultIso={v('startsAt') || undefined}
          errors={e.startsAt ?? e.timeZone}
        />
        <TextField
          label="Duration (minutes)"
          name="durationMinutes"
          inputMode="numeric"
          defaultValue={v('durationMinutes')}
          errors={e.durationMinutes}
        />
        <SelectField
          label="Presenter"
          name="presenterId"
          placeholder="Choose a presenter"
          defaultValue={v('presenterId')}
          errors={e.presenterId}
          options={people.map((p) => ({ value: p.id, label: p.name }))}
        />
        <TextField
          label="Feedback window (days after the demo)"
          name="feedbackDays"
          inputMode="numeric"
          defaultValue={v('feedbackDays')}
          errors={e.feedbackDays}
          hint="From 0 to 60 days."
        />
      </div>
      <fieldset className="space-y-2" aria-describedby={e.itemIds ? 'itemIds-error' : undefined}>
        <legend className="text-sm font-medium">Items to show</legend>
        {items.map((item) => (
          <label key={item.id} className="flex items-start gap-2 text-sm">
            <input
              type="checkbox"
              name="itemIds"
              value={item.id}
              checked={chosen.has(String(item.id))}
              onChange={(ev) => toggleItem(item, ev.target.checked)}
              className="mt-1"
            />
            <span className="min-w-0 break-words">
              {item.title}{' '}
              <span className="text-zinc-600 dark:text-zinc-400">
                ({STATUS_LABEL[item.status as keyof typeof STATUS_LABEL] ?? item.status})
              </span>
            </span>
          </label>
        ))}
        <FieldErrors id="itemIds-error" errors={e.itemIds} />
      </fieldset>
      <InviteePicker people={people} invited={invited} onToggle={toggleInvitee} errors={e.inviteeIds} />
      <SubmitButton>{submitLabel}</SubmitButton>
    </form>
  );
}
