import 'server-only';
import { notFound } from 'next/navigation';
import { idParam } from '@/lib/validation';
import { SsoRefusal } from '../claims';
import { loadConnection } from '../connection-settings.server';
import { finishSsoSignIn, refuseSsoAnswer } from '../finish.server';
import { ssoUrls } from '../urls.server';
import { peekSsoRequest } from '../requests.server';
import { connectionProtocol } from '../connection-settings.server';
import { completeSamlSignIn } from './flow.server';
import { spMetadataXml } from './sp.server';

/** The largest SAML answer read: real ones are a few kilobytes, even with many groups. */
const MAX_SAML_FORM_BYTES = 512 * 1024;

async function samlForm(request: Request): Promise<{ SAMLResponse?: unknown; RelayState?: unknown }> {
  const length = Number(request.headers.get('content-length') ?? 0);
  if (length > MAX_SAML_FORM_BYTES)
    throw new SsoRefusal('bad_answer', `the answer is larger than ${MAX_SAML_FORM_BYTES} bytes`);
  try {
    const form = await request.formData();
    return { SAMLResponse: form.get('SAMLResponse') ?? undefined, RelayState: form.get('RelayState') ?? undefined };
  } catch {
    throw new SsoRefusal('bad_answer', 'the request is not a form with a SAMLResponse');
  }
}

/**
 * The IdP's POST. Refusals are logged. Whether it answers a test is read from the RelayState, which
 * for a round trip begun here is our request's id; anything else is treated as a sign-in.
 */
export async function completeSamlRoundTrip(request: Request, rawId: string): Promise<Response> {
  const id = idParam.safeParse(rawId);
  if (!id.success) notFound();
  const conn = await loadConnection(id.data);
  if (!conn || conn.protocol !== 'saml') notFound();
  let result: Awaited<ReturnType<typeof completeSamlSignIn>>;
  let purpose: 'signin' | 'test' = 'signin';
  try {
    const form = await samlForm(request);
    const relay = typeof form.RelayState === 'string' && form.RelayState.length <= 200 ? form.RelayState : '';
    const pending = relay ? await peekSsoRequest(relay) : null;
    if (pending?.connectionId === conn.id) purpose = pending.purpose;
    result = await completeSamlSignIn(conn, form, ssoUrls(conn.id).base);
  } catch (error) {
    if (!(error instanceof SsoRefusal)) throw error;
    return refuseSsoAnswer(conn.id, error, purpose);
  }
  return finishSsoSignIn(conn, result.claims, result.request, result.request ? null : result.relayState);
}

export async function samlMetadataResponse(rawId: string): Promise<Response> {
  const id = idParam.safeParse(rawId);
  if (!id.success) notFound();
  // Before the IdP's own metadata is saved too: the IdP's admin needs ours first.
  if ((await connectionProtocol(id.data)) !== 'saml') notFound();
  return new Response(await spMetadataXml(id.data, ssoUrls(id.data).base), {
    headers: { 'content-type': 'application/samlmetadata+xml; charset=utf-8' },
  });
}
