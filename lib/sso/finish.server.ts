import 'server-only';
import { redirect } from 'next/navigation';
import { signIn } from '@/lib/auth/auth.server';
import { safeNextPath } from '@/lib/auth/next-path';
import { SSO_REFUSALS, SsoRefusal, type SsoClaims } from './claims';
import { recordConnectionTest } from './connection-settings.server';
import type { LoadedConnection } from './connection';
import { logSsoRefusal, provisionSsoUser } from './provision.server';
import type { SsoRequest } from './requests.server';
import { issueSignInTicket } from '@/lib/auth/sign-in-tickets.server';

/** Where a refused sign-in lands: the sign-in page, saying why in the person's words. */
export function refusedSignInPath(reason: SsoRefusal['reason']): string {
  return `/signin?sso_error=${reason}`;
}

/**
 * The end of every SSO round trip, whatever the protocol, once the answer is verified:
 * - a test stores what was received on the connection's page and signs nobody in;
 * - a sign-in provisions the person (lib/sso/provision.server.ts) and hands them to next-auth with a
 *   one-use ticket; next-auth sets the session cookie and redirects to where they were going.
 */
export async function finishSsoSignIn(
  conn: LoadedConnection,
  claims: SsoClaims,
  request: SsoRequest | null,
  nextPath: string | null,
): Promise<never> {
  if (request?.purpose === 'test') {
    const { subject, email, emailVerified, name, groups, raw } = claims;
    await recordConnectionTest(conn.id, { ok: true, subject, email, emailVerified, name, groups, raw });
    redirect(`/admin/sign-in/${conn.id}`);
  }
  let userId: number;
  try {
    if (!conn.enabled) throw new SsoRefusal('disabled', 'the connection is switched off');
    userId = await provisionSsoUser(conn.id, claims);
  } catch (error) {
    if (!(error instanceof SsoRefusal)) throw error;
    await logSsoRefusal(conn.id, error, claims.email);
    redirect(refusedSignInPath(error.reason));
  }
  const ticket = await issueSignInTicket(userId, conn.protocol, conn.id);
  await signIn('sso-ticket', { ticket, redirectTo: safeNextPath(request?.nextPath ?? nextPath) });
  throw new Error('next-auth did not redirect after signing in');
}

/** A refused answer: logged; a test records it on the connection's page, a sign-in tells the person. */
export async function refuseSsoAnswer(
  connectionId: number,
  refusal: SsoRefusal,
  purpose: 'signin' | 'test' | null,
): Promise<never> {
  if (purpose === 'test') {
    await recordConnectionTest(connectionId, {
      ok: false,
      reason: refusal.reason,
      message: SSO_REFUSALS[refusal.reason],
      detail: refusal.detail.slice(0, 500),
    });
    redirect(`/admin/sign-in/${connectionId}`);
  }
  await logSsoRefusal(connectionId, refusal);
  redirect(refusedSignInPath(refusal.reason));
}
