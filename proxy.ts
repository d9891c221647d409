import { NextResponse, type NextRequest } from 'next/server';
import { refuseApiWrite } from '@/lib/security/api-writes';
import { contentSecurityPolicy, createNonce, isHttpsUrl, securityHeaders } from '@/lib/security/headers';
import { isLinkReaderPath, LINK_READER_HEADERS } from '@/lib/roadmap/link-reader-headers';
import { bodyTooLargeMessage, declaresMoreThan, MAX_ACTION_BODY_BYTES } from '@/lib/body-limits';

// The icon (app/icon.svg) is public too: the sign-in page shows it in the tab before anyone signs in.
// /sso is where sign-in through an identity provider begins and returns, before there is a session.
// SCIM is called by an identity provider with a bearer token, never a session: it answers 401 itself.
// Invitation links are opened by people who have no account yet, and read-only roadmap links by
// people who will never have one.
const PUBLIC = [
  '/signin',
  '/api/auth',
  '/_next',
  '/favicon.ico',
  '/icon.svg',
  '/api/health',
  '/sso',
  '/scim',
  '/invitations',
  '/share',
];
// The JSON API and downloads (scripts fetch them as well as browsers) answer 401 themselves.
const answers401 = (pathname: string) => pathname.startsWith('/api/') || pathname.endsWith('/export');

/**
 * Runs in front of every request (static files aside, which get their headers from next.config.ts):
 * - refuses cross-site writes to the JSON API (lib/security/api-writes.ts says why it sits here:
 *   one place in front of every route, before any handler reads a body);
 * - sets the security headers and a Content-Security-Policy with a fresh script nonce. The policy is
 *   also put on the request, where Next reads the nonce and puts it on its own scripts;
 * - is a coarse gate: visitors without a session cookie go to sign-in, with the path passed on so
 *   pages can return there. Every page, action and route still checks the user itself.
 */
export function proxy(request: NextRequest) {
  // Read directly: lib/env.server.ts is server-only, and start-up has already refused a malformed APP_URL.
  const appUrl = process.env.APP_URL;
  const { pathname, search } = request.nextUrl;
  const https = isHttpsUrl(appUrl);
  // A page path that takes a body is a server action: Next would answer one over its limit with a 500.
  // SCIM's routes read their bodies themselves and answer a large one 413 in SCIM's error schema.
  const ownBodyLimit = pathname.startsWith('/api/') || pathname.startsWith('/scim/');
  if (!ownBodyLimit && declaresMoreThan(request.headers, MAX_ACTION_BODY_BYTES)) {
    const tooLarge = new NextResponse(bodyTooLargeMessage(MAX_ACTION_BODY_BYTES), {
      status: 413,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    });
    return secured(tooLarge, null, https);
  }

  const refusal = refuseApiWrite({
    method: request.method,
    pathname,
    headers: request.headers,
    appOrigin: appUrl ?? request.nextUrl.origin,
  });
  if (refusal) {
    return secured(Response.json({ error: refusal.error }, { status: refusal.status }), null, https);
  }

  const nonce = createNonce();
  const csp = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === 'development' });
  const headers = new Headers(request.headers);
  headers.set('x-pathname', pathname + search);
  headers.set('content-security-policy', csp);

  if (PUBLIC.some((p) => pathname === p || pathname.startsWith(p + '/'))) {
    const open = secured(NextResponse.next({ request: { headers } }), csp, https);
    if (isLinkReaderPath(pathname)) for (const [k, v] of Object.entries(LINK_READER_HEADERS)) open.headers.set(k, v);
    return open;
  }
  const hasSession =
    request.cookies.has('authjs.session-token') || request.cookies.has('__Secure-authjs.session-token');
  if (!hasSession && !answers401(pathname)) {
    const url = request.nextUrl.clone();
    url.pathname = '/signin';
    url.search = `?next=${encodeURIComponent(pathname + search)}`;
    return secured(NextResponse.redirect(url), csp, https);
  }
  return secured(NextResponse.next({ request: { headers } }), csp, https);
}

function secured<T extends Response>(response: T, csp: string | null, https: boolean): T {
  for (const [name, value] of Object.entries(securityHeaders({ https }))) response.headers.set(name, value);
  // A refused API write is JSON, never rendered: the strictest policy fits it.
  response.headers.set('Content-Security-Policy', csp ?? "default-src 'none'; frame-ancestors 'none'");
  return response;
}

export const config = { matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'] };
