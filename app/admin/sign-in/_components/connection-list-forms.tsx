'use client';
import { SelectField, TextField } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import { createConnectionAction, saveBreakGlassAction } from '@/app/admin/sign-in/actions';
import { ActionForm, typedText } from './action-form';

export function NewConnectionForm() {
  return (
    <ActionForm action={createConnectionAction} label="Add a connection" className="max-w-md space-y-3">
      {({ errors, typed }) => (
        <>
          <TextField
            label="Name"
            name="name"
            defaultValue={typedText(typed, 'name')}
            errors={errors.name}
            hint="What people see on the sign-in button: “Continue with <name>”."
          />
          <SelectField
            label="Protocol"
            name="protocol"
            defaultValue={typedText(typed, 'protocol', 'oidc')}
            errors={errors.protocol}
            options={[
              { value: 'oidc', label: 'OpenID Connect (Google Workspace, Entra ID, Okta…)' },
              { value: 'saml', label: 'SAML 2.0 (Okta, Entra ID, OneLogin, ADFS…)' },
            ]}
          />
          <SubmitButton>Add connection</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

export function BreakGlassForm({ on }: { on: boolean }) {
  return (
    <ActionForm action={saveBreakGlassAction} label="Break-glass sign-in" className="max-w-xl space-y-3">
      {({ errors }) => (
        <>
          <SelectField
            label="Where SSO is enforced, admins may still sign in with a password"
            name="breakGlassAdmins"
            defaultValue={String(on)}
            errors={errors.breakGlassAdmins}
            hint="So that an identity provider that is down locks nobody out. Every such sign-in is written to the audit log."
            options={[
              { value: 'true', label: 'Yes (recommended)' },
              { value: 'false', label: 'No: admins sign in through SSO too' },
            ]}
          />
          <SubmitButton variant="secondary">Save</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}
