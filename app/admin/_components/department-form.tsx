'use client';
import { useActionState, useState } from 'react';
import { controlClass } from '@/components/ui/field';
import { Button } from '@/components/ui/button';
import { SubmitButton } from '@/components/ui/submit-button';
import { useChoices } from '@/components/ui/choices';
import { changeDepartmentAction } from '@/app/admin/actions';
import type { FormState } from '@/lib/actions.server';

/**
 * The person's department, and a picker opened on demand (the departments come once for the whole
 * list, from <Choices>). Only active departments are offered, besides their own.
 */
export function DepartmentForm({
  userId,
  name,
  departmentId,
  departmentName,
}: {
  userId: number;
  name: string;
  departmentId: number;
  departmentName: string;
}) {
  const [open, setOpen] = useState(false);
  // A saved change closes the picker: the row shows the new department, with the confirmation beside it.
  const [state, action] = useActionState(async (prev: FormState | undefined, form: FormData) => {
    const result = await changeDepartmentAction(prev, form);
    if (result.ok) setOpen(false);
    return result;
  }, undefined);
  const departments = useChoices().filter((d) => !d.archived || d.id === departmentId);
  const id = `department-${userId}`;
  const error = state?.ok === false ? (state.fieldErrors?.departmentId?.[0] ?? state.message) : undefined;
  const status = state?.message && (
    <span role="status" className={`text-xs ${state.ok ? '' : 'text-red-700 dark:text-red-400'}`}>
      {error ?? state.message}
    </span>
  );
  if (!open)
    return (
      <div className="flex flex-wrap items-center gap-2">
        <span className="wrap-anywhere">{departmentName}</span>
        <Button variant="ghost" aria-label={`Change ${name}'s department`} onClick={() => setOpen(true)}>
          Change
        </Button>
        {status}
      </div>
    );
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
      <Button variant="ghost" onClick={() => setOpen(false)}>
        Cancel
      </Button>
      {status}
    </form>
  );
}
