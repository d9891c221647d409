'use client';
import { useActionState } from 'react';
import { controlClass } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import { changeDepartmentAction } from '@/app/admin/actions';

/** The person's department, changed in place; only active departments are offered (besides their own). */
export function DepartmentForm({
  userId,
  name,
  departmentId,
  departments,
}: {
  userId: number;
  name: string;
  departmentId: number;
  departments: { id: number; name: string }[];
}) {
  const [state, action] = useActionState(changeDepartmentAction, undefined);
  const id = `department-${userId}`;
  const error = state?.ok === false ? (state.fieldErrors?.departmentId?.[0] ?? state.message) : undefined;
  return (
    <form action={action} aria-label={`Change ${name}'s department`} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="userId" value={userId} />
      <label htmlFor={id} className="sr-only">
        Department of {name}
      </label>
      <select
        id={id}
        name="departmentId"
        defaultValue={departmentId}
        className={`${controlClass} w-auto max-w-48`}
        aria-invalid={error ? true : undefined}
      >
        {departments.map((d) => (
          <option key={d.id} value={d.id}>
            {d.name}
          </option>
        ))}
      </select>
      <SubmitButton variant="secondary" pendingText="Saving…">
        Change department
      </SubmitButton>
      {state?.message && (
        <span role="status" className={`text-xs ${state.ok ? '' : 'text-red-700 dark:text-red-400'}`}>
          {error ?? state.message}
        </span>
      )}
    </form>
  );
}
