import 'server-only';
import * as client from 'openid-client';
import { SsoRefusal } from '../claims';

/** Which step failed, as the admin reads it. */
export type OidcStep = 'discovery' | 'token' | 'userinfo';

const STEP_NAMES: Record<OidcStep, string> = {
  discovery: 'the discovery document',
  token: 'the token endpoint',
  userinfo: 'the userinfo endpoint',
};

// What Node reports when nothing answered at that address (refused, unknown host, reset, timed out).
const NETWORK_CODES =
  /^(ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|EPIPE|UND_ERR_\w+)$/;

/** Text from another party, made safe to show: one line, bounded. */
export function tidy(text: unknown, max = 300): string {
  const s = String(text)
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]+/gu, ' ')
    .trim();
  return s.length > max ? `${s.slice(0, max)}…` : s;
}

function causes(error: unknown): unknown[] {
  const chain: unknown[] = [];
  for (let e = error; e !== undefined && e !== null && chain.length < 6; e = (e as { cause?: unknown }).cause)
    chain.push(e);
  return chain;
}

function networkFailure(error: unknown): string | null {
  for (const e of causes(error)) {
    if (typeof e !== 'object' || e === null) continue;
    const { code, name } = e as { code?: unknown; name?: unknown };
    if (typeof code === 'string' && NETWORK_CODES.test(code)) return code;
    if (name === 'TimeoutError' || name === 'AbortError') return 'no answer in time';
  }
  // undici reports every failure to connect as TypeError('fetch failed'), with the reason as its cause.
  return error instanceof TypeError && error.message === 'fetch failed' ? 'fetch failed' : null;
}

/** The messages down the chain of causes (openid-client wraps the precise reason in a general one). */
function messages(error: unknown): string {
  const parts = causes(error)
    .filter((e): e is Error => e instanceof Error)
    .map((e) => e.message);
  return tidy([...new Set(parts)].join(': ') || String(error));
}

/**
 * The refusal for an error met while talking to the provider. The detail names the step and the
 * reason in the protocol's words (never a token, a code or the secret) for the admin.
 */
export function refusalFor(error: unknown, step: OidcStep, url: string): SsoRefusal {
  if (error instanceof SsoRefusal) return error;
  const where = `${STEP_NAMES[step]} (${tidy(url, 200)})`;
  const network = networkFailure(error);
  if (network) return new SsoRefusal('unreachable', `${where} could not be reached: ${network}`);
  if (error instanceof client.AuthorizationResponseError)
    return new SsoRefusal('provider_error', providerErrorDetail(error.error, error.error_description));
  if (error instanceof client.ResponseBodyError) {
    const said = `${tidy(error.error, 100)}${error.error_description ? ` (${tidy(error.error_description)})` : ''}`;
    if (error.status >= 500) return new SsoRefusal('unreachable', `${where} failed: HTTP ${error.status} ${said}`);
    return new SsoRefusal('bad_answer', `${where} refused: ${said}`);
  }
  if (error instanceof client.WWWAuthenticateChallengeError) {
    // A refused client authentication (a wrong secret) comes back as a challenge, not a body.
    const said = error.cause.map((c) => c.parameters.error ?? c.scheme).join(', ');
    const description = error.cause.find((c) => c.parameters.error_description)?.parameters.error_description;
    return new SsoRefusal(
      'bad_answer',
      `${where} refused: ${tidy(said, 100)}${description ? ` (${tidy(description)})` : ''} (HTTP ${error.status})`,
    );
  }
  const status = causes(error).find((e): e is Response => e instanceof Response)?.status;
  if (status !== undefined && status >= 500) return new SsoRefusal('unreachable', `${where} failed: HTTP ${status}`);
  if (status !== undefined) return new SsoRefusal('bad_answer', `${where} answered HTTP ${status}`);
  const mismatch = issuerMismatch(error);
  if (mismatch) return new SsoRefusal('bad_answer', mismatch);
  return new SsoRefusal('bad_answer', `${where}: ${messages(error)}`);
}

/** Discovery's "issuer does not match": say which issuer the document names instead. */
function issuerMismatch(error: unknown): string | null {
  if (!(error instanceof client.ClientError)) return null;
  const cause = error.cause as { attribute?: unknown; expected?: unknown; body?: { issuer?: unknown } } | undefined;
  if (cause?.attribute !== 'issuer' || cause.body?.issuer === undefined) return null;
  return `the discovery document at ${tidy(cause.expected, 200)} names the issuer ${tidy(cause.body.issuer, 200)}: the issuer must be the same`;
}

export function providerErrorDetail(error: string, description: string | null | undefined): string {
  return `the provider answered ${tidy(error, 100)}${description ? `: ${tidy(description)}` : ''}`;
}
