import 'server-only';
import crypto from 'node:crypto';
import { and, eq, isNull, lt } from 'drizzle-orm';
import { db } from '@/db/client';
import { ssoRequests } from '@/db/schema';
import { affectedRows, first } from '@/db/rows';
import { SsoRefusal } from './claims';

/** Long enough to type a password and pass a second factor at the IdP; short enough to be useless later. */
export const SSO_REQUEST_TTL_MS = 10 * 60_000;

export type SsoRequestPurpose = 'signin' | 'test';

export type SsoRequest = {
  id: string;
  connectionId: number;
  purpose: SsoRequestPurpose;
  nonce: string | null;
  codeVerifier: string | null;
  nextPath: string | null;
};

/**
 * Remembers a sign-in we start (OIDC: the `state`; SAML: the AuthnRequest id) so that its answer can
 * be matched to it exactly once. Returns the row, whose id is the state or request id to send.
 */
export async function createSsoRequest(
  input: Omit<SsoRequest, 'id' | 'nonce' | 'codeVerifier'> & { id?: string; nonce?: string; codeVerifier?: string },
  now = Date.now(),
): Promise<SsoRequest> {
  const row: SsoRequest = {
    id: input.id ?? `_${crypto.randomBytes(20).toString('hex')}`,
    connectionId: input.connectionId,
    purpose: input.purpose,
    nonce: input.nonce ?? null,
    codeVerifier: input.codeVerifier ?? null,
    nextPath: input.nextPath,
  };
  // Old rows are useless once expired; clearing them here keeps the table small without a job.
  await db.delete(ssoRequests).where(lt(ssoRequests.expiresAt, now - SSO_REQUEST_TTL_MS));
  await db.insert(ssoRequests).values({ ...row, createdAt: now, expiresAt: now + SSO_REQUEST_TTL_MS });
  return row;
}

/**
 * The request this answer replies to, marked used so it can never be answered twice. Refuses one
 * that is unknown, of another connection, expired or already used.
 */
export async function consumeSsoRequest(id: string, connectionId: number, now = Date.now()): Promise<SsoRequest> {
  const row = first(await db.select().from(ssoRequests).where(eq(ssoRequests.id, id)));
  if (!row || row.connectionId !== connectionId)
    throw new SsoRefusal(
      'unknown_request',
      `no sign-in request ${JSON.stringify(id.slice(0, 80))} for this connection`,
    );
  if (row.expiresAt < now) throw new SsoRefusal('unknown_request', 'the sign-in request has expired');
  const used = affectedRows(
    await db
      .update(ssoRequests)
      .set({ consumedAt: now })
      .where(and(eq(ssoRequests.id, id), isNull(ssoRequests.consumedAt))),
  );
  if (used === 0) throw new SsoRefusal('unknown_request', 'the sign-in request has already been answered');
  return {
    id: row.id,
    connectionId: row.connectionId,
    purpose: row.purpose,
    nonce: row.nonce,
    codeVerifier: row.codeVerifier,
    nextPath: row.nextPath,
  };
}

/** The request without consuming it (OIDC reads the connection from the state before verifying). */
export async function peekSsoRequest(id: string): Promise<{ connectionId: number; purpose: SsoRequestPurpose } | null> {
  const row = first(
    await db
      .select({ connectionId: ssoRequests.connectionId, purpose: ssoRequests.purpose })
      .from(ssoRequests)
      .where(eq(ssoRequests.id, id)),
  );
  return row ?? null;
}
