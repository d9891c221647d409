import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { generate } from 'selfsigned';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ValidationError } from '@/lib/errors';
import { startSamlIdp, type SamlIdp } from '@/lib/testing/saml-idp';
import { fetchIdpMetadata, parseIdpMetadata, SamlSettingsInputSchema } from './metadata.server';

const REDIRECT = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect';
const POST = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST';
const body = (pem: string) => pem.replace(/-----[^-]+-----|\s+/g, '');

/** IdP metadata as Okta or Entra publish it, with the certificates and bindings given. */
function metadata(o: { certs: { body: string; use?: string }[]; bindings?: string[]; root?: string }): string {
  const keys = o.certs
    .map(
      (c) =>
        `<md:KeyDescriptor${c.use ? ` use="${c.use}"` : ''}><ds:KeyInfo><ds:X509Data><ds:X509Certificate>${c.body}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>`,
    )
    .join('');
  const sso = (o.bindings ?? [REDIRECT])
    .map((b) => `<md:SingleSignOnService Binding="${b}" Location="https://idp.example/sso"/>`)
    .join('');
  return `<md:${o.root ?? 'EntityDescriptor'} xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" entityID="https://idp.example/entity"><md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">${keys}${sso}</md:IDPSSODescriptor></md:${o.root ?? 'EntityDescriptor'}>`;
}

let current: string;
let expired: string;
let idp: SamlIdp;
beforeAll(async () => {
  current = body((await generate(undefined, { keySize: 2048, algorithm: 'sha256' })).cert);
  expired = body(
    (
      await generate(undefined, {
        keySize: 2048,
        algorithm: 'sha256',
        notBeforeDate: new Date('2024-01-01T00:00:00Z'),
        notAfterDate: new Date('2025-03-01T00:00:00Z'),
      })
    ).cert,
  );
  idp = await startSamlIdp();
}, 30_000);
afterAll(() => idp?.close());

function metadataMessage(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).fieldErrors.metadata.join(' ');
  }
  throw new Error('expected the metadata to be refused');
}

describe('parseIdpMetadata', () => {
  it('reads the entity id, the HTTP-Redirect SSO URL and the signing certificates', () => {
    const xml = metadata({
      certs: [
        { body: current, use: 'signing' },
        { body: expired, use: 'encryption' },
      ],
      bindings: [POST, REDIRECT],
    });
    expect(parseIdpMetadata(xml)).toEqual({
      idpEntityId: 'https://idp.example/entity',
      idpSsoUrl: 'https://idp.example/sso',
      idpCertificates: [current],
    });
  });

  it('reads the test IdP’s own metadata (samlify)', () => {
    expect(parseIdpMetadata(idp.metadataXml)).toMatchObject({ idpEntityId: idp.entityId, idpSsoUrl: idp.ssoUrl });
  });

  it('keeps a certificate with no use (it signs too) and drops expired ones next to a current one', () => {
    const xml = metadata({ certs: [{ body: expired }, { body: current }] });
    expect(parseIdpMetadata(xml).idpCertificates).toEqual([current]);
  });

  it.each([
    ['empty', '  ', /Paste/],
    ['not XML', 'this is not xml', /not well-formed XML/],
    ['broken XML', '<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata">', /not well-formed XML/],
    ['XML with a DOCTYPE', '<!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>', /not well-formed XML/],
    ['another XML document', '<html><body/></html>', /not SAML metadata/],
    [
      'a service provider’s metadata',
      '<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="x"><md:SPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol"/></md:EntityDescriptor>',
      /no IDPSSODescriptor/,
    ],
  ])('refuses %s', (_label, xml, message) => {
    expect(metadataMessage(() => parseIdpMetadata(xml))).toMatch(message);
  });

  it('refuses metadata with no signing certificate', () => {
    const xml = metadata({ certs: [{ body: current, use: 'encryption' }] });
    expect(metadataMessage(() => parseIdpMetadata(xml))).toBe(
      'The metadata has no signing certificate for the identity provider.',
    );
  });

  it('refuses a certificate that is not one', () => {
    expect(metadataMessage(() => parseIdpMetadata(metadata({ certs: [{ body: 'AAAA' }] })))).toMatch(
      /not a valid X.509/,
    );
  });

  it('refuses an expired signing certificate, naming the date it expired', () => {
    expect(metadataMessage(() => parseIdpMetadata(metadata({ certs: [{ body: expired }] })))).toBe(
      'The identity provider’s signing certificate expired on 2025-03-01.',
    );
    const two = metadata({ certs: [{ body: expired }, { body: current }] });
    const later = new Date(Date.now() + 3 * 365 * 24 * 3600_000);
    expect(metadataMessage(() => parseIdpMetadata(two, later))).toMatch(
      /Every signing certificate .* has expired \(the last on \d{4}-\d\d-\d\d\)/,
    );
  });

  it('refuses metadata without an HTTP-Redirect SingleSignOnService, saying when only HTTP-POST is offered', () => {
    expect(metadataMessage(() => parseIdpMetadata(metadata({ certs: [{ body: current }], bindings: [] })))).toMatch(
      /no SingleSignOnService/,
    );
    expect(metadataMessage(() => parseIdpMetadata(metadata({ certs: [{ body: current }], bindings: [POST] })))).toMatch(
      /only by HTTP-POST/,
    );
  });

  it('refuses metadata over 1 MB before parsing it', () => {
    const huge = metadata({ certs: [{ body: current }] }).replace(
      '<md:IDPSSODescriptor',
      `<!--${'x'.repeat(1024 * 1024)}--><md:IDPSSODescriptor`,
    );
    expect(metadataMessage(() => parseIdpMetadata(huge))).toMatch(/larger than 1 MB/);
  });
});

describe('fetchIdpMetadata', () => {
  let server: http.Server;
  let origin: string;
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      if (req.url === '/big') return res.end('x'.repeat(1024 * 1024 + 10));
      res.writeHead(404).end('no');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  async function urlMessage(url: string): Promise<string> {
    try {
      await fetchIdpMetadata(url);
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      return (error as ValidationError).fieldErrors.metadataUrl.join(' ');
    }
    throw new Error('expected the URL to be refused');
  }

  it('downloads metadata', async () => {
    expect(await fetchIdpMetadata(idp.metadataUrl)).toBe(idp.metadataXml);
  });

  it('refuses an unreachable URL, an error status, an oversized answer and a non-http URL', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    expect(await urlMessage(`http://127.0.0.1:${port}/metadata`)).toBe(
      'The metadata could not be downloaded: unreachable.',
    );
    expect(await urlMessage(`${origin}/missing`)).toBe(
      'The metadata could not be downloaded: the server answered 404.',
    );
    expect(await urlMessage(`${origin}/big`)).toMatch(/larger than 1 MB/);
    expect(await urlMessage('file:///etc/passwd')).toMatch(/must start with https:\/\/ or http:\/\//);
    expect(await urlMessage('')).toBe('Enter the metadata URL.');
  });
});

describe('SamlSettingsInputSchema', () => {
  it('defaults blank fields and reads numbers sent as text', () => {
    expect(SamlSettingsInputSchema.parse({ groupsAttribute: '', clockSkewSeconds: '' })).toEqual({
      groupsAttribute: 'groups',
      clockSkewSeconds: 120,
    });
    expect(SamlSettingsInputSchema.parse({})).toEqual({ groupsAttribute: 'groups', clockSkewSeconds: 120 });
    expect(SamlSettingsInputSchema.parse({ groupsAttribute: ' memberOf ', clockSkewSeconds: '30' })).toEqual({
      groupsAttribute: 'memberOf',
      clockSkewSeconds: 30,
    });
  });

  it.each([['601'], ['-1'], ['1.5'], ['abc'], ['1e2']])('refuses a clock skew of %s, naming the field', (value) => {
    const result = SamlSettingsInputSchema.safeParse({ clockSkewSeconds: value });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]).toMatchObject({
      path: ['clockSkewSeconds'],
      message: 'Clock skew must be a whole number of seconds from 0 to 600.',
    });
  });

  it('refuses a groups attribute on several lines', () => {
    const result = SamlSettingsInputSchema.safeParse({ groupsAttribute: 'a\nb' });
    expect(result.error!.issues[0].path).toEqual(['groupsAttribute']);
  });
});
