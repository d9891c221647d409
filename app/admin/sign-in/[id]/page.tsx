import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { requirePermission } from '@/lib/auth/session.server';
import { getConnection } from '@/lib/sso/connections.server';
import { ssoUrls } from '@/lib/sso/urls.server';
import { spCertificate } from '@/lib/sso/saml/sp.server';
import { pickerOptions } from '@/lib/users/directory.server';
import { readForPage, routeId } from '@/lib/pages.server';
import { buttonClass } from '@/components/ui/button';
import { OidcSettingsForm, SamlSettingsForm } from '../_components/protocol-settings-forms';
import { DomainsForm, GroupMappingForm, RemoveMappingButton } from '../_components/rules-forms';
import { DeleteConnectionForm, EnableForm, EnforceForm, ScimTokenForm } from '../_components/switch-forms';
import { TestResult } from '../_components/test-result';
import { PROTOCOL_NAMES } from '../_components/protocol-names';

export const metadata: Metadata = { title: 'Sign-in connection · Quorum' };

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  const id = `section-${title.toLowerCase().replace(/[^a-z]+/g, '-')}`;
  return (
    <section aria-labelledby={id} className="space-y-3 border-t border-zinc-200 pt-6 dark:border-zinc-800">
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

export default async function ConnectionPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission('sso.manage');
  const id = await routeId(params);
  const c = await readForPage(() => getConnection(user, id));
  const urls = ssoUrls(c.id);
  const { departments } = await pickerOptions();
  const certificate = c.protocol === 'saml' ? await spCertificate(user) : null;
  return (
    <div className="max-w-4xl space-y-6">
      <p className="text-sm">
        <Link href="/admin/sign-in" className="underline">
          Sign-in
        </Link>{' '}
        › <span className="wrap-anywhere">{c.name}</span>
      </p>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="min-w-0">
          <h1 className="text-2xl font-semibold wrap-anywhere">{c.name}</h1>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            {PROTOCOL_NAMES[c.protocol]} · {c.enabled ? 'On' : 'Off'}
            {c.enforced ? ' · SSO enforced' : ''} · {c.people} {c.people === 1 ? 'person' : 'people'} linked
          </p>
        </div>
        <EnableForm connectionId={c.id} enabled={c.enabled} />
      </div>
      {!c.enabled && !c.testedSinceChange && (
        <p className="rounded-md bg-amber-50 p-3 text-sm text-amber-950 dark:bg-amber-950 dark:text-amber-100">
          Before switching it on: fill in the settings, add a domain, and test the connection.
        </p>
      )}

      <Section title="Settings">
        {c.protocol === 'oidc' ? (
          <OidcSettingsForm
            connectionId={c.id}
            settings={c.settings}
            hasSecret={c.hasClientSecret}
            redirectUri={urls.oidcRedirect}
          />
        ) : (
          <>
            <dl className="grid gap-1 text-sm grid-cols-1 sm:grid-cols-[12rem_1fr]">
              <dt className="font-medium">Entity ID (audience)</dt>
              <dd className="break-all">
                <code>{urls.samlEntityId}</code>
              </dd>
              <dt className="font-medium">ACS URL</dt>
              <dd className="break-all">
                <code>{urls.samlAcs}</code>
              </dd>
            </dl>
            {certificate && (
              <details className="text-sm">
                <summary className="cursor-pointer">Quorum’s signing certificate</summary>
                <pre className="mt-1 overflow-x-auto text-xs break-all whitespace-pre-wrap">{certificate}</pre>
              </details>
            )}
            <a href={urls.samlMetadata} download={`quorum-sp-${c.id}.xml`} className={buttonClass('secondary')}>
              Download Quorum’s SP metadata
            </a>
            <SamlSettingsForm connectionId={c.id} settings={c.settings} allowIdpInitiated={c.allowIdpInitiated} />
          </>
        )}
      </Section>

      <Section title="Test this connection">
        <p className="text-sm">
          Signs you in at the provider and shows what it sends back. Nobody is signed in to Quorum by a test.
        </p>
        <a href={`/sso/${c.id}/start?purpose=test`} className={buttonClass('primary')}>
          Test this connection
        </a>
        <TestResult result={c.lastTest} at={c.lastTestedAt} stale={!c.testedSinceChange && c.lastTest?.ok === true} />
      </Section>

      <Section title="Domains">
        <DomainsForm connectionId={c.id} domains={c.domains} />
      </Section>

      <Section title="Group mapping">
        <p className="text-sm">
          At each sign-in (and each SCIM update), members of these groups get the role and department given here. With
          no matching group a new person is a requestor, and an existing one keeps their role.
        </p>
        {c.mappings.length > 0 && (
          <ul className="divide-y divide-zinc-200 dark:divide-zinc-800">
            {c.mappings.map((m) => (
              <li key={m.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
                <span className="break-words">
                  <strong>{m.groupName}</strong> → {m.role ?? 'role kept'}, {m.departmentName ?? 'department kept'}
                </span>
                <RemoveMappingButton connectionId={c.id} mappingId={m.id} groupName={m.groupName} />
              </li>
            ))}
          </ul>
        )}
        <GroupMappingForm connectionId={c.id} departments={departments} />
      </Section>

      <Section title="Enforce SSO">
        <EnforceForm connectionId={c.id} enforced={c.enforced} domains={c.domains} />
      </Section>

      <Section title="SCIM provisioning">
        <p className="text-sm">
          Your identity provider can create, update and deactivate people at{' '}
          <code className="break-all">{urls.scimBase}</code> with a bearer token.
          {c.hasScimToken && c.scimTokenCreatedAt
            ? ` A token was created on ${new Date(c.scimTokenCreatedAt).toISOString().slice(0, 10)}.`
            : ''}
        </p>
        <ScimTokenForm connectionId={c.id} hasToken={c.hasScimToken} />
      </Section>

      <Section title="Delete">
        <DeleteConnectionForm connectionId={c.id} name={c.name} />
      </Section>
    </div>
  );
}
