import type { BadInputTarget } from './targets';

/**
 * Bad input for Admin › Sign-in and "Continue with single sign-on". The round-trip routes take no
 * form of ours: what they are sent is a provider's answer, whose every way of being wrong is tested
 * against the real protocol code in lib/sso/oidc and lib/sso/saml.
 */
export const SSO_BAD_INPUT_TARGETS: BadInputTarget[] = [
  {
    target: 'action continueWithSsoAction',
    from: 'a domain without single sign-on',
    as: 'pm',
    kinds: { email: 'line' },
  },
  {
    target: 'action createConnectionAction',
    from: 'a new connection',
    as: 'admin',
    kinds: { name: 'line', protocol: 'enum' },
  },
  { target: 'action saveBreakGlassAction', from: 'break-glass kept', as: 'admin', kinds: { breakGlassAdmins: 'enum' } },
  {
    target: 'action saveOidcSettingsAction',
    from: 'an unreachable issuer',
    as: 'admin',
    kinds: { connectionId: 'id', issuer: 'line', clientId: 'line', scopes: 'line?', groupsClaim: 'line?' },
  },
  {
    target: 'action saveSamlSettingsAction',
    from: 'metadata that is not XML',
    as: 'admin',
    kinds: { connectionId: 'id', metadataXml: 'text?', groupsAttribute: 'line?', clockSkewSeconds: 'num?' },
  },
  {
    target: 'action setDomainsAction',
    from: 'a new domain',
    as: 'admin',
    kinds: { connectionId: 'id', domains: 'line?' },
  },
  {
    target: 'action addGroupMappingAction',
    from: 'a group made leaders',
    as: 'admin',
    kinds: { connectionId: 'id', groupName: 'line', role: 'enum' },
  },
  {
    target: 'action removeGroupMappingAction',
    from: 'a mapping',
    as: 'admin',
    kinds: { connectionId: 'id', mappingId: 'id' },
  },
  {
    target: 'action setConnectionEnabledAction',
    from: 'switched off',
    as: 'admin',
    kinds: { connectionId: 'id', enabled: 'enum' },
  },
  {
    target: 'action setConnectionEnforcedAction',
    from: 'not enforced',
    as: 'admin',
    kinds: { connectionId: 'id', enforced: 'enum' },
  },
  { target: 'action issueScimTokenAction', from: 'a new token', as: 'admin', kinds: { connectionId: 'id' } },
  {
    target: 'action deleteConnectionAction',
    from: 'confirmed',
    as: 'admin',
    kinds: { connectionId: 'id', confirm: 'enum' },
  },
  { target: 'GET /sso/[connectionId]/start', from: 'a sign-in through a switched-on connection', as: 'pm', kinds: {} },
  { target: 'GET /sso/oidc/callback', from: 'an answer to no request of ours', as: 'pm', kinds: {} },
  {
    target: 'GET /sso/saml/[connectionId]/metadata',
    from: 'the SP metadata, public like every SP’s',
    as: 'pm',
    kinds: {},
  },
  { target: 'POST /sso/saml/[connectionId]/acs', from: 'an answer that is not SAML', as: 'pm', kinds: {} },
];
