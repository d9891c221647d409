import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { insertOidcConnection } from '@/lib/testing/oidc-connection';
import { signInAtProvider, startOidcProvider, type TestOidcProvider } from '@/lib/testing/oidc-provider';
import { SsoRefusal } from '../claims';
import type { OidcSettings } from '../connection';
import { beginOidcSignIn } from './flow.server';

/** What the OIDC tests share: one real provider per test file, with a few people and two clients. */

export const REDIRECT_URI = 'http://quorum.test/sso/oidc/callback';
export const CLIENT = { clientId: 'quorum', clientSecret: 'quorum-client-secret' };

export const ADA = {
  sub: 'ada-0001',
  email: 'ada@example.com',
  email_verified: true,
  name: 'Ada Lovelace',
  groups: ['engineering', 'leads'],
};
export const BOB = { sub: 'bob-0002', email: 'bob@example.com', email_verified: false, name: 'Bob Unverified' };

export function withTestProvider(opts: { claimsIn?: 'id_token' | 'userinfo' } = {}) {
  const state = { idp: undefined as unknown as TestOidcProvider };
  beforeAll(async () => {
    state.idp = await startOidcProvider({
      clients: [
        { ...CLIENT, redirectUris: [REDIRECT_URI] },
        { clientId: 'another-app', clientSecret: 'another-secret', redirectUris: [REDIRECT_URI] },
      ],
      accounts: { ada: ADA, bob: BOB },
      claimsIn: opts.claimsIn,
    });
  });
  afterEach(() => state.idp.tamperWithIdTokens(null));
  afterAll(() => state.idp.close());
  return state;
}

export function oidcConnection(
  issuer: string,
  opts: { settings?: Partial<OidcSettings>; clientSecret?: string | null; enabled?: boolean } = {},
) {
  return insertOidcConnection({
    settings: {
      issuer,
      clientId: CLIENT.clientId,
      scopes: 'openid email profile',
      groupsClaim: 'groups',
      ...opts.settings,
    },
    clientSecret: opts.clientSecret === undefined ? CLIENT.clientSecret : opts.clientSecret,
    enabled: opts.enabled,
  });
}

type Conn = Awaited<ReturnType<typeof oidcConnection>>;

/** Starts a sign-in, signs in at the provider as `login`, and returns the callback URL it sends back. */
export async function answerFor(
  conn: Conn,
  login = 'ada',
  opts: { purpose?: 'signin' | 'test'; nextPath?: string | null } = {},
): Promise<URL> {
  const url = await beginOidcSignIn(conn, {
    purpose: opts.purpose ?? 'signin',
    nextPath: opts.nextPath ?? null,
    redirectUri: REDIRECT_URI,
  });
  return signInAtProvider(url, login);
}

/** The SsoRefusal the promise rejects with (the test fails if it resolves or throws anything else). */
export async function refusalOf(promise: Promise<unknown>): Promise<SsoRefusal> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(SsoRefusal);
    return error as SsoRefusal;
  }
  throw new Error('expected an SsoRefusal, the promise resolved');
}
