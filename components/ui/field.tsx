import type { InputHTMLAttributes, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';

export const controlClass =
  'block w-full rounded-md border border-zinc-300 bg-white px-2.5 py-1.5 text-sm text-zinc-900 shadow-xs focus:border-indigo-500 focus:outline-2 focus:outline-indigo-500/40 aria-[invalid=true]:border-red-500 dark:border-zinc-600 dark:bg-zinc-900 dark:text-zinc-100';

type Common = { label: string; name: string; errors?: string[]; hint?: string; id?: string };

function Wrapper({ label, id, errors, hint, children }: Omit<Common, 'name'> & { id: string; children: React.ReactNode }) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-zinc-800 dark:text-zinc-200">{label}</label>
      {children}
      {hint && <p id={`${id}-hint`} className="text-xs text-zinc-500">{hint}</p>}
      {errors?.length ? (
        <ul id={`${id}-error`} className="text-sm text-red-700 dark:text-red-400">
          {errors.map((e) => <li key={e}>{e}</li>)}
        </ul>
      ) : null}
    </div>
  );
}

function describedBy(name: string, errors?: string[], hint?: string) {
  return [errors?.length ? `${name}-error` : '', hint ? `${name}-hint` : ''].filter(Boolean).join(' ') || undefined;
}

export function TextField({ label, name, errors, hint, id = name, ...props }: Common & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <Wrapper label={label} id={id} errors={errors} hint={hint}>
      <input id={id} name={name} {...props} aria-invalid={errors?.length ? true : undefined} aria-describedby={describedBy(id, errors, hint)} className={controlClass} />
    </Wrapper>
  );
}

export function TextArea({ label, name, errors, hint, id = name, ...props }: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <Wrapper label={label} id={id} errors={errors} hint={hint}>
      <textarea id={id} name={name} rows={4} {...props} aria-invalid={errors?.length ? true : undefined} aria-describedby={describedBy(id, errors, hint)} className={controlClass} />
    </Wrapper>
  );
}

export function SelectField({ label, name, errors, hint, options, placeholder, id = name, ...props }: Common & SelectHTMLAttributes<HTMLSelectElement> & { options: { value: string | number; label: string }[]; placeholder?: string }) {
  return (
    <Wrapper label={label} id={id} errors={errors} hint={hint}>
      <select id={id} name={name} {...props} aria-invalid={errors?.length ? true : undefined} aria-describedby={describedBy(id, errors, hint)} className={controlClass}>
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    </Wrapper>
  );
}
