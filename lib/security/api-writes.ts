/**
 * The cross-site request check for JSON API writes, called by proxy.ts for every /api request.
 *
 * Why: the session cookie is SameSite=Lax, which still lets a form on another site (or a
 * `fetch` with `mode: 'no-cors'` and a text/plain body) post to our routes with the cookie if the
 * browser treats it as a top-level or same-site request, and an older browser may not honour
 * SameSite at all. Next.js refuses cross-origin server actions by comparing Origin with Host; the
 * JSON routes get the same rule here, in one place in front of every route. Requiring
 * `application/json` also forces a browser to send a CORS preflight for any cross-origin attempt,
 * which we never answer.
 */

export type WriteRefusal = { status: 403 | 415; error: string };

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * next-auth's own routes carry their own CSRF token (double-submit cookie). The REST API (/api/v1)
 * never reads a cookie, only an Authorization header a browser never adds on its own, so a cross-site
 * request has nothing to borrow; it checks the content type itself (lib/api-v1/handler.server.ts).
 */
const OWN_CSRF = ['/api/auth', '/api/v1'];

function isJson(contentType: string | null): boolean {
  if (!contentType) return false;
  const type = contentType.split(';')[0].trim().toLowerCase();
  return type === 'application/json';
}

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/**
 * Why an API write must be refused, or null when it may go on. `appOrigin` is APP_URL's origin
 * (the request's own origin when APP_URL is not set).
 */
export function refuseApiWrite(request: {
  method: string;
  pathname: string;
  headers: Headers;
  appOrigin: string;
}): WriteRefusal | null {
  const { method, pathname, headers } = request;
  if (!WRITES.has(method.toUpperCase())) return null;
  if (pathname !== '/api' && !pathname.startsWith('/api/')) return null;
  if (OWN_CSRF.some((p) => pathname === p || pathname.startsWith(p + '/'))) return null;

  if (!isJson(headers.get('content-type'))) {
    return { status: 415, error: 'Content-Type must be application/json for writes to the API.' };
  }
  const origin = headers.get('origin');
  if (origin !== null) {
    if (originOf(origin) !== originOf(request.appOrigin)) {
      return { status: 403, error: `Origin ${origin.slice(0, 100)} may not write to this API.` };
    }
    return null;
  }
  // Browsers send Origin on every POST, PUT, PATCH and DELETE they make; without it, only a
  // same-origin fetch metadata header proves the request came from our own pages.
  if (headers.get('sec-fetch-site') !== 'same-origin') {
    return { status: 403, error: 'A write to the API needs an Origin header (or Sec-Fetch-Site: same-origin).' };
  }
  return null;
}
