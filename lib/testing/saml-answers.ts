import { expect } from 'vitest';
import { SsoRefusal, type SsoRefusalReason } from '@/lib/sso/claims';

/** The XML inside a base64 SAMLResponse. */
export const decoded = (samlResponse: string) => Buffer.from(samlResponse, 'base64').toString('utf8');
export const encoded = (xml: string) => Buffer.from(xml, 'utf8').toString('base64');

/** A SAMLResponse with its XML changed by `edit` (after signing: a tampered answer). */
export const edited = (samlResponse: string, edit: (xml: string) => string) => encoded(edit(decoded(samlResponse)));

/** The one `<saml:Assertion …>…</saml:Assertion>` of a Response built by the test IdP. */
export function assertionOf(xml: string): string {
  const match = xml.match(/<saml:Assertion[\s\S]*<\/saml:Assertion>/);
  if (!match) throw new Error('no assertion in the response');
  return match[0];
}

/** Runs `fn`, expecting an SsoRefusal with this reason, and returns it for its detail. */
export async function refusalOf(fn: () => Promise<unknown>, reason: SsoRefusalReason): Promise<SsoRefusal> {
  try {
    await fn();
  } catch (error) {
    expect(error).toBeInstanceOf(SsoRefusal);
    expect((error as SsoRefusal).reason).toBe(reason);
    return error as SsoRefusal;
  }
  throw new Error(`expected the answer to be refused (${reason}), it was accepted`);
}
