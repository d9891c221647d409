'use client';
import { useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { controlClass } from '@/components/ui/field';
import type { SendResult } from './use-story-map';

const SMALL = 'px-1.5 py-0.5 text-xs';

/** A name with a "Rename" button that turns into a labelled field; the server's refusal shows beside it. */
export function RenameControl({
  label,
  name,
  onSave,
}: {
  /** What the field is called, e.g. "Activity name". */
  label: string;
  name: string;
  onSave: (name: string) => Promise<SendResult>;
}) {
  const id = useId();
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!editing)
    return (
      <Button variant="ghost" className={SMALL} onClick={() => setEditing(true)}>
        Rename<span className="sr-only"> {name}</span>
      </Button>
    );
  return (
    <form
      className="flex flex-wrap items-end gap-1"
      onSubmit={async (e) => {
        e.preventDefault();
        const value = String(new FormData(e.currentTarget).get('name') ?? '');
        const result = await onSave(value);
        if (result.ok) {
          setEditing(false);
          setError(null);
        } else setError(result.fieldErrors?.name?.[0] ?? result.error);
      }}
    >
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <input
        id={id}
        name="name"
        defaultValue={name}
        autoFocus
        maxLength={200}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className={`${controlClass} w-40`}
      />
      <Button type="submit" variant="secondary" className={SMALL}>
        Save
      </Button>
      <Button variant="ghost" className={SMALL} onClick={() => setEditing(false)}>
        Cancel
      </Button>
      {error && (
        <p id={`${id}-error`} role="alert" className="w-full text-xs text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
    </form>
  );
}

/** A one-field form that adds something by name (an activity, a step, a slice). */
export function AddByName({
  label,
  button,
  onAdd,
}: {
  label: string;
  button: string;
  onAdd: (name: string) => Promise<SendResult>;
}) {
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      className="flex flex-wrap items-end gap-1"
      onSubmit={async (e) => {
        e.preventDefault();
        const form = e.currentTarget;
        const result = await onAdd(String(new FormData(form).get('name') ?? ''));
        if (result.ok) {
          form.reset();
          setError(null);
        } else setError(result.fieldErrors?.name?.[0] ?? result.error);
      }}
    >
      <div>
        <label htmlFor={id} className="block text-xs font-medium text-zinc-700 dark:text-zinc-300">
          {label}
        </label>
        <input
          id={id}
          name="name"
          maxLength={200}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          className={`${controlClass} w-40`}
        />
      </div>
      <Button type="submit" variant="secondary" className={SMALL}>
        {button}
      </Button>
      {error && (
        <p id={`${id}-error`} role="alert" className="w-full text-xs text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
    </form>
  );
}

/** Move earlier/later buttons, named with what they move. */
export function OrderButtons({
  what,
  index,
  count,
  earlier,
  later,
  onMove,
}: {
  what: string;
  index: number;
  count: number;
  earlier: string;
  later: string;
  onMove: (toIndex: number) => void;
}) {
  return (
    <>
      <Button variant="ghost" className={SMALL} disabled={index === 0} onClick={() => onMove(index - 1)}>
        {earlier}
        <span className="sr-only"> {what}</span>
      </Button>
      <Button variant="ghost" className={SMALL} disabled={index >= count - 1} onClick={() => onMove(index + 1)}>
        {later}
        <span className="sr-only"> {what}</span>
      </Button>
    </>
  );
}

export const smallButton = SMALL;
