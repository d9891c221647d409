/**
 * Read-only roadmap links (/share/…) are opened without an account, so the proxy lets them through
 * and adds these headers: search engines must not index a link's page, and the browser must not send
 * its address — which holds the token — to any site the reader goes on to.
 */
export const isLinkReaderPath = (pathname: string) => pathname === '/share' || pathname.startsWith('/share/');

export const LINK_READER_HEADERS: Record<string, string> = {
  'Referrer-Policy': 'no-referrer',
  'X-Robots-Tag': 'noindex, nofollow',
  'Cache-Control': 'private, no-store',
};
