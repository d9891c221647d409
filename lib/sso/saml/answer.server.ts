import 'server-only';
import { z } from 'zod';
import { SsoRefusal } from '@/lib/sso/claims';
import type { SamlAttributes } from './attributes';
import { NS, attr, childElement, childElements, parseXmlStrict, textOf } from './xml';

/** A POSTed answer's size limit: signed responses with many groups reach tens of kilobytes, not megabytes. */
const MAX_RESPONSE_CHARS = 2 * 1024 * 1024;
/** SAML caps RelayState at 80 bytes; IdP-initiated sign-ins use it for a path, so allow some more. */
const MAX_RELAY_STATE_CHARS = 2048;

const AnswerBody = z.object({
  SAMLResponse: z
    .string({ error: 'the answer carries no SAMLResponse' })
    .trim()
    .min(1, 'the answer carries no SAMLResponse')
    .max(MAX_RESPONSE_CHARS, 'the SAMLResponse is larger than 2 MB')
    .regex(/^[A-Za-z0-9+/=\s]+$/, 'the SAMLResponse is not base64'),
  RelayState: z
    .string({ error: 'the RelayState is not text' })
    .max(MAX_RELAY_STATE_CHARS, 'the RelayState is too long')
    .optional()
    .nullable(),
});

const STATUS_SUCCESS = 'urn:oasis:names:tc:SAML:2.0:status:Success';

export type ParsedAnswer = { samlResponse: string; relayState: string | null; response: Element };

/**
 * The POSTed answer, checked for shape before any cryptography: present, base64, XML, a SAML
 * Response whose status is Success. Anything else is a refusal, never a 500.
 */
export function parseAnswer(body: { SAMLResponse?: unknown; RelayState?: unknown }): ParsedAnswer {
  const parsed = AnswerBody.safeParse(body ?? {});
  if (!parsed.success) throw new SsoRefusal('bad_answer', parsed.error.issues[0].message);
  const samlResponse = parsed.data.SAMLResponse.replace(/\s+/g, '');
  const xml = Buffer.from(samlResponse, 'base64').toString('utf8');
  if (!xml.trimStart().startsWith('<')) throw new SsoRefusal('bad_answer', 'the SAMLResponse is not base64 of XML');
  const doc = parseXmlStrict(xml);
  if (!doc) throw new SsoRefusal('bad_answer', 'the SAMLResponse is not well-formed XML');
  const response = doc.documentElement;
  if (response.namespaceURI !== NS.protocol || response.localName !== 'Response')
    throw new SsoRefusal('bad_answer', `the SAMLResponse is a ${response.localName}, not a SAML Response`);
  const statusEl = childElement(response, NS.protocol, 'Status');
  const statusCode = statusEl && childElement(statusEl, NS.protocol, 'StatusCode');
  const status = attr(statusCode, 'Value');
  if (!statusEl || !status) throw new SsoRefusal('bad_answer', 'the SAML Response has no Status');
  if (status !== STATUS_SUCCESS) {
    // The IdP's reason (e.g. Responder/RequestDenied: "User not assigned") is what the admin needs to fix it.
    const nested = attr(childElement(statusCode!, NS.protocol, 'StatusCode'), 'Value');
    const message = textOf(childElement(statusEl, NS.protocol, 'StatusMessage'))
      .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]+/gu, ' ')
      .slice(0, 200);
    const short = (uri: string) => uri.split(':').pop();
    throw new SsoRefusal(
      'provider_error',
      `the identity provider answered ${short(status)}${nested ? `/${short(nested)}` : ''}${message ? `: ${message}` : ''}`,
    );
  }
  return { samlResponse, relayState: parsed.data.RelayState || null, response };
}

export type AssertionFacts = {
  id: string;
  issuer: string;
  nameId: string;
  inResponseTo: string | null;
  /** When the assertion stops being acceptable (the earliest NotOnOrAfter), epoch ms. */
  expiresAt: number;
  attributes: SamlAttributes;
};

export type Expected = { idpEntityId: string; acsUrl: string; nowMs: number; skewMs: number };

const time = (text: string | null, what: string): number | null => {
  if (text === null) return null;
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) throw new SsoRefusal('bad_answer', `${what} is not a date`);
  return ms;
};

/**
 * The checks on the signature-verified assertion that the SAML library leaves to us: issuer, bearer
 * confirmation for our ACS, validity window within the clock skew, and InResponseTo agreeing with
 * the (possibly unsigned) Response around it. Reads only the verified assertion's XML.
 */
export function checkAssertion(verifiedAssertionXml: string, response: Element, want: Expected): AssertionFacts {
  const assertion = parseXmlStrict(verifiedAssertionXml)?.documentElement;
  if (!assertion || assertion.localName !== 'Assertion' || assertion.namespaceURI !== NS.assertion)
    throw new SsoRefusal('bad_answer', 'the signed part is not an assertion');
  const id = attr(assertion, 'ID');
  if (!id || id.length > 200)
    throw new SsoRefusal('bad_answer', 'the assertion has no ID, or an ID over 200 characters');

  const issuer = textOf(childElement(assertion, NS.assertion, 'Issuer'));
  if (issuer !== want.idpEntityId)
    throw new SsoRefusal(
      'bad_answer',
      `the assertion was issued by ${JSON.stringify(issuer.slice(0, 200))}, not by ${JSON.stringify(want.idpEntityId)}`,
    );
  const responseIssuer = childElement(response, NS.assertion, 'Issuer');
  if (responseIssuer && textOf(responseIssuer) !== want.idpEntityId)
    throw new SsoRefusal('bad_answer', 'the response’s Issuer is not the identity provider');
  const subject = childElement(assertion, NS.assertion, 'Subject');
  const nameId = textOf(childElement(subject ?? assertion, NS.assertion, 'NameID'));
  if (!subject || !nameId) throw new SsoRefusal('bad_answer', 'the assertion has no Subject NameID');
  const bearer = childElements(subject, NS.assertion, 'SubjectConfirmation')
    .filter((c) => attr(c, 'Method') === 'urn:oasis:names:tc:SAML:2.0:cm:bearer')
    .map((c) => childElement(c, NS.assertion, 'SubjectConfirmationData'))
    .filter((d): d is Element => d !== null);
  if (bearer.length === 0) throw new SsoRefusal('bad_answer', 'the assertion has no bearer SubjectConfirmation');
  const confirmation = bearer.find((d) => attr(d, 'Recipient') === want.acsUrl);
  if (!confirmation)
    throw new SsoRefusal(
      'bad_answer',
      `the assertion’s Recipient is ${JSON.stringify((attr(bearer[0], 'Recipient') ?? 'missing').slice(0, 200))}, not this connection’s ACS`,
    );

  const destination = attr(response, 'Destination');
  if (destination !== null && destination !== want.acsUrl)
    throw new SsoRefusal(
      'bad_answer',
      `the response is addressed to ${JSON.stringify(destination.slice(0, 200))}, not to this connection’s ACS`,
    );

  const conditions = childElement(assertion, NS.assertion, 'Conditions');
  const notBefore = time(attr(conditions, 'NotBefore'), 'Conditions NotBefore');
  const limits = [
    time(attr(conditions, 'NotOnOrAfter'), 'Conditions NotOnOrAfter'),
    time(attr(confirmation, 'NotOnOrAfter'), 'SubjectConfirmationData NotOnOrAfter'),
  ].filter((t): t is number => t !== null);
  if (limits.length === 0) throw new SsoRefusal('bad_answer', 'the assertion never expires (no NotOnOrAfter)');
  const expiresAt = Math.min(...limits);
  if (notBefore !== null && want.nowMs + want.skewMs < notBefore)
    throw new SsoRefusal(
      'bad_answer',
      `the assertion is not valid before ${new Date(notBefore).toISOString()} (clock skew allowed: ${want.skewMs / 1000} s)`,
    );
  if (want.nowMs - want.skewMs >= expiresAt)
    throw new SsoRefusal(
      'bad_answer',
      `the assertion expired at ${new Date(expiresAt).toISOString()} (clock skew allowed: ${want.skewMs / 1000} s)`,
    );

  // The signed InResponseTo is the assertion's; the Response's may be unsigned, so it may only agree.
  const inResponseTo = attr(confirmation, 'InResponseTo');
  const responseInResponseTo = attr(response, 'InResponseTo');
  if (responseInResponseTo !== null && responseInResponseTo !== inResponseTo)
    throw new SsoRefusal('bad_answer', 'the response’s InResponseTo differs from the assertion’s');

  return { id, issuer, nameId, inResponseTo: inResponseTo || null, expiresAt, attributes: attributesOf(assertion) };
}

/** Every attribute of the assertion's AttributeStatements, each with all its values as text. */
function attributesOf(assertion: Element): SamlAttributes {
  // No prototype: an attribute named "__proto__" or "constructor" is just a name.
  const out: SamlAttributes = Object.create(null);
  for (const statement of childElements(assertion, NS.assertion, 'AttributeStatement')) {
    for (const attribute of childElements(statement, NS.assertion, 'Attribute')) {
      const name = attr(attribute, 'Name');
      if (!name) continue;
      const values = childElements(attribute, NS.assertion, 'AttributeValue').map((v) => textOf(v));
      (out[name] ??= []).push(...values);
    }
  }
  return out;
}
