import { z } from 'zod';
import { SsoRefusal, type SsoClaims } from '../claims';

/**
 * The claims Quorum uses, read from what the provider said (the verified ID token, completed by
 * userinfo). Pure. Anything missing or malformed is a refusal naming the claim.
 */

const subject = z.string().trim().min(1).max(255);
const email = z.string().trim().max(320).pipe(z.email());

/** Some providers send booleans as the strings "true"/"false"; anything else is "not verified". */
const verified = (v: unknown) => v === true || v === 'true';

function nameOf(claims: Record<string, unknown>): string | null {
  const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);
  const full = text(claims.name);
  if (full) return full;
  const parts = [text(claims.given_name), text(claims.family_name)].filter(Boolean);
  return parts.length ? parts.join(' ') : null;
}

/** A groups claim is usually a list of names; a few providers send a single name as a string. */
function groupsOf(value: unknown): string[] {
  const list = Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
  const names = list.filter((g): g is string => typeof g === 'string' && g.trim() !== '').map((g) => g.trim());
  return [...new Set(names)];
}

/** True when the ID token lacks something only userinfo may carry. */
export function needsUserinfo(idToken: Record<string, unknown>, groupsClaim: string): boolean {
  return !('email' in idToken) || !('email_verified' in idToken) || !(groupsClaim in idToken);
}

export function readOidcClaims(claims: Record<string, unknown>, groupsClaim: string): SsoClaims {
  const sub = subject.safeParse(claims.sub);
  if (!sub.success) throw new SsoRefusal('bad_answer', 'the answer has no subject (the sub claim)');
  if (claims.email === undefined)
    throw new SsoRefusal(
      'bad_answer',
      'the answer has no e-mail address (the email claim): the connection’s scopes should include email',
    );
  const address = email.safeParse(claims.email);
  if (!address.success) throw new SsoRefusal('bad_answer', 'the email claim is not an e-mail address');
  return {
    subject: sub.data,
    email: address.data,
    emailVerified: verified(claims.email_verified),
    name: nameOf(claims),
    groups: groupsOf(claims[groupsClaim]),
    raw: claims,
  };
}
