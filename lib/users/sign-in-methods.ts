import type { SignInMethod } from '@/db/schema/people';

/** How the admin's people list names each way of signing in. Pure (client-safe). */
export const SIGN_IN_METHOD_LABELS = {
  password: 'Password',
  break_glass: 'Break-glass password',
  oidc: 'OpenID Connect',
  saml: 'SAML',
} as const satisfies Record<SignInMethod, string>;
