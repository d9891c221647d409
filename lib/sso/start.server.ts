import 'server-only';
import { notFound, redirect } from 'next/navigation';
import { z } from 'zod';
import { currentUser } from '@/lib/auth/session.server';
import { can } from '@/lib/auth/permissions';
import { safeNextPath } from '@/lib/auth/next-path';
import { idParam } from '@/lib/validation';
import { SsoRefusal } from './claims';
import { loadConnection } from './connection-settings.server';
import { refuseSsoAnswer, refusedSignInPath } from './finish.server';
import { beginOidcSignIn } from './oidc/flow.server';
import { beginSamlSignIn } from './saml/flow.server';
import { ssoUrls } from './urls.server';

const StartQuery = z.object({
  purpose: z.enum(['signin', 'test']).catch('signin'),
  next: z.string().max(2100).optional().catch(undefined),
});

/**
 * Begins a round trip to the connection's provider. A sign-in needs the connection switched on; a
 * test needs an admin (and works while it is still off, which is the point of testing).
 */
export async function startSsoRoundTrip(request: Request, rawId: string): Promise<Response> {
  const id = idParam.safeParse(rawId);
  if (!id.success) notFound();
  const query = StartQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  const nextPath = safeNextPath(query.next);
  if (query.purpose === 'test') {
    const user = await currentUser();
    if (!user) redirect(`/signin?next=${encodeURIComponent(`/admin/sign-in/${id.data}`)}`);
    if (!can(user, 'sso.manage')) notFound();
  }
  const conn = await loadConnection(id.data);
  if (!conn) {
    if (query.purpose === 'test')
      await refuseSsoAnswer(
        id.data,
        new SsoRefusal('disabled', 'the settings are not complete yet: save them first'),
        'test',
      );
    notFound();
  }
  if (query.purpose === 'signin' && !conn.enabled) redirect(refusedSignInPath('disabled'));
  const urls = ssoUrls(conn.id);
  let target: URL;
  try {
    target =
      conn.protocol === 'oidc'
        ? await beginOidcSignIn(conn, { purpose: query.purpose, nextPath, redirectUri: urls.oidcRedirect })
        : await beginSamlSignIn(conn, { purpose: query.purpose, nextPath, baseUrl: urls.base });
  } catch (error) {
    if (!(error instanceof SsoRefusal)) throw error;
    return refuseSsoAnswer(conn.id, error, query.purpose);
  }
  redirect(target.toString());
}
