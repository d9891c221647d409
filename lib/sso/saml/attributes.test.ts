import { describe, expect, it } from 'vitest';
import { SsoRefusal } from '@/lib/sso/claims';
import { claimsFromAssertion } from './attributes';

const CLAIMS = 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims';
const ENTRA_GROUPS = 'http://schemas.microsoft.com/ws/2008/06/identity/claims/groups';

describe('claimsFromAssertion', () => {
  it('reads Entra ID’s claim URIs: e-mail, display name, groups', () => {
    const claims = claimsFromAssertion(
      'd9f2-opaque',
      {
        [`${CLAIMS}/emailaddress`]: ['Ann@Contoso.com'],
        'http://schemas.microsoft.com/identity/claims/displayname': ['Ann Lee'],
        [ENTRA_GROUPS]: ['a1b2', 'c3d4'],
      },
      ENTRA_GROUPS,
    );
    expect(claims).toMatchObject({
      subject: 'd9f2-opaque',
      email: 'ann@contoso.com',
      emailVerified: true,
      name: 'Ann Lee',
      groups: ['a1b2', 'c3d4'],
    });
  });

  it('builds the name from given name and surname (Okta’s firstName/lastName, the claim URIs)', () => {
    expect(claimsFromAssertion('bo@x.io', { firstName: ['Bo'], lastName: ['Chen'] }, 'groups').name).toBe('Bo Chen');
    expect(
      claimsFromAssertion('bo@x.io', { [`${CLAIMS}/givenname`]: ['Bo'], [`${CLAIMS}/surname`]: ['Chen'] }, 'groups')
        .name,
    ).toBe('Bo Chen');
    expect(claimsFromAssertion('bo@x.io', { [`${CLAIMS}/givenname`]: ['Bo'] }, 'groups').name).toBe('Bo');
    expect(claimsFromAssertion('bo@x.io', {}, 'groups')).toMatchObject({
      name: null,
      groups: [],
      raw: { nameId: 'bo@x.io' },
    });
  });

  it('prefers an e-mail NameID to the e-mail attribute, and falls back to the attribute otherwise', () => {
    expect(claimsFromAssertion('a@x.io', { email: ['b@x.io'] }, 'groups').email).toBe('a@x.io');
    expect(claimsFromAssertion('not-an-email', { mail: ['b@x.io'] }, 'groups').email).toBe('b@x.io');
  });

  it('keeps names to one line of visible text', () => {
    expect(claimsFromAssertion('a@x.io', { displayName: ['Ann\u202e\nLee'] }, 'groups').name).toBe('Ann Lee');
  });

  it('refuses an assertion with no usable e-mail', () => {
    expect(() => claimsFromAssertion('opaque', { email: ['not an address'] }, 'groups')).toThrow(SsoRefusal);
  });
});
