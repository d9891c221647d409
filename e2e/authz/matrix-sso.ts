/**
 * The matrix rows of signing in through an identity provider: Admin › Sign-in and its actions are
 * admin-only; the round-trip routes answer anyone, because the person is not signed in yet (what
 * protects them is the provider's signed answer, tested in lib/sso); "Continue with single sign-on"
 * is on the sign-in page.
 */
import crypto from 'node:crypto';
import { ssoGroupMappings } from '../../db/schema';
import { makeE2eConnection } from '../fixtures/sso';
import { allow, SIGNED_IN, str, type Row } from './rows';
import type { Scene } from './scene';

const ADMIN = ['admin'] as const;
const EVERYONE_SIGNIN = allow([], 'signin');

const SAML_CONFIG = {
  idpEntityId: 'https://idp.e2e.example/metadata',
  idpSsoUrl: 'https://idp.e2e.example/sso',
  idpCertificates: [],
  metadataUrl: null,
  groupsAttribute: 'groups',
  clockSkewSeconds: 120,
};
const OIDC_CONFIG = {
  issuer: 'http://127.0.0.1:9/',
  clientId: 'e2e',
  scopes: 'openid email profile',
  groupsClaim: 'groups',
};

/** A switched-on connection of the cell's own, on a domain nobody else uses. */
function connection(s: Scene, protocol: 'oidc' | 'saml' = 'saml') {
  return makeE2eConnection(s.world.db, {
    protocol,
    domain: `m${crypto.randomUUID().slice(0, 8)}.e2e.example`,
    config: protocol === 'saml' ? SAML_CONFIG : OIDC_CONFIG,
    clientSecret: protocol === 'oidc' ? 'e2e-secret' : undefined,
  });
}

const onConnection = (
  name: string,
  kase: string,
  fields: (id: number, s: Scene) => Record<string, string> | Promise<Record<string, string>>,
  expect: Row['expect'] = allow(ADMIN, 'forbidden'),
  protocol: 'oidc' | 'saml' = 'saml',
): Row => ({
  target: `action ${name}`,
  case: kase,
  call: async (s) => {
    const c = await connection(s, protocol);
    return {
      action: name,
      fields: { connectionId: str(c.id), ...(await fields(c.id, s)) },
      from: `/admin/sign-in/${c.id}`,
    };
  },
  expect,
});

export const SSO_ROWS: Row[] = [
  {
    target: 'page /admin/sign-in',
    case: 'connections',
    call: () => ({ page: '/admin/sign-in' }),
    expect: allow(ADMIN, 'forbidden'),
  },
  {
    target: 'page /admin/sign-in/[id]',
    case: 'a connection',
    call: async (s) => ({ page: `/admin/sign-in/${(await connection(s)).id}` }),
    expect: allow(ADMIN, 'forbidden'),
  },
  {
    target: 'GET /sso/[connectionId]/start',
    case: 'a sign-in through a switched-on connection',
    call: async (s) => ({ page: `/sso/${(await connection(s)).id}/start` }),
    expect: allow(SIGNED_IN, 'ok', { anonymous: 'ok' }),
  },
  {
    // A test round trip is an admin's; to anyone else the connection is not there.
    target: 'GET /sso/[connectionId]/start',
    case: 'a test of a connection',
    call: async (s) => ({ page: `/sso/${(await connection(s)).id}/start?purpose=test` }),
    expect: allow(ADMIN, 'hidden'),
  },
  {
    target: 'GET /sso/oidc/callback',
    case: 'an answer to no request of ours',
    call: () => ({ page: '/sso/oidc/callback?state=unknown&code=x' }),
    expect: EVERYONE_SIGNIN,
  },
  {
    target: 'GET /sso/saml/[connectionId]/metadata',
    case: 'the SP metadata, public like every SP’s',
    call: async (s) => ({ page: `/sso/saml/${(await connection(s)).id}/metadata` }),
    expect: allow(SIGNED_IN, 'ok', { anonymous: 'ok' }),
  },
  {
    target: 'POST /sso/saml/[connectionId]/acs',
    case: 'an answer that is not SAML',
    call: async (s) => ({
      api: 'POST',
      url: `/sso/saml/${(await connection(s)).id}/acs`,
      body: { SAMLResponse: 'nope' },
    }),
    // Not a form: answered 400, and not logged as a sign-in attempt.
    expect: allow([], 'refused', { anonymous: 'refused' }),
  },
  {
    target: 'action continueWithSsoAction',
    case: 'a domain without single sign-on',
    call: () => ({
      action: 'continueWithSsoAction',
      fields: { email: 'nobody@no-sso.e2e.example', next: '/' },
      from: '/signin',
    }),
    expect: allow([], 'refused', { anonymous: 'refused' }),
  },
  {
    target: 'action createConnectionAction',
    case: 'a new connection',
    call: () => ({
      action: 'createConnectionAction',
      fields: { name: 'Matrix SSO', protocol: 'oidc' },
      from: '/admin/sign-in',
    }),
    expect: allow(ADMIN, 'forbidden'),
  },
  {
    target: 'action saveBreakGlassAction',
    case: 'break-glass kept',
    call: () => ({ action: 'saveBreakGlassAction', fields: { breakGlassAdmins: 'true' }, from: '/admin/sign-in' }),
    expect: allow(ADMIN, 'forbidden'),
  },
  // The issuer is out of reach, so an admin's save is refused after the permission check.
  onConnection(
    'saveOidcSettingsAction',
    'an unreachable issuer',
    () => ({ issuer: OIDC_CONFIG.issuer, clientId: 'e2e', clientSecret: 's', scopes: 'openid', groupsClaim: 'groups' }),
    allow([], 'forbidden', { admin: 'refused' }),
    'oidc',
  ),
  onConnection(
    'saveSamlSettingsAction',
    'metadata that is not XML',
    () => ({ metadataXml: 'not xml', metadataUrl: '', groupsAttribute: 'groups', clockSkewSeconds: '120' }),
    allow([], 'forbidden', { admin: 'refused' }),
  ),
  onConnection('setDomainsAction', 'a new domain', () => ({
    domains: `d${crypto.randomUUID().slice(0, 8)}.e2e.example`,
  })),
  onConnection('addGroupMappingAction', 'a group made leaders', () => ({
    groupName: 'Leaders',
    role: 'leader',
    departmentId: '',
  })),
  onConnection('removeGroupMappingAction', 'a mapping', async (id, s) => {
    const [m] = await s.world.db
      .insert(ssoGroupMappings)
      .values({ connectionId: id, groupName: 'Matrix', role: 'engineer' })
      .returning();
    return { mappingId: str(m.id) };
  }),
  onConnection('setConnectionEnabledAction', 'switched off', () => ({ enabled: 'false' })),
  onConnection('setConnectionEnforcedAction', 'not enforced', () => ({ enforced: 'false' })),
  onConnection('issueScimTokenAction', 'a new token', () => ({})),
  onConnection('deleteConnectionAction', 'confirmed', () => ({ confirm: 'yes' })),
];
