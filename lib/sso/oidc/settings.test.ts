import { afterEach, describe, expect, it, vi } from 'vitest';
import { fieldErrorsOf } from '@/lib/validation';
import { OidcSettingsSchema } from './settings';

const valid = { issuer: 'https://login.example.com', clientId: 'quorum-app' };
const errorsOf = (input: unknown) => {
  const result = OidcSettingsSchema.safeParse(input);
  expect(result.success).toBe(false);
  return fieldErrorsOf(result.error!);
};

afterEach(() => vi.unstubAllEnvs());

describe('OidcSettingsSchema', () => {
  it('fills in the default scopes and groups claim, also for blank fields, and keeps the issuer as typed', () => {
    const defaults = { ...valid, scopes: 'openid email profile', groupsClaim: 'groups' };
    expect(OidcSettingsSchema.parse(valid)).toEqual(defaults);
    expect(OidcSettingsSchema.parse({ ...valid, scopes: '  ', groupsClaim: '' })).toEqual(defaults);
    expect(OidcSettingsSchema.parse({ ...valid, issuer: ' https://tenant.example.com/ ' }).issuer).toBe(
      'https://tenant.example.com/',
    );
  });

  it('tidies the scopes and keeps a custom groups claim', () => {
    expect(
      OidcSettingsSchema.parse({ ...valid, scopes: ' openid  email\tgroups openid ', groupsClaim: 'roles' }),
    ).toMatchObject({ scopes: 'openid email groups', groupsClaim: 'roles' });
  });

  it('names the field in every refusal', () => {
    expect(errorsOf({})).toEqual({
      issuer: [expect.stringMatching(/^Issuer/)],
      clientId: ['Client ID is required.'],
    });
    expect(errorsOf({ ...valid, issuer: 'login.example.com' }).issuer).toEqual([expect.stringMatching(/^Issuer must/)]);
    expect(errorsOf({ ...valid, issuer: 'ftp://login.example.com' }).issuer).toHaveLength(1);
    expect(errorsOf({ ...valid, issuer: 'https://login.example.com/?tenant=1' }).issuer).toEqual([
      'Issuer must not have a query (?…) or fragment (#…).',
    ]);
    expect(errorsOf({ ...valid, issuer: 'https://me:pw@login.example.com' }).issuer).toEqual([
      'Issuer must not contain a user name or password.',
    ]);
    expect(errorsOf({ ...valid, clientId: 'x'.repeat(201) }).clientId).toEqual([
      'Client ID must be at most 200 characters.',
    ]);
    expect(errorsOf({ ...valid, clientId: 'a\nb' }).clientId).toHaveLength(1);
    expect(errorsOf({ ...valid, scopes: 'email profile' }).scopes).toEqual(['Scopes must include openid.']);
    expect(errorsOf({ ...valid, scopes: 'openid "email"' }).scopes).toHaveLength(1);
    expect(errorsOf({ ...valid, groupsClaim: 'my groups' }).groupsClaim).toEqual([
      'Groups claim must be one claim name, without spaces.',
    ]);
    expect(errorsOf({ ...valid, issuer: 42, clientId: ['x'] })).toMatchObject({
      issuer: [expect.stringMatching(/^Issuer/)],
      clientId: [expect.stringMatching(/^Client ID/)],
    });
  });

  it('allows http:// in production only for this machine', () => {
    vi.stubEnv('NODE_ENV', 'production');
    expect(errorsOf({ ...valid, issuer: 'http://login.example.com' }).issuer).toEqual([
      'Issuer must use https:// (http:// only for this machine).',
    ]);
    for (const issuer of ['http://127.0.0.1:4000', 'http://localhost:4000/realms/q', 'http://[::1]:4000'])
      expect(OidcSettingsSchema.parse({ ...valid, issuer }).issuer).toBe(issuer);
    vi.stubEnv('NODE_ENV', 'development');
    expect(OidcSettingsSchema.parse({ ...valid, issuer: 'http://keycloak:8080/realms/q' }).issuer).toBe(
      'http://keycloak:8080/realms/q',
    );
  });
});
