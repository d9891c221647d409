import * as client from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAtProvider, startOidcProvider, type TestOidcProvider } from './oidc-provider';

/** The test provider itself: what the OIDC unit tests and the Playwright specs rely on. */

const REDIRECT = 'http://app.test/callback';
let idp: TestOidcProvider;
let authorizationUrl: URL;

beforeAll(async () => {
  idp = await startOidcProvider({
    clients: [{ clientId: 'app', clientSecret: 'app-secret', redirectUris: [REDIRECT] }],
    accounts: { ada: { sub: 'ada-1', email: 'ada@example.com', email_verified: true, name: 'Ada' } },
  });
  const config = await client.discovery(new URL(idp.issuer), 'app', 'app-secret', undefined, {
    execute: [client.allowInsecureRequests],
  });
  authorizationUrl = client.buildAuthorizationUrl(config, {
    redirect_uri: REDIRECT,
    scope: 'openid email',
    state: 'some-state',
    nonce: 'some-nonce',
    code_challenge: await client.calculatePKCECodeChallenge(client.randomPKCECodeVerifier()),
    code_challenge_method: 'S256',
  });
});
afterAll(() => idp.close());

describe('the test OpenID provider', () => {
  it('shows a sign-in page with a labelled Login field and named buttons', async () => {
    const start = await fetch(authorizationUrl, { redirect: 'manual' });
    const cookies = start.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const page = await fetch(new URL(start.headers.get('location')!, idp.issuer), { headers: { cookie: cookies } });
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain('<label for="login">Login</label>');
    expect(html).toMatch(/<input id="login" name="login"/);
    expect(html).toMatch(/<button type="submit"[^>]*>Sign in<\/button>/);
    expect(html).toMatch(/<button type="submit"[^>]*>Refuse<\/button>/);
  });

  it('sends a known person back to the app with a code and the state, and turns away an unknown login', async () => {
    const answer = await signInAtProvider(authorizationUrl, 'ada');
    expect(`${answer.origin}${answer.pathname}`).toBe(REDIRECT);
    expect(answer.searchParams.get('state')).toBe('some-state');
    expect(answer.searchParams.get('code')).toBeTruthy();
    await expect(signInAtProvider(authorizationUrl, 'nobody')).rejects.toThrow('No account has the login “nobody”.');
  });
});
