export const PROTOCOL_NAMES = { oidc: 'OpenID Connect', saml: 'SAML 2.0' } as const;
