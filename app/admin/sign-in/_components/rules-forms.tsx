'use client';
import { SelectField, TextArea, TextField } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import { ROLE_CHOICES } from '@/lib/users/roles';
import { addGroupMappingAction, removeGroupMappingAction, setDomainsAction } from '@/app/admin/sign-in/actions';
import { ActionForm, typedText } from './action-form';

export function DomainsForm({ connectionId, domains }: { connectionId: number; domains: string[] }) {
  return (
    <ActionForm
      action={setDomainsAction}
      label="Domains of this connection"
      hidden={{ connectionId }}
      className="max-w-xl space-y-3"
    >
      {({ errors, typed }) => (
        <>
          <TextArea
            label="E-mail domains"
            name="domains"
            rows={2}
            defaultValue={typedText(typed, 'domains', domains.join(', '))}
            errors={errors.domains}
            hint="Separated by commas, e.g. acme.com, acme.co.uk. Someone who types an e-mail of these domains on the sign-in page goes to this provider."
          />
          <SubmitButton variant="secondary">Save domains</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

export function GroupMappingForm({
  connectionId,
  departments,
}: {
  connectionId: number;
  departments: { id: number; name: string }[];
}) {
  return (
    <ActionForm
      action={addGroupMappingAction}
      label="Map a group"
      hidden={{ connectionId }}
      className="grid gap-3 grid-cols-1 sm:grid-cols-4 sm:items-end"
    >
      {({ errors, typed }) => (
        <>
          <TextField
            label="IdP group"
            name="groupName"
            defaultValue={typedText(typed, 'groupName')}
            errors={errors.groupName}
          />
          <SelectField
            label="Role"
            name="role"
            placeholder="Keep the role"
            defaultValue={typedText(typed, 'role')}
            errors={errors.role}
            options={[...ROLE_CHOICES]}
          />
          <SelectField
            label="Department"
            name="departmentId"
            placeholder="Keep the department"
            defaultValue={typedText(typed, 'departmentId')}
            errors={errors.departmentId}
            options={departments.map((d) => ({ value: d.id, label: d.name }))}
          />
          <div>
            <SubmitButton variant="secondary">Add mapping</SubmitButton>
          </div>
        </>
      )}
    </ActionForm>
  );
}

export function RemoveMappingButton({
  connectionId,
  mappingId,
  groupName,
}: {
  connectionId: number;
  mappingId: number;
  groupName: string;
}) {
  return (
    <ActionForm
      action={removeGroupMappingAction}
      label={`Remove the mapping of ${groupName}`}
      hidden={{ connectionId, mappingId }}
      className="flex items-center gap-2"
    >
      {() => <SubmitButton variant="secondary">Remove</SubmitButton>}
    </ActionForm>
  );
}
