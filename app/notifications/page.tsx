import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { requireUser } from '@/lib/auth/session.server';
import { listNotifications } from '@/lib/notifications/inbox.server';
import { EmptyState } from '@/components/ui/empty-state';
import { SubmitButton } from '@/components/ui/submit-button';
import { LocalTime } from '@/components/items/item-history';
import { markAllReadAction, markReadAction } from './actions';

export const metadata: Metadata = { title: 'Notifications · Quorum' };

const LIMIT = 100;

export default async function NotificationsPage() {
  const user = await requireUser();
  const list = await listNotifications(user, { limit: LIMIT });
  const unread = list.filter((n) => !n.readAt).length;
  return (
    <div className="max-w-3xl space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold">Notifications</h1>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            {unread === 0 ? 'All read.' : `${unread} unread.`}{' '}
            <Link href="/settings">Choose which ones also come by e-mail</Link>.
          </p>
        </div>
        {unread > 0 && (
          <form action={markAllReadAction}>
            <SubmitButton variant="secondary" pendingText="Marking…">
              Mark all as read
            </SubmitButton>
          </form>
        )}
      </div>
      {list.length === 0 ? (
        <EmptyState title="No notifications yet">
          <p>
            You will be told here when a pre-read is sent to you, a question is asked on an item you answer for, or
            someone answers yours.
          </p>
        </EmptyState>
      ) : (
        <ul
          aria-label="Notifications, newest first"
          className="divide-y divide-zinc-200 rounded-md border border-zinc-200 bg-white dark:divide-zinc-800 dark:border-zinc-800 dark:bg-zinc-950"
        >
          {list.map((n) => (
            <li
              key={n.id}
              className={`flex items-start gap-3 px-3 py-2.5 ${n.readAt ? '' : 'bg-indigo-50/60 dark:bg-indigo-950/30'}`}
            >
              <div className="min-w-0 flex-1 space-y-0.5">
                <p className="text-sm">
                  {!n.readAt && (
                    <span className="mr-2 inline-flex items-center gap-1 rounded bg-indigo-600 px-1.5 py-0.5 text-xs font-medium text-white">
                      Unread
                    </span>
                  )}
                  {/* A plain <a>: next/link would prefetch the route, which marks the notification read. */}
                  <a href={`/notifications/${n.id}`} className={n.readAt ? '' : 'font-semibold'}>
                    {n.title}
                  </a>
                </p>
                {n.body && <p className="text-sm whitespace-pre-line text-zinc-700 dark:text-zinc-300">{n.body}</p>}
                <p className="text-xs text-zinc-500 dark:text-zinc-400">
                  <LocalTime iso={n.createdAt} />
                </p>
              </div>
              {!n.readAt && (
                <form action={markReadAction} aria-label={`Mark read: ${n.title}`}>
                  <input type="hidden" name="id" value={n.id} />
                  <SubmitButton variant="secondary" pendingText="Marking…">
                    Mark read
                  </SubmitButton>
                </form>
              )}
            </li>
          ))}
        </ul>
      )}
      {list.length === LIMIT && <p className="text-sm text-zinc-500 dark:text-zinc-400">Showing the latest {LIMIT}.</p>}
    </div>
  );
}
