import { NextResponse, type NextRequest } from 'next/server';
import { bodyTooLargeMessage, declaresMoreThan, MAX_ACTION_BODY_BYTES } from '@/lib/body-limits';

const PUBLIC = ['/signin', '/api/auth', '/_next', '/favicon.ico', '/api/health'];

/**
 * Coarse gate only: sends visitors without a session cookie to sign-in and passes the path on
 * so pages can return there. Every page, action and route still checks the user itself.
 */
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  // A page path that takes a body is a server action: Next would answer one over its limit with a 500.
  if (!pathname.startsWith('/api/') && declaresMoreThan(request.headers, MAX_ACTION_BODY_BYTES)) {
    return new NextResponse(bodyTooLargeMessage(MAX_ACTION_BODY_BYTES), {
      status: 413,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    });
  }
  const headers = new Headers(request.headers);
  headers.set('x-pathname', pathname + search);
  if (PUBLIC.some((p) => pathname === p || pathname.startsWith(p + '/'))) {
    return NextResponse.next({ request: { headers } });
  }
  const hasSession =
    request.cookies.has('authjs.session-token') || request.cookies.has('__Secure-authjs.session-token');
  if (!hasSession && !pathname.startsWith('/api/')) {
    const url = request.nextUrl.clone();
    url.pathname = '/signin';
    url.search = `?next=${encodeURIComponent(pathname + search)}`;
    return NextResponse.redirect(url);
  }
  return NextResponse.next({ request: { headers } });
}

export const config = { matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'] };
