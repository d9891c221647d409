import 'server-only';
import crypto from 'node:crypto';
import { z } from 'zod';
import { ValidationError } from '@/lib/errors';
import { singleLine } from '@/lib/validation';
import type { SamlSettings } from '@/lib/sso/connection';
import { BINDINGS, NS, attr, childElements, parseXmlStrict, textOf } from './xml';

/** Real IdP metadata is a few kilobytes; a federation's aggregate is not what an admin pastes here. */
export const METADATA_MAX_BYTES = 1024 * 1024;
const FETCH_TIMEOUT_MS = 5000;

type IdpMetadata = Pick<SamlSettings, 'idpEntityId' | 'idpSsoUrl' | 'idpCertificates'>;

const refuse = (message: string): never => {
  throw new ValidationError({ metadata: [message] });
};

const day = (d: Date) => d.toISOString().slice(0, 10);

/**
 * What Quorum needs from an IdP's metadata: its entity id, where to send sign-in requests, and the
 * certificates its signatures must verify with. Refuses, naming the problem, metadata that could
 * never let anyone sign in.
 */
export function parseIdpMetadata(xml: string, now = new Date()): IdpMetadata {
  if (typeof xml !== 'string' || xml.trim() === '') refuse('Paste the identity provider’s metadata XML.');
  if (Buffer.byteLength(xml, 'utf8') > METADATA_MAX_BYTES)
    refuse('The metadata is larger than 1 MB; use the metadata of this one identity provider.');
  const doc = parseXmlStrict(xml.trim());
  if (!doc) return refuse('The metadata is not well-formed XML.');

  const entity = idpEntityOf(doc.documentElement);
  const entityId = attr(entity, 'entityID')?.trim();
  if (!entityId) return refuse('The metadata’s EntityDescriptor has no entityID.');
  const idp = childElements(entity, NS.metadata, 'IDPSSODescriptor').find((d) =>
    (attr(d, 'protocolSupportEnumeration') ?? '').split(/\s+/).includes(NS.protocol),
  );
  if (!idp) return refuse('The metadata describes no SAML 2.0 identity provider (no IDPSSODescriptor).');

  const certificates = signingCertificates(idp);
  if (certificates.length === 0) refuse('The metadata has no signing certificate for the identity provider.');
  const current = certificates.filter((c) => c.validTo.getTime() > now.getTime());
  if (current.length === 0) {
    const latest = new Date(Math.max(...certificates.map((c) => c.validTo.getTime())));
    refuse(
      certificates.length === 1
        ? `The identity provider’s signing certificate expired on ${day(latest)}.`
        : `Every signing certificate of the identity provider has expired (the last on ${day(latest)}).`,
    );
  }

  return { idpEntityId: entityId, idpSsoUrl: redirectSsoUrl(idp), idpCertificates: current.map((c) => c.body) };
}

/** The EntityDescriptor to read: the root, or the one IdP inside an EntitiesDescriptor. */
function idpEntityOf(root: Element): Element {
  if (root.namespaceURI === NS.metadata && root.localName === 'EntityDescriptor') return root;
  if (root.namespaceURI === NS.metadata && root.localName === 'EntitiesDescriptor') {
    const idps = childElements(root, NS.metadata, 'EntityDescriptor').filter(
      (e) => childElements(e, NS.metadata, 'IDPSSODescriptor').length > 0,
    );
    if (idps.length === 1) return idps[0];
    refuse(`The metadata lists ${idps.length} identity providers; use the metadata of exactly one.`);
  }
  return refuse('The XML is not SAML metadata (its root is not an EntityDescriptor).');
}

type Certificate = { body: string; validTo: Date };

/** Certificates for signing: KeyDescriptors with use="signing" or with no use (they serve both). */
function signingCertificates(idp: Element): Certificate[] {
  const out: Certificate[] = [];
  for (const key of childElements(idp, NS.metadata, 'KeyDescriptor')) {
    const use = attr(key, 'use');
    if (use && use !== 'signing') continue;
    for (const certEl of Array.from(key.getElementsByTagNameNS(NS.dsig, 'X509Certificate'))) {
      const body = textOf(certEl as Element).replace(/\s+/g, '');
      if (!body) continue;
      let cert: crypto.X509Certificate;
      try {
        cert = new crypto.X509Certificate(Buffer.from(body, 'base64'));
      } catch {
        return refuse('A signing certificate in the metadata is not a valid X.509 certificate.');
      }
      if (!out.some((c) => c.body === body)) out.push({ body, validTo: new Date(cert.validTo) });
    }
  }
  return out;
}

/**
 * Quorum sends its AuthnRequest by HTTP-Redirect (a signed URL), the binding every common IdP offers.
 * Metadata offering only HTTP-POST is refused with that reason rather than stored and failing later.
 */
function redirectSsoUrl(idp: Element): string {
  const services = childElements(idp, NS.metadata, 'SingleSignOnService');
  const redirect = services.find((s) => attr(s, 'Binding') === BINDINGS.redirect);
  if (!redirect) {
    refuse(
      services.some((s) => attr(s, 'Binding') === BINDINGS.post)
        ? 'The identity provider accepts sign-in requests only by HTTP-POST; Quorum sends them by HTTP-Redirect. Enable the HTTP-Redirect binding at the identity provider.'
        : 'The metadata has no SingleSignOnService with the HTTP-Redirect binding.',
    );
  }
  const location = attr(redirect!, 'Location')?.trim() ?? '';
  if (!isHttpUrl(location)) refuse('The SingleSignOnService location is not an http(s) URL.');
  return location;
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

const MetadataUrlSchema = z
  .string({ error: 'Enter the metadata URL.' })
  .trim()
  .min(1, 'Enter the metadata URL.')
  .max(2000, 'The metadata URL must be at most 2,000 characters.')
  .refine(isHttpUrl, 'The metadata URL must start with https:// or http://.');

/** Downloads IdP metadata: http(s) only, within 5 seconds, at most 1 MB. */
export async function fetchIdpMetadata(url: string): Promise<string> {
  const parsed = MetadataUrlSchema.safeParse(url);
  if (!parsed.success) throw new ValidationError({ metadataUrl: [parsed.error.issues[0].message] });
  const fail = (why: string): never => {
    throw new ValidationError({ metadataUrl: [`The metadata could not be downloaded: ${why}.`] });
  };
  let response: Response;
  try {
    response = await fetch(parsed.data, {
      signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
      headers: { accept: 'application/samlmetadata+xml, application/xml, text/xml' },
    });
  } catch (error) {
    const name = (error as Error).name;
    return fail(name === 'TimeoutError' || name === 'AbortError' ? 'no answer within 5 seconds' : 'unreachable');
  }
  if (!response.ok) {
    await response.body?.cancel();
    return fail(`the server answered ${response.status}`);
  }
  if (Number(response.headers.get('content-length') ?? 0) > METADATA_MAX_BYTES) {
    await response.body?.cancel();
    return fail('it is larger than 1 MB');
  }
  return readCapped(response, fail);
}

/** Reads the body, stopping as soon as it passes the cap (a missing or false length is not trusted). */
async function readCapped(response: Response, fail: (why: string) => never): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > METADATA_MAX_BYTES) {
        await reader.cancel();
        return fail('it is larger than 1 MB');
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof ValidationError) throw error;
    return fail('the download was interrupted');
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Form values arrive as text: '' means "use the default". */
const blankToUndefined = (v: unknown) => (v === null || (typeof v === 'string' && v.trim() === '') ? undefined : v);
const SKEW_MESSAGE = 'Clock skew must be a whole number of seconds from 0 to 600.';

/** The admin form's SAML fields besides the metadata. */
export const SamlSettingsInputSchema = z.object({
  groupsAttribute: z.preprocess(blankToUndefined, singleLine('Groups attribute', 300).default('groups')),
  clockSkewSeconds: z.preprocess(
    (v) => {
      const blank = blankToUndefined(v);
      return typeof blank === 'string' && /^\s*\d{1,6}\s*$/.test(blank) ? Number(blank) : blank;
    },
    z
      .number({ error: SKEW_MESSAGE })
      .int({ error: SKEW_MESSAGE })
      .min(0, SKEW_MESSAGE)
      .max(600, SKEW_MESSAGE)
      .default(120),
  ),
});
export type SamlSettingsInput = z.infer<typeof SamlSettingsInputSchema>;
