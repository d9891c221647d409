import Link from '@/components/ui/link';
import { MainNavigation } from './main-navigation';
import { can } from '@/lib/auth/permissions';

import { signOutAction } from '@/app/actions';
import { unreadCount } from '@/lib/notifications/inbox.server';
import type { ActingUser } from '@/lib/auth/acting-user';
import { TimeZoneProvider } from '@/components/meetings/time-zone-provider';

const ROLE_LABEL = {
  admin: 'Admin',
  pm: 'Product manager',
  leader: 'Leader',
  engineer: 'Engineer',
  requestor: 'Requestor',
} as const;

/** The main landmark's id: the skip link at the top of every page points here. */
export const MAIN_CONTENT_ID = 'main-content';

export async function AppShell({ user, children }: { user: ActingUser; children: React.ReactNode }) {
  const links = [
    { href: '/', label: 'Home', show: true },
    { href: '/cycles', label: 'Cycles', show: can(user, 'backlog.view') },
    { href: '/requests', label: 'My requests', show: true },
    { href: '/requests/new', label: 'New request', show: true },
    { href: '/roadmap', label: 'Roadmap', show: true },
    { href: '/triage', label: 'Triage', show: can(user, 'request.triage') },
    { href: '/changes', label: 'Change requests', show: can(user, 'backlog.view') },
    { href: '/admin', label: 'People', show: can(user, 'user.manage') },
    { href: '/admin/directory', label: 'Departments and modules', show: can(user, 'user.manage') },
    { href: '/admin/outbox', label: 'Outbox', show: can(user, 'outbox.view') },
    { href: '/admin/settings', label: 'Meeting settings', show: can(user, 'user.manage') },
    { href: '/admin/sign-in', label: 'Sign-in', show: can(user, 'sso.manage') },
    { href: '/admin/webhooks', label: 'Webhooks', show: can(user, 'webhook.manage') },
    { href: '/admin/roadmap-links', label: 'Roadmap links', show: can(user, 'user.manage') },
    { href: '/admin/audit', label: 'Audit', show: can(user, 'audit.view') },
  ].filter((l) => l.show);
  const unread = await unreadCount(user);
  return (
    <div className="min-h-screen lg:flex">
      <MainNavigation links={links.map(({ href, label }) => ({ href, label }))} />
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="flex flex-wrap items-center justify-end gap-x-4 gap-y-1 border-b border-zinc-200 bg-white px-4 py-2 sm:px-6 print:hidden text-sm dark:border-zinc-800 dark:bg-zinc-900">
          <Link
            href="/notifications"
            aria-label={unread > 0 ? `Notifications, ${unread} unread` : 'Notifications'}
            className="inline-flex items-center gap-1.5 rounded-md px-2 py-1 text-zinc-700 no-underline hover:bg-zinc-100 dark:text-zinc-200 dark:hover:bg-zinc-800"
          >
            Notifications
            {unread > 0 && (
              <span
                aria-hidden="true"
                className="min-w-5 rounded-full bg-indigo-600 px-1.5 text-center text-xs leading-5 font-semibold text-white"
              >
                {unread > 99 ? '99+' : unread}
              </span>
            )}
          </Link>
          <Link
            href="/settings"
            className="rounded-md px-2 py-1 text-zinc-700 no-underline hover:bg-zinc-100 dark:text-zinc-200 dark:hover:bg-zinc-800"
          >
            Settings
          </Link>
          <span className="min-w-0 wrap-anywhere">
            <span className="font-medium">{user.name}</span>{' '}
            <span className="text-zinc-500 max-sm:hidden dark:text-zinc-400">
              · {ROLE_LABEL[user.role]} · {user.departmentName}
            </span>
          </span>
          <form action={signOutAction}>
            <button
              type="submit"
              className="rounded-md px-2 py-1 text-zinc-700 hover:bg-zinc-100 dark:text-zinc-200 dark:hover:bg-zinc-800"
            >
              Sign out
            </button>
          </form>
        </header>
        {/* tabIndex -1: the skip link moves keyboard focus here, not only the scroll position. */}
        <main id={MAIN_CONTENT_ID} tabIndex={-1} className="min-w-0 flex-1 px-4 py-6 focus:outline-none sm:px-6">
          <TimeZoneProvider zone={user.timeZone}>{children}</TimeZoneProvider>
        </main>
      </div>
    </div>
  );
}
