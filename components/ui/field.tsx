import type { InputHTMLAttributes, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';

export const controlClass =
  'block w-full rounded-md border border-zinc-300 bg-white px-2.5 py-1.5 text-sm text-zinc-900 shadow-xs focus:border-indigo-500 focus:outline-2 focus:outline-indigo-500/40 aria-[invalid=true]:border-red-500 dark:border-zinc-600 dark:bg-zinc-900 dark:text-zinc-100';

type Common = { label: string; name: string; errors?: string[]; hint?: string; id?: string };

/**
 * A control's label, hints and errors, with the ids `describedBy` points at. `note` is a second
 * hint shown first (e.g. the time zone of a date field). Exported for custom controls.
 */
export function FieldFrame({
  label,
  id,
  errors,
  hint,
  note,
  children,
}: Omit<Common, 'name'> & { id: string; note?: string; children: React.ReactNode }) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-zinc-800 dark:text-zinc-200">
        {label}
      </label>
      {children}
      {note && (
        <p id={`${id}-note`} className="text-xs text-zinc-500 dark:text-zinc-400">
          {note}
        </p>
      )}
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-zinc-500 dark:text-zinc-400">
          {hint}
        </p>
      )}
      {errors?.length ? (
        <ul id={`${id}-error`} className="text-sm text-red-700 dark:text-red-400">
          {errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

export function describedBy(id: string, errors?: string[], hint?: string, note?: string) {
  return (
    [note ? `${id}-note` : '', hint ? `${id}-hint` : '', errors?.length ? `${id}-error` : '']
      .filter(Boolean)
      .join(' ') || undefined
  );
}

export function TextField({
  label,
  name,
  errors,
  hint,
  id = name,
  ...props
}: Common & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <FieldFrame label={label} id={id} errors={errors} hint={hint}>
      <input
        id={id}
        name={name}
        {...props}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(id, errors, hint)}
        className={controlClass}
      />
    </FieldFrame>
  );
}

export function TextArea({
  label,
  name,
  errors,
  hint,
  id = name,
  ...props
}: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <FieldFrame label={label} id={id} errors={errors} hint={hint}>
      <textarea
        id={id}
        name={name}
        rows={4}
        {...props}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(id, errors, hint)}
        className={controlClass}
      />
    </FieldFrame>
  );
}

export function SelectField({
  label,
  name,
  errors,
  hint,
  options,
  placeholder,
  id = name,
  ...props
}: Common &
  SelectHTMLAttributes<HTMLSelectElement> & {
    options: { value: string | number; label: string }[];
    placeholder?: string;
  }) {
  return (
    <FieldFrame label={label} id={id} errors={errors} hint={hint}>
      <select
        id={id}
        name={name}
        {...props}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(id, errors, hint)}
        className={controlClass}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}
