/**
 * Pages shown without the app's navigation: the presenter view fills a room's screen, and a
 * read-only roadmap link is for people without an account. The root
 * layout asks, from the path the proxy passes on (x-pathname); a route group would have meant
 * moving every other page under a group of its own.
 */
export function isBarePath(pathname: string | null): boolean {
  return pathname !== null && /^\/(?:meetings\/[^/?#]+\/present|share\/[^/?#]+)\/?(?:[?#]|$)/.test(pathname);
}
