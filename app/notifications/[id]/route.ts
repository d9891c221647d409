import { redirect } from 'next/navigation';
import { requireUser } from '@/lib/auth/session.server';
import { markRead } from '@/lib/notifications/inbox.server';
import { readForPage, routeId } from '@/lib/pages.server';

/**
 * Following a notification: mark it read, then go to its subject. A route (not a page) so the
 * inbox can use a plain link; the inbox must not use next/link here, whose prefetch would GET
 * this URL and mark everything on screen as read.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const id = await routeId(params); // zod: a positive integer, else 404
  const notification = await readForPage(() => markRead(user, id)); // someone else's → 403, unknown → 404
  redirect(inAppPath(notification.link)); // outside any try: redirect() works by throwing
}

/** Links are written by our own code, but a redirect is never allowed to leave the site. */
function inAppPath(link: string): string {
  return link.startsWith('/') && !link.startsWith('//') && !link.startsWith('/\\') ? link : '/notifications';
}
