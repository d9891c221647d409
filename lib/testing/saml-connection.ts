import { db } from '@/db/client';
import { ssoConnections } from '@/db/schema';
import type { SamlSettings } from '@/lib/sso/connection';
import type { SamlConnection } from '@/lib/sso/saml/flow.server';
import { parseIdpMetadata } from '@/lib/sso/saml/metadata.server';

/** A stored SAML connection to this IdP metadata, as lib/sso receives it (enabled unless told otherwise). */
export async function makeSamlConnection(
  metadataXml: string,
  opts: { enabled?: boolean; allowIdpInitiated?: boolean; settings?: Partial<SamlSettings> } = {},
): Promise<SamlConnection> {
  const settings: SamlSettings = {
    ...parseIdpMetadata(metadataXml),
    metadataUrl: null,
    groupsAttribute: 'groups',
    clockSkewSeconds: 120,
    ...opts.settings,
  };
  const now = Date.now();
  const [row] = await db
    .insert(ssoConnections)
    .values({
      name: 'Test IdP',
      protocol: 'saml',
      enabled: opts.enabled ?? true,
      allowIdpInitiated: opts.allowIdpInitiated ?? false,
      config: settings,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: ssoConnections.id });
  return {
    id: row.id,
    name: 'Test IdP',
    protocol: 'saml',
    enabled: opts.enabled ?? true,
    allowIdpInitiated: opts.allowIdpInitiated ?? false,
    settings,
  };
}
