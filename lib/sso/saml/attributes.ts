import { z } from 'zod';
import type { SsoClaims } from '@/lib/sso/claims';
import { SsoRefusal } from '@/lib/sso/claims';

/** An assertion's attributes: each name with its values as text (a multi-valued one has several). */
export type SamlAttributes = Record<string, string[]>;

// The names IdPs commonly give these attributes: plain ones, the WS-Federation claim URIs that Entra
// ID and AD FS send, and the LDAP OIDs that Shibboleth and Google send.
const CLAIMS = 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims';
const EMAIL = ['email', 'mail', 'emailAddress', `${CLAIMS}/emailaddress`, 'urn:oid:0.9.2342.19200300.100.1.3'];
const DISPLAY_NAME = [
  'name',
  'displayName',
  'http://schemas.microsoft.com/identity/claims/displayname',
  'urn:oid:2.16.840.1.113730.3.1.241',
];
const GIVEN_NAME = ['givenName', 'firstName', 'given_name', `${CLAIMS}/givenname`, 'urn:oid:2.5.4.42'];
const SURNAME = ['surname', 'sn', 'lastName', 'family_name', `${CLAIMS}/surname`, 'urn:oid:2.5.4.4'];

const Email = z.email();
const isEmail = (text: string) => Email.safeParse(text).success;

/** The first non-empty value among the attributes so named (names compared without case). */
function firstValue(attributes: SamlAttributes, names: string[]): string | null {
  const wanted = names.map((n) => n.toLowerCase());
  for (const name of wanted) {
    for (const [key, values] of Object.entries(attributes)) {
      if (key.toLowerCase() !== name) continue;
      const value = values.map((v) => v.trim()).find((v) => v !== '');
      if (value) return value;
    }
  }
  return null;
}

/** One line of visible text, at most `max` characters: names reach pages, e-mails and logs. */
function tidy(text: string | null, max: number): string | null {
  if (!text) return null;
  const oneLine = text.replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]+/gu, ' ').trim();
  return oneLine ? oneLine.slice(0, max) : null;
}

/**
 * The claims of a verified assertion. The e-mail is the NameID when that is an address, else an
 * e-mail attribute; an assertion with neither is refused. The signature vouches for the e-mail.
 */
export function claimsFromAssertion(nameId: string, attributes: SamlAttributes, groupsAttribute: string): SsoClaims {
  const fromAttribute = firstValue(attributes, EMAIL);
  const email = isEmail(nameId) ? nameId : fromAttribute;
  if (!email || !isEmail(email))
    throw new SsoRefusal(
      'bad_answer',
      'the assertion carries no e-mail address (neither the NameID nor an email attribute)',
    );
  const given = firstValue(attributes, GIVEN_NAME);
  const surname = firstValue(attributes, SURNAME);
  const name = firstValue(attributes, DISPLAY_NAME) ?? ([given, surname].filter(Boolean).join(' ') || null);
  const groups = [...new Set((attributes[groupsAttribute] ?? []).map((g) => g.trim()).filter((g) => g !== ''))];
  return {
    subject: nameId,
    email: email.toLowerCase(),
    emailVerified: true,
    name: tidy(name, 200),
    groups,
    raw: { nameId, ...attributes },
  };
}
