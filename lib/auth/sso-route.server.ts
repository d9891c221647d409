import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { ssoConnections, ssoDomains } from '@/db/schema';
import { first } from '@/db/rows';

/** The part of an e-mail after its last @, lower case: what binds a person to a connection. */
export function emailDomain(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1).toLowerCase();
}

/**
 * Where the sign-in page sends an e-mail: the identity provider connected for its domain (the
 * connections themselves are managed in lib/sso). Here, below lib/sso, because password sign-in
 * needs it too: a domain whose SSO is enforced takes no password.
 */
export type SsoRoute = { connectionId: number; name: string; enforced: boolean };

/** The switched-on connection that signs in this e-mail's domain, or null. Unchecked: sign-in needs it before anyone is known. */
export async function ssoRouteForEmail(email: string): Promise<SsoRoute | null> {
  const domain = emailDomain(email.trim());
  if (!domain) return null;
  const row = first(
    await db
      .select({ connectionId: ssoConnections.id, name: ssoConnections.name, enforced: ssoConnections.enforced })
      .from(ssoDomains)
      .innerJoin(ssoConnections, eq(ssoConnections.id, ssoDomains.connectionId))
      .where(and(eq(ssoDomains.domain, domain), eq(ssoConnections.enabled, true))),
  );
  return row ?? null;
}

/** The switched-on connections, for the sign-in page's "Continue with …" buttons. */
export async function enabledConnections(): Promise<{ id: number; name: string }[]> {
  return db
    .select({ id: ssoConnections.id, name: ssoConnections.name })
    .from(ssoConnections)
    .where(eq(ssoConnections.enabled, true))
    .orderBy(asc(ssoConnections.name));
}
