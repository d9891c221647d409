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

/**
 * The IdP's form, or null when the request is no SAML answer at all (not a form, or no
 * SAMLResponse in it): that is answered 400 and not logged as a sign-in attempt.
 */
async function samlForm(request: Request): Promise<{ SAMLResponse: string; RelayState?: unknown } | null> {
  const type = (request.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded' && type !== 'multipart/form-data') return null;
  const length = Number(request.headers.get('content-length') ?? 0);
  if (length > MAX_SAML_FORM_BYTES)
    throw new SsoRefusal('bad_answer', `the answer is larger than ${MAX_SAML_FORM_BYTES} bytes`);
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return null;
  }
  const answer = form.get('SAMLResponse');
  if (typeof answer !== 'string' || answer === '') return null;
  return { SAMLResponse: answer, RelayState: form.get('RelayState') ?? undefined };
}

const NOT_SAML = 'This address takes a SAML answer from an identity provider: a form POST with a SAMLResponse field.';

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
    if (!form) return new Response(NOT_SAML, { status: 400, headers: { 'content-type': 'text/plain; charset=utf-8' } });
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
