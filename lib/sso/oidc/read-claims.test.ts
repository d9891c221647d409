import { describe, expect, it } from 'vitest';
import { SsoRefusal } from '../claims';
import { needsUserinfo, readOidcClaims } from './read-claims';

const base = { sub: 'abc', email: 'a@example.com', email_verified: true, name: 'A Person' };

describe('readOidcClaims', () => {
  it('reads verification sent as text, builds a name from its parts and keeps every claim', () => {
    const claims = { ...base, email_verified: 'true', name: undefined, given_name: 'Ada', family_name: 'L', x: 1 };
    expect(readOidcClaims(claims, 'groups')).toEqual({
      subject: 'abc',
      email: 'a@example.com',
      emailVerified: true,
      name: 'Ada L',
      groups: [],
      raw: claims,
    });
    expect(readOidcClaims({ ...base, email_verified: 'false' }, 'groups').emailVerified).toBe(false);
    expect(readOidcClaims({ ...base, email_verified: undefined, name: ' ' }, 'groups')).toMatchObject({
      emailVerified: false,
      name: null,
    });
  });

  it('reads groups from a list or a single name, dropping what is not a name', () => {
    expect(readOidcClaims({ ...base, roles: [' a ', 'b', 'a', 3, null, ''] }, 'roles').groups).toEqual(['a', 'b']);
    expect(readOidcClaims({ ...base, roles: 'admins' }, 'roles').groups).toEqual(['admins']);
    expect(readOidcClaims({ ...base, roles: { a: 1 } }, 'roles').groups).toEqual([]);
  });

  it('refuses an answer without a subject or with no usable e-mail address', () => {
    for (const claims of [
      { ...base, sub: '' },
      { ...base, sub: 7 },
      { ...base, email: undefined },
      { ...base, email: 'not an address' },
    ]) {
      expect(() => readOidcClaims(claims, 'groups')).toThrow(SsoRefusal);
      try {
        readOidcClaims(claims, 'groups');
      } catch (error) {
        expect((error as SsoRefusal).reason).toBe('bad_answer');
      }
    }
  });
});

describe('needsUserinfo', () => {
  it('asks userinfo only when the ID token lacks the e-mail, its verification or the groups claim', () => {
    expect(needsUserinfo({ ...base, groups: [] }, 'groups')).toBe(false);
    expect(needsUserinfo(base, 'groups')).toBe(true);
    expect(needsUserinfo({ sub: 'abc', groups: [] }, 'groups')).toBe(true);
  });
});
