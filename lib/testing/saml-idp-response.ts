/**
 * The SAML Response a test IdP sends: built from a template like a real IdP's, then signed with
 * samlify (assertion and/or response, with the IdP's key or another one). Tests only.
 */
import crypto from 'node:crypto';
// samlify is CommonJS: a default import works under vitest, tsx and Playwright's loader alike.
import samlify from 'samlify';

const { SamlLib } = samlify;

export type SigningKey = { privateKeyPem: string; certificatePem: string };

export type ResponseOptions = {
  sp: { entityId: string; acsUrl: string };
  inResponseTo?: string;
  nameId: string;
  email?: string;
  name?: string;
  groups?: string[];
  notBefore?: Date;
  notOnOrAfter?: Date;
  audience?: string;
  recipient?: string;
  issuer?: string;
  signAssertion?: boolean;
  signResponse?: boolean;
  key?: 'idp' | 'other';
};

const RSA_SHA256 = 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256';
const NAME_ID_EMAIL = 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress';
const NAME_ID_UNSPECIFIED = 'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified';

const esc = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const newId = () => `_${crypto.randomBytes(16).toString('hex')}`;

function attribute(name: string, values: string[]): string {
  const xs = values.map((v) => `<saml:AttributeValue xsi:type="xs:string">${esc(v)}</saml:AttributeValue>`);
  return `<saml:Attribute Name="${esc(name)}" NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:unspecified">${xs.join('')}</saml:Attribute>`;
}

/** The unsigned Response XML for these options (defaults: valid for five minutes from now). */
export function responseXml(opts: ResponseOptions, idpEntityId: string): string {
  const now = new Date();
  const notBefore = opts.notBefore ?? now;
  const notOnOrAfter = opts.notOnOrAfter ?? new Date(now.getTime() + 5 * 60_000);
  const issuer = esc(opts.issuer ?? idpEntityId);
  const recipient = esc(opts.recipient ?? opts.sp.acsUrl);
  const inResponseTo = opts.inResponseTo ? ` InResponseTo="${esc(opts.inResponseTo)}"` : '';
  const attributes = [
    opts.email !== undefined ? attribute('email', [opts.email]) : '',
    opts.name !== undefined ? attribute('name', [opts.name]) : '',
    opts.groups !== undefined ? attribute('groups', opts.groups) : '',
  ].join('');
  const format = opts.nameId.includes('@') ? NAME_ID_EMAIL : NAME_ID_UNSPECIFIED;
  return (
    `<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="${newId()}" Version="2.0" IssueInstant="${now.toISOString()}" Destination="${recipient}"${inResponseTo}>` +
    `<saml:Issuer>${issuer}</saml:Issuer>` +
    `<samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>` +
    `<saml:Assertion xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ID="${newId()}" Version="2.0" IssueInstant="${now.toISOString()}">` +
    `<saml:Issuer>${issuer}</saml:Issuer>` +
    `<saml:Subject><saml:NameID Format="${format}">${esc(opts.nameId)}</saml:NameID>` +
    `<saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"><saml:SubjectConfirmationData NotOnOrAfter="${notOnOrAfter.toISOString()}" Recipient="${recipient}"${inResponseTo}/></saml:SubjectConfirmation></saml:Subject>` +
    `<saml:Conditions NotBefore="${notBefore.toISOString()}" NotOnOrAfter="${notOnOrAfter.toISOString()}"><saml:AudienceRestriction><saml:Audience>${esc(opts.audience ?? opts.sp.entityId)}</saml:Audience></saml:AudienceRestriction></saml:Conditions>` +
    `<saml:AuthnStatement AuthnInstant="${now.toISOString()}" SessionIndex="${newId()}"><saml:AuthnContext><saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement>` +
    (attributes ? `<saml:AttributeStatement>${attributes}</saml:AttributeStatement>` : '') +
    `</saml:Assertion></samlp:Response>`
  );
}

/** Signs the assertion and/or the whole response, each signature placed after its Issuer as SAML wants. */
export function signResponse(xml: string, key: SigningKey, what: { assertion: boolean; response: boolean }): string {
  const base = {
    privateKey: key.privateKeyPem,
    // samlify wants the certificate's base64 body, without the PEM armour.
    signingCert: key.certificatePem.replace(/-----[^-]+-----|\s+/g, ''),
    signatureAlgorithm: RSA_SHA256,
    isBase64Output: false,
  };
  let signed = xml;
  if (what.assertion)
    signed = SamlLib.constructSAMLSignature({
      ...base,
      rawSamlMessage: signed,
      referenceTagXPath: "/*[local-name(.)='Response']/*[local-name(.)='Assertion']",
      signatureConfig: {
        prefix: 'ds',
        location: {
          reference: "/*[local-name(.)='Response']/*[local-name(.)='Assertion']/*[local-name(.)='Issuer']",
          action: 'after',
        },
      },
    });
  if (what.response)
    signed = SamlLib.constructSAMLSignature({
      ...base,
      rawSamlMessage: signed,
      isMessageSigned: true,
      signatureConfig: {
        prefix: 'ds',
        location: { reference: "/*[local-name(.)='Response']/*[local-name(.)='Issuer']", action: 'after' },
      },
    });
  return signed;
}
