/**
 * Pages shown without the app's navigation: the presenter view fills a room's screen. The root
 * layout asks, from the path the proxy passes on (x-pathname); a route group would have meant
 * moving every other page under a group of its own.
 */
export function isBarePath(pathname: string | null): boolean {
  return pathname !== null && /^\/meetings\/[^/?#]+\/present\/?(?:[?#]|$)/.test(pathname);
}
