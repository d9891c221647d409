import { completeOidcRoundTrip } from '@/lib/sso/oidc/callback.server';

/** The OpenID provider sends the browser back here with a code and the state we gave it. */
export async function GET(request: Request) {
  return completeOidcRoundTrip(new URL(request.url));
}
