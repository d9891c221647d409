'use client';
import { useActionState } from 'react';
import { SelectField, TextField } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { ROLE_CHOICES } from '@/lib/users/roles';
import { inviteAction } from '@/app/admin/actions';

const FIELDS = ['email', 'name', 'role', 'departmentId'];

/** Invites a person by e-mail: they choose their own password from the link. */
export function InviteForm({
  departments,
  defaultDepartmentId,
}: {
  departments: { id: number; name: string }[];
  defaultDepartmentId: number;
}) {
  const [state, action] = useActionState(inviteAction, undefined);
  const value = (key: string) => (state?.ok === false ? String(state.values?.[key] ?? '') : undefined);
  // A successful invitation empties the form for the next one: a new key remounts its fields.
  const key = state?.ok ? `sent-${state.message}` : 'form';
  return (
    <form action={action} aria-labelledby="invite-heading" className="space-y-3" key={key}>
      <h2 id="invite-heading" className="text-lg font-semibold">
        Invite a person
      </h2>
      <FormMessage state={state} besideFields={FIELDS} />
      <div className="grid gap-3 grid-cols-1 sm:grid-cols-2">
        <TextField
          label="E-mail"
          name="email"
          type="email"
          autoComplete="off"
          required
          defaultValue={value('email')}
          errors={state?.fieldErrors?.email}
        />
        <TextField label="Name" name="name" required defaultValue={value('name')} errors={state?.fieldErrors?.name} />
        <SelectField
          label="Role"
          name="role"
          defaultValue={value('role') ?? 'requestor'}
          options={ROLE_CHOICES.map((r) => ({ value: r.value, label: r.label }))}
          errors={state?.fieldErrors?.role}
        />
        <SelectField
          label="Department"
          name="departmentId"
          defaultValue={value('departmentId') ?? String(defaultDepartmentId)}
          options={departments.map((d) => ({ value: d.id, label: d.name }))}
          errors={state?.fieldErrors?.departmentId}
        />
      </div>
      <SubmitButton pendingText="Sending…">Send invitation</SubmitButton>
    </form>
  );
}
