/**
 * A real SAML 2.0 identity provider for tests, on samlify: it publishes metadata, takes an
 * AuthnRequest by HTTP-Redirect, shows a sign-in page (an "E-mail" field, a "Sign in" button) and
 * POSTs a signed Response to the SP's ACS, as Okta or Entra ID would. It also signs whatever
 * Response a unit test asks for, including broken ones. Its keys are made at start-up.
 */
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { DOMParser } from '@xmldom/xmldom';
import { generate } from 'selfsigned';
// samlify is CommonJS: a default import works under vitest, tsx and Playwright's loader alike.
import samlify from 'samlify';

const { IdentityProvider, Utility, setSchemaValidator } = samlify;
import { responseXml, signResponse, type ResponseOptions, type SigningKey } from './saml-idp-response';

// samlify wants an XML schema validator before it parses anything. This IdP trusts its test SPs;
// Quorum's own SP code never uses samlify.
setSchemaValidator({ validate: async () => 'ok' });

const REDIRECT = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect';
const POST = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST';

export type { ResponseOptions };
export type ReceivedRequest = {
  id: string;
  issuer: string;
  acsUrl: string;
  relayState: string | null;
  /** Checked against a registered SP's certificate; null when none was registered. */
  signatureValid: boolean | null;
};
type SpRegistration = { entityId: string; acsUrl: string; certificatePem?: string };
type User = { name?: string; groups?: string[] };

async function signingKey(commonName: string): Promise<SigningKey> {
  const made = await generate([{ name: 'commonName', value: commonName }], { keySize: 2048, algorithm: 'sha256' });
  return { privateKeyPem: made.private, certificatePem: made.cert };
}

const esc = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const page = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(title)}</title></head><body><main><h1>${esc(title)}</h1>${body}</main></body></html>`;
const hidden = (name: string, value: string | null) =>
  value === null ? '' : `<input type="hidden" name="${name}" value="${esc(value)}">`;

/** The request's id, issuer and ACS, from the deflated base64 SAMLRequest of the Redirect binding. */
function readAuthnRequest(samlRequest: string): { id: string; issuer: string; acsUrl: string | null } {
  const xml = Utility.inflateString(samlRequest);
  const root = new DOMParser().parseFromString(xml, 'text/xml').documentElement;
  if (!root || root.localName !== 'AuthnRequest') throw new Error('not an AuthnRequest');
  const issuer = root.getElementsByTagNameNS('urn:oasis:names:tc:SAML:2.0:assertion', 'Issuer')[0];
  return {
    id: root.getAttribute('ID') ?? '',
    issuer: (issuer?.textContent ?? '').trim(),
    acsUrl: root.getAttribute('AssertionConsumerServiceURL') || null,
  };
}

/** Verifies the Redirect binding's signature over the query's parameters, as they were encoded. */
function redirectSignatureValid(rawQuery: string, certificatePem: string): boolean {
  const raw = new Map(rawQuery.split('&').map((p) => [p.split('=')[0], p.slice(p.indexOf('=') + 1)] as const));
  const signature = raw.get('Signature');
  const sigAlg = raw.get('SigAlg');
  if (!signature || !sigAlg) return false;
  const signed = ['SAMLRequest', 'RelayState', 'SigAlg']
    .filter((k) => raw.has(k))
    .map((k) => `${k}=${raw.get(k)}`)
    .join('&');
  const alg = decodeURIComponent(sigAlg).endsWith('rsa-sha256') ? 'sha256' : 'sha1';
  return crypto.verify(alg, Buffer.from(signed), certificatePem, Buffer.from(decodeURIComponent(signature), 'base64'));
}

async function formBody(req: http.IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

export async function startSamlIdp(opts: { port?: number; registerSp?: SpRegistration[]; autoSubmit?: boolean } = {}) {
  const [idpKey, otherKey] = await Promise.all([signingKey('Test IdP'), signingKey('Someone else')]);
  const users = new Map<string, User>();
  const sps = new Map((opts.registerSp ?? []).map((sp) => [sp.entityId, sp]));
  const received: ReceivedRequest[] = [];
  let origin = '';

  /** Builds and signs a Response; base64, ready to POST as SAMLResponse. */
  async function response(o: ResponseOptions): Promise<string> {
    const xml = responseXml(o, `${origin}/metadata`);
    const key = o.key === 'other' ? otherKey : idpKey;
    return Buffer.from(
      signResponse(xml, key, { assertion: o.signAssertion ?? true, response: o.signResponse ?? true }),
    ).toString('base64');
  }

  /** What the IdP sends after a person signs in: the user's e-mail, name and groups, signed. */
  async function answerFor(sp: { entityId: string; acsUrl: string }, email: string, inResponseTo?: string) {
    const user = users.get(email.toLowerCase()) ?? {};
    return response({ sp, inResponseTo, nameId: email, email, name: user.name, groups: user.groups ?? [] });
  }

  const autoPost = (acsUrl: string, samlResponse: string, relayState: string | null) =>
    page(
      'Signing you in',
      `<form method="post" action="${esc(acsUrl)}">${hidden('SAMLResponse', samlResponse)}${hidden('RelayState', relayState)}<button type="submit">Continue</button></form>` +
        (opts.autoSubmit === false ? '' : '<script>document.forms[0].submit()</script>'),
    );

  async function handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const url = new URL(req.url ?? '/', origin);
    const send = (status: number, type: string, body: string) =>
      res.writeHead(status, { 'content-type': `${type}; charset=utf-8` }).end(body);
    if (req.method === 'GET' && url.pathname === '/metadata')
      return send(200, 'application/samlmetadata+xml', metadataXml);
    if (req.method === 'GET' && url.pathname === '/sso') {
      const samlRequest = url.searchParams.get('SAMLRequest') ?? '';
      const request = readAuthnRequest(samlRequest);
      const sp = sps.get(request.issuer);
      if (sps.size > 0 && (!sp || (request.acsUrl && request.acsUrl !== sp.acsUrl)))
        return send(400, 'text/html', page('Unknown service provider', `<p>${esc(request.issuer)}</p>`));
      const relayState = url.searchParams.get('RelayState');
      const signatureValid = sp?.certificatePem ? redirectSignatureValid(url.search.slice(1), sp.certificatePem) : null;
      received.push({
        id: request.id,
        issuer: request.issuer,
        acsUrl: request.acsUrl ?? sp?.acsUrl ?? '',
        relayState,
        signatureValid,
      });
      if (signatureValid === false) return send(400, 'text/html', page('Bad request signature', ''));
      return send(
        200,
        'text/html',
        page(
          'Sign in to the test IdP',
          `<form method="post" action="/sso/login">${hidden('SAMLRequest', samlRequest)}${hidden('RelayState', relayState)}` +
            `<p><label for="email">E-mail</label> <input id="email" name="email" type="email" autocomplete="username" required></p>` +
            `<button type="submit">Sign in</button></form>`,
        ),
      );
    }
    if (req.method === 'POST' && url.pathname === '/sso/login') {
      const form = await formBody(req);
      const request = readAuthnRequest(form.get('SAMLRequest') ?? '');
      const acsUrl = request.acsUrl ?? sps.get(request.issuer)?.acsUrl ?? '';
      const samlResponse = await answerFor({ entityId: request.issuer, acsUrl }, form.get('email') ?? '', request.id);
      return send(200, 'text/html', autoPost(acsUrl, samlResponse, form.get('RelayState')));
    }
    if (req.method === 'GET' && url.pathname === '/idp-initiated') {
      const sp = { entityId: url.searchParams.get('sp') ?? '', acsUrl: url.searchParams.get('acs') ?? '' };
      const samlResponse = await answerFor(sp, url.searchParams.get('email') ?? '');
      return send(200, 'text/html', autoPost(sp.acsUrl, samlResponse, url.searchParams.get('RelayState')));
    }
    send(404, 'text/plain', 'Not found');
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: Error) => {
      if (!res.headersSent) res.writeHead(400, { 'content-type': 'text/plain' });
      res.end(`Test IdP: ${error.message}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const entityId = `${origin}/metadata`;
  const ssoUrl = `${origin}/sso`;
  const metadataXml: string = IdentityProvider({
    entityID: entityId,
    signingCert: idpKey.certificatePem,
    privateKey: idpKey.privateKeyPem,
    nameIDFormat: ['urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress'],
    singleSignOnService: [
      { Binding: REDIRECT, Location: ssoUrl },
      { Binding: POST, Location: ssoUrl },
    ],
    // Unused, but samlify warns on stderr about an IdP without one.
    singleLogoutService: [{ Binding: REDIRECT, Location: `${origin}/slo` }],
  }).getMetadata();

  return {
    metadataXml,
    metadataUrl: entityId,
    entityId,
    ssoUrl,
    /** The certificate (PEM) the IdP signs with, and the other key's, for tests that compare. */
    certificatePem: idpKey.certificatePem,
    otherCertificatePem: otherKey.certificatePem,
    response,
    /** The person who signs in with this e-mail: display name and groups sent as attributes. */
    setUser(email: string, user: User) {
      users.set(email.toLowerCase(), user);
    },
    /** Adds an SP this IdP accepts requests from (with none registered, it accepts any). */
    registerSp(sp: SpRegistration) {
      sps.set(sp.entityId, sp);
    },
    /** The AuthnRequests received, oldest first. */
    received: () => [...received],
    idpInitiatedUrl(o: { spEntityId: string; acsUrl: string; email: string; relayState?: string }): string {
      const url = new URL(`${origin}/idp-initiated`);
      url.searchParams.set('sp', o.spEntityId);
      url.searchParams.set('acs', o.acsUrl);
      url.searchParams.set('email', o.email);
      if (o.relayState !== undefined) url.searchParams.set('RelayState', o.relayState);
      return url.toString();
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

export type SamlIdp = Awaited<ReturnType<typeof startSamlIdp>>;
