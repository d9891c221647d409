import 'server-only';
import * as client from 'openid-client';
import { SsoRefusal, type SsoClaims } from '../claims';
import { consumeSsoRequest, createSsoRequest, type SsoRequest } from '../requests.server';
import { configurationFor, rememberKeys, type OidcConnection } from './discovery.server';
import { needsUserinfo, readOidcClaims } from './read-claims';
import { providerErrorDetail, refusalFor } from './refusals.server';

export { checkOidcDiscovery } from './discovery.server';

/**
 * Sign-in through an OpenID provider (authorization code flow with PKCE). The `state` sent is the
 * id of a one-use sign-in request, which also keeps the nonce and the PKCE verifier.
 */

function refuseWhenOff(conn: OidcConnection, purpose: SsoRequest['purpose']) {
  // An admin tests a connection before switching it on; nobody else may use one that is off.
  if (purpose === 'signin' && !conn.enabled) throw new SsoRefusal('disabled', `connection ${conn.id} is switched off`);
}

/** Where to send the browser to sign in. Throws SsoRefusal when the provider cannot be reached. */
export async function beginOidcSignIn(
  conn: OidcConnection,
  opts: { purpose: 'signin' | 'test'; nextPath: string | null; redirectUri: string },
): Promise<URL> {
  refuseWhenOff(conn, opts.purpose);
  const config = await configurationFor(conn);
  const codeVerifier = client.randomPKCECodeVerifier();
  const nonce = client.randomNonce();
  const request = await createSsoRequest({
    connectionId: conn.id,
    purpose: opts.purpose,
    nextPath: opts.nextPath,
    nonce,
    codeVerifier,
  });
  return client.buildAuthorizationUrl(config, {
    redirect_uri: opts.redirectUri,
    scope: conn.settings.scopes,
    state: request.id,
    nonce,
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
  });
}

/**
 * Verifies the provider's answer at the callback and returns who signed in, with the request it
 * answers (its purpose and the page to return to). `redirectUri` is the one sent by
 * beginOidcSignIn: the token request must repeat it exactly, whatever host the app sees behind a
 * proxy. Every failure is an SsoRefusal.
 */
export async function completeOidcSignIn(
  conn: OidcConnection,
  callbackUrl: URL,
  redirectUri: string,
): Promise<{ claims: SsoClaims; request: SsoRequest }> {
  const params = callbackUrl.searchParams;
  const state = params.get('state');
  if (!state) throw new SsoRefusal('unknown_request', 'the answer names no sign-in request (no state parameter)');
  // Consumed first, whatever the answer says: a second try with the same state is always refused.
  const request = await consumeSsoRequest(state, conn.id);
  refuseWhenOff(conn, request.purpose);
  const error = params.get('error');
  if (error !== null)
    throw new SsoRefusal('provider_error', providerErrorDetail(error, params.get('error_description')));
  if (!request.nonce || !request.codeVerifier)
    throw new SsoRefusal('unknown_request', 'the sign-in request was not started for OpenID Connect');

  const config = await configurationFor(conn);
  const answer = new URL(redirectUri);
  answer.search = params.toString();
  const tokenEndpoint = String(config.serverMetadata().token_endpoint);
  let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
  try {
    tokens = await client.authorizationCodeGrant(config, answer, {
      pkceCodeVerifier: request.codeVerifier,
      expectedNonce: request.nonce,
      expectedState: state,
      idTokenExpected: true,
    });
  } catch (e) {
    throw refusalFor(e, 'token', tokenEndpoint);
  }
  rememberKeys(conn, config);
  const idToken = tokens.claims();
  if (!idToken) throw new SsoRefusal('bad_answer', 'the token endpoint returned no ID token');

  let userinfo: Record<string, unknown> = {};
  const userinfoEndpoint = config.serverMetadata().userinfo_endpoint;
  if (userinfoEndpoint && needsUserinfo(idToken, conn.settings.groupsClaim)) {
    try {
      // The library refuses userinfo about anyone but the ID token's subject.
      userinfo = await client.fetchUserInfo(config, tokens.access_token, idToken.sub);
    } catch (e) {
      throw refusalFor(e, 'userinfo', userinfoEndpoint);
    }
  }
  // The ID token's claims win: they are signed and were checked above.
  const claims = readOidcClaims({ ...userinfo, ...idToken }, conn.settings.groupsClaim);
  return { claims, request };
}
