import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SsoRefusalReason } from '@/lib/sso/claims';
import { startSamlIdp, type ResponseOptions, type SamlIdp } from '@/lib/testing/saml-idp';
import { makeSamlConnection } from '@/lib/testing/saml-connection';
import { assertionOf, edited, encoded, refusalOf } from '@/lib/testing/saml-answers';
import { beginSamlSignIn, completeSamlSignIn, seenAssertionIds, type SamlConnection } from './flow.server';
import { spEndpoints } from './sp.server';

/**
 * Every way an answer must be refused. Each refused answer is followed by the genuine answer to the
 * same request, which must still work: a refusal consumes nothing and records nothing.
 */
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

async function started(): Promise<string> {
  const url = await beginSamlSignIn(conn, { purpose: 'signin', nextPath: null, baseUrl: BASE });
  return url.searchParams.get('RelayState')!;
}
const answer = (requestId: string, o: Partial<ResponseOptions> = {}) =>
  idp.response({ sp, inResponseTo: requestId, nameId: 'ann@example.com', email: 'ann@example.com', ...o });
const complete = (SAMLResponse: unknown, now?: Date) =>
  completeSamlSignIn(conn, { SAMLResponse, RelayState: 'r' }, BASE, now);

async function refusedThenGenuineWorks(
  requestId: string,
  samlResponse: string,
  reason: SsoRefusalReason = 'bad_answer',
) {
  const seen = await seenAssertionIds(conn.id);
  const refusal = await refusalOf(() => complete(samlResponse), reason);
  expect(await seenAssertionIds(conn.id)).toEqual(seen);
  const genuine = await complete(await answer(requestId));
  expect(genuine.request?.id).toBe(requestId);
  return refusal;
}

describe('completeSamlSignIn refuses a forged or altered answer', () => {
  it('refuses content changed after signing (bad signature)', async () => {
    const id = await started();
    const forged = edited(await answer(id), (xml) => xml.replaceAll('ann@example.com', 'eve@example.com'));
    expect((await refusedThenGenuineWorks(id, forged)).detail).toMatch(/did not verify: Invalid signature/);
  });

  it('refuses a second, unsigned assertion injected next to the signed one', async () => {
    const id = await started();
    const forged = edited(await answer(id, { signResponse: false }), (xml) => {
      const evil = assertionOf(xml)
        .replace(/<ds:Signature[\s\S]*<\/ds:Signature>/, '')
        .replace(/ID="[^"]+"/, 'ID="_evil"')
        .replaceAll('ann@example.com', 'eve@example.com');
      return xml.replace('</samlp:Response>', `${evil}</samlp:Response>`);
    });
    expect((await refusedThenGenuineWorks(id, forged)).detail).toMatch(/multiple assertions/);
  });

  it('refuses the signed assertion moved aside (Extensions) with an unsigned one in its place', async () => {
    const id = await started();
    const forged = edited(await answer(id, { signResponse: false }), (xml) => {
      const signed = assertionOf(xml);
      const evil = signed
        .replace(/<ds:Signature[\s\S]*<\/ds:Signature>/, '')
        .replace(/ID="[^"]+"/, 'ID="_evil"')
        .replaceAll('ann@example.com', 'eve@example.com');
      return xml.replace(signed, `<samlp:Extensions>${signed}</samlp:Extensions>${evil}`);
    });
    expect((await refusedThenGenuineWorks(id, forged)).detail).toMatch(/Invalid signature/);
  });

  it('refuses the signed assertion wrapped inside an unsigned one', async () => {
    const id = await started();
    const forged = edited(await answer(id, { signResponse: false }), (xml) => {
      const signed = assertionOf(xml);
      const evil = signed
        .replace(/<ds:Signature[\s\S]*<\/ds:Signature>/, signed)
        .replace(/ID="[^"]+"/, 'ID="_evil"')
        .replace('ann@example.com', 'eve@example.com');
      return xml.replace(signed, evil);
    });
    expect((await refusedThenGenuineWorks(id, forged)).detail).toMatch(/Invalid signature/);
  });

  it('refuses an unsigned assertion, even in a signed response', async () => {
    const id = await started();
    expect(
      (await refusedThenGenuineWorks(id, await answer(id, { signAssertion: false, signResponse: true }))).detail,
    ).toMatch(/Invalid signature/);
  });

  it('refuses an answer with nothing signed', async () => {
    const id = await started();
    expect(
      (await refusedThenGenuineWorks(id, await answer(id, { signAssertion: false, signResponse: false }))).detail,
    ).toMatch(/Invalid signature/);
  });

  it('refuses an answer signed by a key not in the connection’s metadata', async () => {
    const id = await started();
    expect((await refusedThenGenuineWorks(id, await answer(id, { key: 'other' }))).detail).toMatch(/Invalid signature/);
  });

  it('refuses an assertion issued by another entity, though signed with the known key', async () => {
    const id = await started();
    const refusal = await refusedThenGenuineWorks(id, await answer(id, { issuer: 'https://evil.example/idp' }));
    expect(refusal.detail).toContain('https://evil.example/idp');
  });

  it('refuses an assertion for another audience', async () => {
    const id = await started();
    const refusal = await refusedThenGenuineWorks(id, await answer(id, { audience: 'https://other-app.example' }));
    expect(refusal.detail).toMatch(/audience/i);
  });

  it('refuses an assertion whose Recipient is another ACS', async () => {
    const id = await started();
    const refusal = await refusedThenGenuineWorks(id, await answer(id, { recipient: `${BASE}/sso/saml/999/acs` }));
    expect(refusal.detail).toMatch(/Recipient/);
  });

  it('refuses a response addressed (Destination) to another ACS', async () => {
    const id = await started();
    const other = `${BASE}/sso/saml/999/acs`;
    const forged = edited(await answer(id, { signResponse: false }), (xml) =>
      xml.replace(/Destination="[^"]+"/, `Destination="${other}"`),
    );
    expect((await refusedThenGenuineWorks(id, forged)).detail).toMatch(/addressed to/);
  });

  it('refuses an unsigned response whose InResponseTo differs from the signed assertion’s', async () => {
    const id = await started();
    const forged = edited(await answer(id, { signResponse: false }), (xml) =>
      xml.replace(/(<samlp:Response[^>]*InResponseTo=")[^"]+"/, '$1_another"'),
    );
    await refusedThenGenuineWorks(id, forged);
  });
});

describe('completeSamlSignIn and time', () => {
  const T = new Date(Date.now() + 1000);
  const at = (seconds: number) => new Date(T.getTime() + seconds * 1000);

  it('refuses an assertion expired by more than the clock skew, accepts one within it', async () => {
    const id = await started();
    const expired = await answer(id, { notBefore: at(-600), notOnOrAfter: at(-121) });
    const refusal = await refusalOf(() => complete(expired, T), 'bad_answer');
    expect(refusal.detail).toMatch(/expired at .* \(clock skew allowed: 120 s\)/);
    const late = await complete(await answer(id, { notBefore: at(-600), notOnOrAfter: at(-119) }), T);
    expect(late.request?.id).toBe(id);
  });

  it('uses the default skew when the stored one is malformed, rather than skipping the time checks', async () => {
    const broken = { ...conn, settings: { ...conn.settings, clockSkewSeconds: undefined as unknown as number } };
    const id = await started();
    const expired = await answer(id, { notBefore: at(-600), notOnOrAfter: at(-121) });
    const refusal = await refusalOf(() => completeSamlSignIn(broken, { SAMLResponse: expired }, BASE, T), 'bad_answer');
    expect(refusal.detail).toMatch(/expired at/);
  });

  it('refuses an assertion not valid yet by more than the clock skew, accepts one within it', async () => {
    const id = await started();
    const early = await answer(id, { notBefore: at(121), notOnOrAfter: at(600) });
    expect((await refusalOf(() => complete(early, T), 'bad_answer')).detail).toMatch(/not valid before/);
    const soon = await complete(await answer(id, { notBefore: at(119), notOnOrAfter: at(600) }), T);
    expect(soon.request?.id).toBe(id);
  });
});

describe('completeSamlSignIn refuses what is not a SAML answer, never failing with a 500', () => {
  const provider = (status: string) =>
    encoded(
      `<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="_x" Version="2.0" IssueInstant="2026-01-01T00:00:00Z"><samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:${status}"/><samlp:StatusMessage>User not assigned</samlp:StatusMessage></samlp:Status></samlp:Response>`,
    );

  it.each([
    ['missing', undefined, /no SAMLResponse/],
    ['empty', '', /no SAMLResponse/],
    ['not text', { a: 1 }, /no SAMLResponse/],
    ['not base64', 'not base64 at all!', /not base64/],
    ['base64 of text', encoded('hello'), /not base64 of XML/],
    ['broken XML', encoded('<samlp:Response><unclosed>'), /not well-formed XML/],
    ['a DOCTYPE', encoded('<!DOCTYPE r [<!ENTITY x "y">]><r>&x;</r>'), /not well-formed XML/],
    ['another document', encoded('<html xmlns="http://www.w3.org/1999/xhtml"/>'), /not a SAML Response/],
    [
      'a Response with no Status',
      encoded('<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="_x" Version="2.0"/>'),
      /no Status/,
    ],
  ])('refuses a SAMLResponse that is %s (bad_answer)', async (_label, value, detail) => {
    expect((await refusalOf(() => complete(value), 'bad_answer')).detail).toMatch(detail);
  });

  it('refuses an over-long RelayState', async () => {
    await refusalOf(
      () => completeSamlSignIn(conn, { SAMLResponse: 'PA==', RelayState: 'x'.repeat(3000) }, BASE),
      'bad_answer',
    );
  });

  it('reports an IdP’s error status as provider_error, with its code and message for the admin', async () => {
    const refusal = await refusalOf(() => complete(provider('Responder')), 'provider_error');
    expect(refusal.detail).toBe('the identity provider answered Responder: User not assigned');
  });
});
