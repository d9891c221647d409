import 'server-only';
import { eq } from 'drizzle-orm';
import { db, transaction } from '@/db/client';
import { first } from '@/db/rows';
import { ssoConnections } from '@/db/schema';
import type { ActingUser } from '@/lib/auth/acting-user';
import { assertCan } from '@/lib/auth/permissions';
import { NotFoundError } from '@/lib/errors';
import { logEvent } from '@/lib/events/log.server';
import { hashToken, newToken, sameHash } from '@/lib/security/secrets.server';

/**
 * A new SCIM bearer token for a connection, shown to the admin once: only its hash is kept, and it
 * replaces the previous token at once (an IdP still holding the old one is refused from now on).
 */
export async function issueScimToken(actor: ActingUser, connectionId: number): Promise<string> {
  assertCan(actor, 'sso.manage');
  const token = newToken('scim_');
  const now = Date.now();
  await transaction(async (tx) => {
    const before = first(
      await tx
        .select({ scimTokenHash: ssoConnections.scimTokenHash })
        .from(ssoConnections)
        .where(eq(ssoConnections.id, connectionId)),
    );
    if (!before) throw new NotFoundError('This connection');
    await tx
      .update(ssoConnections)
      .set({ scimTokenHash: hashToken(token), scimTokenCreatedAt: now, updatedAt: now })
      .where(eq(ssoConnections.id, connectionId));
    await logEvent(tx, {
      actorId: actor.id,
      type: 'sso.scim_token_issued',
      subjectType: 'sso_connection',
      subjectId: connectionId,
      data: { replacedPrevious: before.scimTokenHash !== null },
    });
  });
  return token;
}

const BEARER = /^Bearer[ ]+([A-Za-z0-9._~+/=-]{1,200})$/i;

/**
 * The connection whose SCIM token the request carries, or null. The token is looked up by its
 * SHA-256 hash, so no comparison runs over the secret itself; the final compare is constant-time
 * anyway. A token works whether or not sign-in through the connection is switched on: an admin
 * provisions people before turning sign-in on, and must still be able to deprovision after.
 */
export async function authenticateScim(request: Request): Promise<{ connectionId: number } | null> {
  const match = BEARER.exec(request.headers.get('authorization')?.trim() ?? '');
  if (!match) return null;
  const hash = hashToken(match[1]);
  const row = first(
    await db
      .select({ id: ssoConnections.id, scimTokenHash: ssoConnections.scimTokenHash })
      .from(ssoConnections)
      .where(eq(ssoConnections.scimTokenHash, hash)),
  );
  if (!row?.scimTokenHash || !sameHash(row.scimTokenHash, hash)) return null;
  return { connectionId: row.id };
}
