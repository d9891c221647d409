import 'server-only';
import { redirect } from 'next/navigation';
import { SsoRefusal } from '../claims';
import { loadConnection } from '../connection-settings.server';
import { finishSsoSignIn, refuseSsoAnswer, refusedSignInPath } from '../finish.server';
import { peekSsoRequest } from '../requests.server';
import { ssoUrls } from '../urls.server';
import { completeOidcSignIn } from './flow.server';

/**
 * The provider's redirect back. The state names our request, and so the connection; the request is
 * consumed by completeOidcSignIn, which verifies everything else.
 */
export async function completeOidcRoundTrip(url: URL): Promise<Response> {
  const state = url.searchParams.get('state') ?? '';
  const pending = state.length > 0 && state.length <= 200 ? await peekSsoRequest(state) : null;
  if (!pending) redirect(refusedSignInPath('unknown_request'));
  const conn = await loadConnection(pending.connectionId);
  if (!conn || conn.protocol !== 'oidc') redirect(refusedSignInPath('disabled'));
  let result: Awaited<ReturnType<typeof completeOidcSignIn>>;
  try {
    result = await completeOidcSignIn(conn, url, ssoUrls(conn.id).oidcRedirect);
  } catch (error) {
    if (!(error instanceof SsoRefusal)) throw error;
    return refuseSsoAnswer(conn.id, error, pending.purpose);
  }
  return finishSsoSignIn(conn, result.claims, result.request, null);
}
