import { db } from '@/db/client';
import { ssoConnections } from '@/db/schema';
import type { LoadedConnection, OidcSettings } from '@/lib/sso/connection';

/** An `sso_connections` row for an OIDC provider, and the connection as lib/sso receives it. */
export async function insertOidcConnection(opts: {
  settings: OidcSettings;
  clientSecret: string | null;
  enabled?: boolean;
}): Promise<Extract<LoadedConnection, { protocol: 'oidc' }>> {
  const now = Date.now();
  const [row] = await db
    .insert(ssoConnections)
    .values({
      name: `Test OIDC ${now}`,
      protocol: 'oidc',
      enabled: opts.enabled ?? true,
      config: opts.settings,
      // The flow receives the secret decrypted; the row's copy does not matter to it.
      secretCiphertext: null,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  return {
    id: row.id,
    name: row.name,
    protocol: 'oidc',
    enabled: row.enabled,
    allowIdpInitiated: row.allowIdpInitiated,
    settings: opts.settings,
    clientSecret: opts.clientSecret,
  };
}
