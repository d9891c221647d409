'use client';
import type { FormState } from '@/lib/actions.server';
import { SelectField, TextField } from '@/components/ui/field';
import { PUBLIC_EVENT_LABEL, SUBSCRIBABLE_EVENTS } from '@/lib/events/public-events';
import { typedText } from '@/app/admin/sign-in/_components/action-form';

export type WebhookValues = { name: string; url: string; format: string; eventTypes: string[] };

/** Name, URL, format and events: the fields of the add and the edit form. */
export function WebhookFields({
  errors,
  typed,
  initial,
}: {
  errors: Record<string, string[] | undefined>;
  typed?: FormState['values'];
  initial?: WebhookValues;
}) {
  const typedEvents = typed?.events;
  const checked = new Set(
    typed ? (Array.isArray(typedEvents) ? typedEvents : typedEvents ? [typedEvents] : []) : (initial?.eventTypes ?? []),
  );
  return (
    <>
      <TextField
        label="Name"
        name="name"
        maxLength={100}
        defaultValue={typedText(typed, 'name', initial?.name)}
        errors={errors.name}
      />
      <TextField
        label="URL"
        name="url"
        type="url"
        maxLength={2000}
        defaultValue={typedText(typed, 'url', initial?.url)}
        errors={errors.url}
        hint="Where Quorum posts each event: https:// (or http://), not Quorum itself."
      />
      <SelectField
        label="Format"
        name="format"
        defaultValue={typedText(typed, 'format', initial?.format ?? 'json')}
        errors={errors.format}
        options={[
          { value: 'json', label: 'JSON (signed, for your own service)' },
          { value: 'slack', label: 'Slack-compatible (a readable line, for an incoming-webhook URL)' },
        ]}
      />
      <fieldset className="space-y-1" aria-describedby={errors.events?.length ? 'events-error' : undefined}>
        <legend className="text-sm font-medium text-zinc-800 dark:text-zinc-200">Events</legend>
        {SUBSCRIBABLE_EVENTS.map((e) => (
          <label key={e} className="flex items-start gap-2 text-sm">
            <input type="checkbox" name="events" value={e} defaultChecked={checked.has(e)} className="mt-1" />
            <span>
              {PUBLIC_EVENT_LABEL[e]} <code className="text-xs text-zinc-500 dark:text-zinc-400">{e}</code>
            </span>
          </label>
        ))}
        {errors.events?.length ? (
          <ul id="events-error" className="text-sm text-red-700 dark:text-red-400">
            {errors.events.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        ) : null}
      </fieldset>
    </>
  );
}
