/**
 * Where sign-in returns to: only same-site paths, anything else goes home. A link may point into a
 * page (`/meetings/4/preread#item-52`); the fragment never reaches the server, so the sign-in form
 * adds it on the client (`withFragment`) and the server accepts it only as a plain element id.
 */

const MAX_PATH = 2000;
/** An element id as the app writes them (`item-52`, `schedule-flags`): letters, digits, `-` and `_`. */
const FRAGMENT = /^#[A-Za-z][\w-]{0,99}$/;

export function safeNextPath(value: unknown): string {
  if (typeof value !== 'string') return '/';
  const hashAt = value.indexOf('#');
  const path = hashAt === -1 ? value : value.slice(0, hashAt);
  const fragment = hashAt === -1 ? '' : value.slice(hashAt);
  if (!path.startsWith('/') || path.startsWith('//') || path.startsWith('/\\')) return '/';
  if (path.startsWith('/signin') || path.startsWith('/api/')) return '/';
  const safePath = path.slice(0, MAX_PATH);
  // A malformed fragment is dropped, not the path: the user still lands on the right page.
  return FRAGMENT.test(fragment) ? safePath + fragment : safePath;
}

/** The return path with the page's own fragment (`location.hash`), unless the path already has one. */
export function withFragment(next: string, hash: string): string {
  if (!hash || hash === '#' || next.includes('#')) return next;
  return next + hash;
}
