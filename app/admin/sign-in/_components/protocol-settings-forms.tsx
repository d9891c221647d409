'use client';
import { TextArea, TextField, FieldFrame, controlClass } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import { saveOidcSettingsAction, saveSamlSettingsAction } from '@/app/admin/sign-in/actions';
import { ActionForm, typedText } from './action-form';

type Settings = Record<string, unknown>;
const str = (v: unknown, fallback = '') => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : fallback);

export function OidcSettingsForm({
  connectionId,
  settings,
  hasSecret,
  redirectUri,
}: {
  connectionId: number;
  settings: Settings;
  hasSecret: boolean;
  redirectUri: string;
}) {
  return (
    <ActionForm
      action={saveOidcSettingsAction}
      label="OpenID Connect settings"
      hidden={{ connectionId }}
      className="max-w-xl space-y-3"
    >
      {({ errors, typed }) => (
        <>
          <p className="text-sm">
            Register Quorum at your provider as a web application with the redirect URI{' '}
            <code className="break-all">{redirectUri}</code>.
          </p>
          <TextField
            label="Issuer URL"
            name="issuer"
            type="url"
            defaultValue={typedText(typed, 'issuer', str(settings.issuer))}
            errors={errors.issuer}
            hint="Quorum reads the provider’s discovery document from <issuer>/.well-known/openid-configuration, e.g. https://accounts.google.com."
          />
          <TextField
            label="Client ID"
            name="clientId"
            defaultValue={typedText(typed, 'clientId', str(settings.clientId))}
            errors={errors.clientId}
          />
          <TextField
            label="Client secret"
            name="clientSecret"
            type="password"
            autoComplete="off"
            errors={errors.clientSecret}
            hint={
              hasSecret
                ? 'A secret is stored (encrypted) and never shown again. Leave blank to keep it.'
                : 'Stored encrypted and never shown again.'
            }
          />
          <TextField
            label="Scopes"
            name="scopes"
            defaultValue={typedText(typed, 'scopes', str(settings.scopes, 'openid email profile'))}
            errors={errors.scopes}
            hint="Separated by spaces; openid is required."
          />
          <TextField
            label="Claim that carries groups"
            name="groupsClaim"
            defaultValue={typedText(typed, 'groupsClaim', str(settings.groupsClaim, 'groups'))}
            errors={errors.groupsClaim}
          />
          <SubmitButton>Save settings</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

export function SamlSettingsForm({
  connectionId,
  settings,
  allowIdpInitiated,
}: {
  connectionId: number;
  settings: Settings;
  allowIdpInitiated: boolean;
}) {
  return (
    <ActionForm
      action={saveSamlSettingsAction}
      label="SAML settings"
      hidden={{ connectionId }}
      className="max-w-xl space-y-3"
    >
      {({ errors, typed }) => (
        <>
          {typeof settings.idpEntityId === 'string' && (
            <p className="text-sm wrap-anywhere">
              Identity provider: <code>{settings.idpEntityId}</code>. Give new metadata only to replace it.
            </p>
          )}
          <FieldFrame label="IdP metadata file" id="metadataFile" hint="Reads the file into the box below.">
            <input
              id="metadataFile"
              type="file"
              accept=".xml,application/xml,text/xml"
              aria-describedby="metadataFile-hint"
              className={controlClass}
              onChange={async (e) => {
                const file = e.currentTarget.files?.[0];
                const box = document.getElementById('metadataXml');
                if (file && box instanceof HTMLTextAreaElement) box.value = await file.text();
              }}
            />
          </FieldFrame>
          <TextArea
            label="IdP metadata XML"
            name="metadataXml"
            rows={5}
            defaultValue={typedText(typed, 'metadataXml')}
            errors={errors.metadataXml ?? errors.metadata}
            hint="Paste the XML, or use the file picker above."
          />
          <TextField
            label="…or the IdP metadata URL"
            name="metadataUrl"
            type="url"
            defaultValue={typedText(typed, 'metadataUrl', str(settings.metadataUrl))}
            errors={errors.metadataUrl}
          />
          <TextField
            label="Attribute that carries groups"
            name="groupsAttribute"
            defaultValue={typedText(typed, 'groupsAttribute', str(settings.groupsAttribute, 'groups'))}
            errors={errors.groupsAttribute}
          />
          <TextField
            label="Allowed clock skew (seconds)"
            name="clockSkewSeconds"
            inputMode="numeric"
            defaultValue={typedText(typed, 'clockSkewSeconds', str(settings.clockSkewSeconds, '120'))}
            errors={errors.clockSkewSeconds}
          />
          <label className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              name="allowIdpInitiated"
              value="true"
              defaultChecked={typed ? typed.allowIdpInitiated === 'true' : allowIdpInitiated}
            />
            Allow sign-in started at the identity provider (IdP-initiated)
          </label>
          <SubmitButton>Save settings</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}
