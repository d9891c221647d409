'use client';
import { useActionState } from 'react';
import { ROLE_CHOICES } from '@/lib/users/roles';
import { controlClass } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import { changeRoleAction } from '@/app/admin/actions';

/** The person's role, changed in place; the change signs them out, so it applies from their next request. */
export function RoleForm({ userId, name, role }: { userId: number; name: string; role: string }) {
  const [state, action] = useActionState(changeRoleAction, undefined);
  const id = `role-${userId}`;
  return (
    <form action={action} aria-label={`Change ${name}'s role`} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="userId" value={userId} />
      <label htmlFor={id} className="sr-only">
        Role of {name}
      </label>
      <select
        id={id}
        name="role"
        defaultValue={role}
        className={`${controlClass} w-auto`}
        aria-invalid={state?.ok === false || undefined}
      >
        {ROLE_CHOICES.map((r) => (
          <option key={r.value} value={r.value}>
            {r.label}
          </option>
        ))}
      </select>
      <SubmitButton variant="secondary" pendingText="Saving…">
        Change role
      </SubmitButton>
      {state?.message && (
        <span role="status" className={`text-xs ${state.ok ? '' : 'text-red-700 dark:text-red-400'}`}>
          {state.message}
        </span>
      )}
    </form>
  );
}
