import crypto from 'node:crypto';
import zlib from 'node:zlib';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { samlSeenAssertions, ssoRequests } from '@/db/schema';
import { db } from '@/db/client';
import { first } from '@/db/rows';
import { startSamlIdp, type ResponseOptions, type SamlIdp } from '@/lib/testing/saml-idp';
import { makeSamlConnection } from '@/lib/testing/saml-connection';
import { decoded, edited, refusalOf } from '@/lib/testing/saml-answers';
import { beginSamlSignIn, completeSamlSignIn, seenAssertionIds, type SamlConnection } from './flow.server';
import { spCredentials, spEndpoints } from './sp.server';

const BASE = 'https://quorum.example';
let idp: SamlIdp;
let conn: SamlConnection;
let sp: { entityId: string; acsUrl: string };

beforeAll(async () => {
  idp = await startSamlIdp();
  conn = await makeSamlConnection(idp.metadataXml);
  sp = spEndpoints(conn.id, BASE);
}, 30_000);
afterAll(() => idp?.close());

async function started(c = conn, purpose: 'signin' | 'test' = 'signin'): Promise<string> {
  const url = await beginSamlSignIn(c, { purpose, nextPath: '/backlog', baseUrl: BASE });
  return url.searchParams.get('RelayState')!;
}
const answer = (inResponseTo: string | undefined, o: Partial<ResponseOptions> = {}) =>
  idp.response({ sp, inResponseTo, nameId: 'ann@example.com', email: 'ann@example.com', ...o });
const complete = (SAMLResponse: string, RelayState?: string, c = conn) =>
  completeSamlSignIn(c, { SAMLResponse, RelayState }, BASE);

describe('beginSamlSignIn', () => {
  it('redirects to the IdP with a signed AuthnRequest whose id is remembered and sent as RelayState', async () => {
    const url = await beginSamlSignIn(conn, { purpose: 'test', nextPath: '/admin', baseUrl: `${BASE}/` });
    expect(`${url.origin}${url.pathname}`).toBe(idp.ssoUrl);
    const id = url.searchParams.get('RelayState')!;
    const request = zlib.inflateRawSync(Buffer.from(url.searchParams.get('SAMLRequest')!, 'base64')).toString();
    expect(request).toContain(`ID="${id}"`);
    expect(request).toContain(`AssertionConsumerServiceURL="${sp.acsUrl}"`);
    expect(request).toContain(`>${sp.entityId}</saml:Issuer>`);
    expect(request).not.toContain('RequestedAuthnContext');

    const signed = ['SAMLRequest', 'RelayState', 'SigAlg']
      .map((k) => `${k}=${encodeURIComponent(url.searchParams.get(k)!)}`)
      .join('&');
    expect(url.searchParams.get('SigAlg')).toBe('http://www.w3.org/2001/04/xmldsig-more#rsa-sha256');
    const { certificatePem } = await spCredentials();
    const signature = Buffer.from(url.searchParams.get('Signature')!, 'base64');
    expect(crypto.verify('sha256', Buffer.from(signed), certificatePem, signature)).toBe(true);
    expect(crypto.verify('sha256', Buffer.from(signed + 'x'), certificatePem, signature)).toBe(false);

    const row = first(await db.select().from(ssoRequests).where(eq(ssoRequests.id, id)))!;
    expect(row).toMatchObject({ connectionId: conn.id, purpose: 'test', nextPath: '/admin', consumedAt: null });
  });

  it('refuses to start a sign-in on a switched-off connection, but lets the admin test it', async () => {
    const off = await makeSamlConnection(idp.metadataXml, { enabled: false });
    await refusalOf(() => beginSamlSignIn(off, { purpose: 'signin', nextPath: null, baseUrl: BASE }), 'disabled');
    const id = await started(off, 'test');
    const offSp = spEndpoints(off.id, BASE);
    const result = await complete(
      await idp.response({ sp: offSp, inResponseTo: id, nameId: 'ann@example.com' }),
      id,
      off,
    );
    expect(result.request).toMatchObject({ id, purpose: 'test' });
  });
});

describe('completeSamlSignIn accepts a genuine answer', () => {
  it('returns the claims and the request it answers, and consumes the request', async () => {
    const id = await started();
    const result = await complete(await answer(id, { name: 'Ann Lee', groups: ['eng', 'leads', 'eng'] }), id);
    expect(result).toEqual({
      claims: {
        subject: 'ann@example.com',
        email: 'ann@example.com',
        emailVerified: true,
        name: 'Ann Lee',
        groups: ['eng', 'leads'],
        raw: {
          nameId: 'ann@example.com',
          email: ['ann@example.com'],
          name: ['Ann Lee'],
          groups: ['eng', 'leads', 'eng'],
        },
      },
      request: { id, connectionId: conn.id, purpose: 'signin', nonce: null, codeVerifier: null, nextPath: '/backlog' },
      relayState: id,
    });
    const row = first(await db.select().from(ssoRequests).where(eq(ssoRequests.id, id)))!;
    expect(row.consumedAt).not.toBeNull();
  });

  it('accepts an answer whose assertion alone is signed (Entra ID’s default)', async () => {
    const id = await started();
    expect((await complete(await answer(id, { signResponse: false }))).request?.id).toBe(id);
  });

  it('takes the e-mail from an attribute when the NameID is an opaque id, and groups from the configured attribute', async () => {
    const entra = await makeSamlConnection(idp.metadataXml, {
      settings: { groupsAttribute: 'groups' },
    });
    const id = await started(entra);
    const result = await complete(
      await idp.response({
        sp: spEndpoints(entra.id, BASE),
        inResponseTo: id,
        nameId: 'AAAAAAAAAAAAAAAAAAAAAF-opaque',
        email: 'Bob@Example.com',
        groups: ['g1'],
      }),
      id,
      entra,
    );
    expect(result.claims).toMatchObject({
      subject: 'AAAAAAAAAAAAAAAAAAAAAF-opaque',
      email: 'bob@example.com',
      groups: ['g1'],
    });
  });

  it('reads the NameID as signed when a comment was slipped into it (the comment-truncation attack)', async () => {
    const id = await started();
    // Canonical XML leaves comments out of the digest, so the signature still verifies; a reader that
    // stopped at the comment would see "ann@example.com" and sign in the wrong person.
    const forged = edited(await answer(id, { nameId: 'ann@example.com.evil.io', email: undefined }), (xml) =>
      xml.replace('>ann@example.com.evil.io<', '>ann@example.com<!---->.evil.io<'),
    );
    expect(decoded(forged)).toContain('>ann@example.com<!---->.evil.io<');
    const result = await complete(forged);
    expect(result.claims).toMatchObject({ subject: 'ann@example.com.evil.io', email: 'ann@example.com.evil.io' });
  });

  it('refuses an assertion with no e-mail at all', async () => {
    const id = await started();
    const refusal = await refusalOf(
      async () => complete(await answer(id, { nameId: 'opaque-123', email: undefined })),
      'bad_answer',
    );
    expect(refusal.detail).toMatch(/no e-mail/);
  });
});

describe('completeSamlSignIn and the requests it answers', () => {
  it('refuses the same assertion twice (replayed) and remembers it until it expires', async () => {
    const id = await started();
    const once = await answer(id);
    await complete(once);
    await refusalOf(() => complete(once), 'replayed');
    const [seen] = await db.select().from(samlSeenAssertions).where(eq(samlSeenAssertions.connectionId, conn.id));
    // The fixture's assertions live five minutes; the clock skew is added so a slow clock cannot reopen the window.
    expect(seen.expiresAt).toBeGreaterThan(Date.now() + 5 * 60_000 + 60_000);
  });

  it('forgets assertions once they have expired', async () => {
    const id = await started();
    await complete(await answer(id));
    const before = await seenAssertionIds(conn.id);
    expect(before.length).toBeGreaterThan(0);
    // Half an hour later: the purge runs when the next answer is recorded (whose request has expired by then).
    const later = new Date(Date.now() + 30 * 60_000);
    const next = await answer(await started(), { notOnOrAfter: new Date(later.getTime() + 60_000) });
    await refusalOf(() => completeSamlSignIn(conn, { SAMLResponse: next }, BASE, later), 'unknown_request');
    const after = await seenAssertionIds(conn.id);
    expect(after.filter((a) => before.includes(a))).toEqual([]);
  });

  it('refuses an answer to a request never made here (unknown_request)', async () => {
    const refusal = await refusalOf(async () => complete(await answer('_never-made')), 'unknown_request');
    expect(refusal.detail).toContain('_never-made');
  });

  it('refuses a second answer to a request already answered (unknown_request)', async () => {
    const id = await started();
    await complete(await answer(id));
    const refusal = await refusalOf(async () => complete(await answer(id)), 'unknown_request');
    expect(refusal.detail).toBe('the sign-in request has already been answered');
  });

  it('refuses an answer to another connection’s request (unknown_request)', async () => {
    const other = await makeSamlConnection(idp.metadataXml);
    const id = await started(other);
    await refusalOf(async () => complete(await answer(id)), 'unknown_request');
  });

  it('refuses an IdP-initiated answer while that is off, and records nothing', async () => {
    const before = await seenAssertionIds(conn.id);
    await refusalOf(async () => complete(await answer(undefined), '/backlog'), 'idp_initiated_off');
    expect(await seenAssertionIds(conn.id)).toEqual(before);
  });

  it('accepts an IdP-initiated answer when allowed, with no request and the IdP’s RelayState', async () => {
    const open = await makeSamlConnection(idp.metadataXml, { allowIdpInitiated: true });
    const openSp = spEndpoints(open.id, BASE);
    const once = await idp.response({ sp: openSp, nameId: 'ann@example.com' });
    const result = await complete(once, '/meetings/3', open);
    expect(result).toMatchObject({ request: null, relayState: '/meetings/3', claims: { email: 'ann@example.com' } });
    await refusalOf(() => complete(once, '/meetings/3', open), 'replayed');
  });
});
