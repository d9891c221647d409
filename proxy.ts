import { NextResponse, type NextRequest } from 'next/server';

const PUBLIC = ['/signin', '/api/auth', '/_next', '/favicon.ico', '/api/health'];
// Downloads that scripts fetch as well as browsers: like the JSON API, they answer 401 themselves.
const ANSWERS_401 = ['/api/', '/admin/audit/export'];

/**
 * Coarse gate only: sends visitors without a session cookie to sign-in and passes the path on
 * so pages can return there. Every page, action and route still checks the user itself.
 */
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const headers = new Headers(request.headers);
  headers.set('x-pathname', pathname + search);
  if (PUBLIC.some((p) => pathname === p || pathname.startsWith(p + '/'))) {
    return NextResponse.next({ request: { headers } });
  }
  const hasSession =
    request.cookies.has('authjs.session-token') || request.cookies.has('__Secure-authjs.session-token');
  if (!hasSession && !ANSWERS_401.some((p) => pathname.startsWith(p))) {
    const url = request.nextUrl.clone();
    url.pathname = '/signin';
    url.search = `?next=${encodeURIComponent(pathname + search)}`;
    return NextResponse.redirect(url);
  }
  return NextResponse.next({ request: { headers } });
}

export const config = { matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'] };
