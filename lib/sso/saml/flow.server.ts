import 'server-only';
import crypto from 'node:crypto';
import { eq, lt } from 'drizzle-orm';
import { SAML, SamlStatusError, ValidateInResponseTo } from '@node-saml/node-saml';
import { db } from '@/db/client';
import { affectedRows } from '@/db/rows';
import { samlSeenAssertions } from '@/db/schema';
import { SsoRefusal, type SsoClaims } from '@/lib/sso/claims';
import type { LoadedConnection } from '@/lib/sso/connection';
import { consumeSsoRequest, createSsoRequest, type SsoRequest } from '@/lib/sso/requests.server';
import { checkAssertion, parseAnswer } from './answer.server';
import { claimsFromAssertion } from './attributes';
import { SP_NAME_ID_FORMAT, spCredentials, spEndpoints } from './sp.server';

export type SamlConnection = Extract<LoadedConnection, { protocol: 'saml' }>;

/**
 * node-saml configured for one connection. It signs requests and verifies signatures and the
 * audience; the checks that need our clock, our request table or our replay table (times,
 * InResponseTo, replay) are switched off here and done in completeSamlSignIn.
 */
async function samlClient(conn: SamlConnection, baseUrl: string, requestId?: string): Promise<SAML> {
  const { entityId, acsUrl } = spEndpoints(conn.id, baseUrl);
  const { certificatePem, privateKeyPem } = await spCredentials();
  return new SAML({
    entryPoint: conn.settings.idpSsoUrl,
    issuer: entityId,
    audience: entityId,
    callbackUrl: acsUrl,
    idpIssuer: conn.settings.idpEntityId,
    idpCert: conn.settings.idpCertificates,
    privateKey: privateKeyPem,
    publicCert: certificatePem,
    signatureAlgorithm: 'sha256',
    identifierFormat: SP_NAME_ID_FORMAT,
    // Asking for a password-based context makes IdPs refuse people who signed in with MFA or a passkey.
    disableRequestedAuthnContext: true,
    wantAssertionsSigned: true,
    // Entra ID and AD FS sign only the assertion by default; the assertion's signature is what we trust.
    wantAuthnResponseSigned: false,
    acceptedClockSkewMs: -1,
    validateInResponseTo: ValidateInResponseTo.never,
    generateUniqueId: () => requestId ?? `_${crypto.randomBytes(20).toString('hex')}`,
  });
}

/**
 * Starts a sign-in: a signed AuthnRequest sent by HTTP-Redirect. Its id is remembered as an
 * SsoRequest (with the purpose and where to go afterwards) and travels as RelayState too.
 */
export async function beginSamlSignIn(
  conn: SamlConnection,
  opts: { purpose: 'signin' | 'test'; nextPath: string | null; baseUrl: string },
): Promise<URL> {
  if (!conn.enabled && opts.purpose === 'signin') throw new SsoRefusal('disabled', 'the connection is switched off');
  const requestId = `_${crypto.randomBytes(20).toString('hex')}`;
  const saml = await samlClient(conn, opts.baseUrl, requestId);
  const url = await saml.getAuthorizeUrlAsync(requestId, undefined, {});
  await createSsoRequest({ id: requestId, connectionId: conn.id, purpose: opts.purpose, nextPath: opts.nextPath });
  return new URL(url);
}

/**
 * Verifies an answer POSTed to the ACS and returns who signed in. Refuses (SsoRefusal) anything not
 * signed by the connection's IdP for this ACS and audience, outside its validity window, already
 * used, answering a request not made here or already answered, or IdP-initiated when that is off.
 * `request` is null for an IdP-initiated sign-in; its `relayState` is then the IdP's, unchecked.
 */
export async function completeSamlSignIn(
  conn: SamlConnection,
  body: { SAMLResponse?: unknown; RelayState?: unknown },
  baseUrl: string,
  now = new Date(),
): Promise<{ claims: SsoClaims; request: SsoRequest | null; relayState: string | null }> {
  const answer = parseAnswer(body);
  const saml = await samlClient(conn, baseUrl);
  let assertionXml: string;
  try {
    const { profile } = await saml.validatePostResponseAsync({ SAMLResponse: answer.samlResponse });
    const xml = profile?.getAssertionXml?.();
    if (!xml) throw new Error('no assertion');
    assertionXml = xml;
  } catch (error) {
    if (error instanceof SamlStatusError) throw new SsoRefusal('provider_error', error.message.slice(0, 300));
    throw new SsoRefusal(
      'bad_answer',
      `the signature or audience did not verify: ${(error as Error).message.slice(0, 300)}`,
    );
  }

  // A missing or malformed skew must not become NaN, which would let every time check pass.
  const skewSeconds = conn.settings.clockSkewSeconds;
  const skewMs = (Number.isInteger(skewSeconds) && skewSeconds >= 0 && skewSeconds <= 600 ? skewSeconds : 120) * 1000;
  const facts = checkAssertion(assertionXml, answer.response, {
    idpEntityId: conn.settings.idpEntityId,
    acsUrl: spEndpoints(conn.id, baseUrl).acsUrl,
    nowMs: now.getTime(),
    skewMs,
  });
  const claims = claimsFromAssertion(facts.nameId, facts.attributes, conn.settings.groupsAttribute);

  if (!facts.inResponseTo && !conn.allowIdpInitiated)
    throw new SsoRefusal('idp_initiated_off', 'the answer replies to no request and IdP-initiated sign-in is off');
  await rememberAssertion(conn.id, facts.id, facts.expiresAt + skewMs, now.getTime());
  const request = facts.inResponseTo ? await consumeSsoRequest(facts.inResponseTo, conn.id, now.getTime()) : null;
  if (!conn.enabled && request?.purpose !== 'test') throw new SsoRefusal('disabled', 'the connection is switched off');
  return { claims, request, relayState: answer.relayState };
}

/**
 * Records an accepted assertion's id until it would have expired anyway, refusing one seen before:
 * a bearer assertion captured on its way to us must not sign anyone in a second time.
 */
async function rememberAssertion(connectionId: number, assertionId: string, expiresAt: number, nowMs: number) {
  await db.delete(samlSeenAssertions).where(lt(samlSeenAssertions.expiresAt, nowMs));
  const inserted = affectedRows(
    await db
      .insert(samlSeenAssertions)
      .values({ connectionId, assertionId, expiresAt })
      .onConflictDoNothing({ target: [samlSeenAssertions.connectionId, samlSeenAssertions.assertionId] }),
  );
  if (inserted === 0)
    throw new SsoRefusal('replayed', `assertion ${JSON.stringify(assertionId.slice(0, 80))} was already used`);
}

/** Seen assertion ids of a connection still remembered (for tests and the admin's diagnostics). */
export async function seenAssertionIds(connectionId: number): Promise<string[]> {
  const rows = await db
    .select({ id: samlSeenAssertions.assertionId })
    .from(samlSeenAssertions)
    .where(eq(samlSeenAssertions.connectionId, connectionId));
  return rows.map((r) => r.id);
}
