/** What any identity provider told us about a person, once its answer has been verified. Pure. */
export type SsoClaims = {
  /** OIDC `sub`, or SAML NameID: stable for this person at this provider. */
  subject: string;
  email: string;
  /** OIDC `email_verified`; a SAML assertion signed by the IdP vouches for its e-mail, so true there. */
  emailVerified: boolean;
  name: string | null;
  groups: string[];
  /** Every claim or attribute as received, for "Test this connection". */
  raw: Record<string, unknown>;
};

export const SSO_REFUSALS = {
  bad_answer: 'The identity provider’s answer could not be verified.',
  unknown_request: 'This sign-in was not started here, or it has already been used or has expired. Start again.',
  idp_initiated_off:
    'Sign-in started at the identity provider is switched off for this connection. Start from Quorum’s sign-in page.',
  replayed: 'This sign-in answer has already been used. Start again.',
  email_unverified: 'The identity provider has not verified this e-mail address.',
  domain_not_bound: 'This e-mail’s domain is not one this connection signs in.',
  deactivated: 'This account is deactivated in Quorum. Ask an admin.',
  disabled: 'This sign-in connection is switched off.',
  provider_error: 'The identity provider refused the sign-in.',
  unreachable: 'The identity provider could not be reached.',
} as const;
export type SsoRefusalReason = keyof typeof SSO_REFUSALS;

/**
 * An SSO answer refused: `reason` is what the person reads (SSO_REFUSALS), `detail` what the admin
 * reads in the event log and the test result (never a secret, never the raw answer).
 */
export class SsoRefusal extends Error {
  constructor(
    public reason: SsoRefusalReason,
    public detail: string,
  ) {
    super(`${reason}: ${detail}`);
    this.name = 'SsoRefusal';
  }
}
