import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beginSamlSignIn, completeSamlSignIn, type SamlConnection } from '@/lib/sso/saml/flow.server';
import { fetchIdpMetadata, parseIdpMetadata } from '@/lib/sso/saml/metadata.server';
import { spCredentials, spEndpoints } from '@/lib/sso/saml/sp.server';
import { startSamlIdp, type SamlIdp } from './saml-idp';
import { makeSamlConnection } from './saml-connection';

/** The test IdP as a browser meets it: metadata, sign-in page, auto-posting form. */
const BASE = 'https://quorum.example';
let idp: SamlIdp;
let conn: SamlConnection;

beforeAll(async () => {
  idp = await startSamlIdp({ autoSubmit: false });
  conn = await makeSamlConnection(await fetchIdpMetadata(idp.metadataUrl), { allowIdpInitiated: true });
}, 30_000);
afterAll(() => idp?.close());

/** The hidden fields of the form the IdP answers with, and where it posts them. */
function postedForm(html: string) {
  const field = (name: string) => html.match(new RegExp(`name="${name}" value="([^"]*)"`))?.[1] ?? null;
  return {
    action: html.match(/<form method="post" action="([^"]+)"/)?.[1],
    SAMLResponse: field('SAMLResponse')!,
    RelayState: field('RelayState')?.replace(/&amp;/g, '&') ?? null,
  };
}

describe('the test IdP', () => {
  it('publishes metadata Quorum accepts: its entity id, Redirect SSO URL and signing certificate', async () => {
    const parsed = parseIdpMetadata(await fetchIdpMetadata(idp.metadataUrl));
    expect(parsed).toEqual({
      idpEntityId: idp.entityId,
      idpSsoUrl: idp.ssoUrl,
      idpCertificates: [idp.certificatePem.replace(/-----[^-]+-----|\s+/g, '')],
    });
  });

  it('signs a person in: sign-in page, e-mail, form posted to the ACS with RelayState', async () => {
    const sp = spEndpoints(conn.id, BASE);
    idp.registerSp({ ...sp, certificatePem: (await spCredentials()).certificatePem });
    idp.setUser('cleo@example.com', { name: 'Cleo Park', groups: ['design', 'leads'] });
    const start = await beginSamlSignIn(conn, { purpose: 'signin', nextPath: '/meetings', baseUrl: BASE });

    const page = await (await fetch(start)).text();
    expect(page).toContain('<label for="email">E-mail</label>');
    expect(page).toContain('<input id="email" name="email" type="email"');
    expect(page).toContain('<button type="submit">Sign in</button>');
    const [received] = idp.received();
    expect(received).toMatchObject({ acsUrl: sp.acsUrl, issuer: sp.entityId, signatureValid: true });

    const form = new URLSearchParams({
      SAMLRequest: start.searchParams.get('SAMLRequest')!,
      RelayState: start.searchParams.get('RelayState')!,
      email: 'cleo@example.com',
    });
    const answerPage = await (
      await fetch(`${new URL(idp.ssoUrl).origin}/sso/login`, { method: 'POST', body: form })
    ).text();
    expect(answerPage).toContain('<button type="submit">Continue</button>');
    expect(answerPage).not.toContain('<script>');
    const posted = postedForm(answerPage);
    expect(posted.action).toBe(sp.acsUrl);
    expect(posted.RelayState).toBe(received.id);

    const result = await completeSamlSignIn(conn, posted, BASE);
    expect(result.claims).toMatchObject({ email: 'cleo@example.com', name: 'Cleo Park', groups: ['design', 'leads'] });
    expect(result.request).toMatchObject({ id: received.id, nextPath: '/meetings' });
  });

  it('refuses a request whose signature does not verify with the registered SP certificate', async () => {
    const start = await beginSamlSignIn(conn, { purpose: 'signin', nextPath: null, baseUrl: BASE });
    start.searchParams.set('RelayState', 'changed');
    const response = await fetch(start);
    expect(response.status).toBe(400);
    expect(idp.received().at(-1)?.signatureValid).toBe(false);
  });

  it('starts a sign-in itself (IdP-initiated) with no request', async () => {
    const sp = spEndpoints(conn.id, BASE);
    const html = await (
      await fetch(
        idp.idpInitiatedUrl({
          spEntityId: sp.entityId,
          acsUrl: sp.acsUrl,
          email: 'dan@example.com',
          relayState: '/backlog?x=1',
        }),
      )
    ).text();
    const posted = postedForm(html);
    expect(posted.action).toBe(sp.acsUrl);
    const result = await completeSamlSignIn(conn, posted, BASE);
    expect(result).toMatchObject({ request: null, relayState: '/backlog?x=1', claims: { email: 'dan@example.com' } });
  });
});
