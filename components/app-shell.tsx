import Link from 'next/link';
import { can } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/session';
import { signOutAction } from '@/app/actions';

const ROLE_LABEL = { admin: 'Admin', pm: 'Product manager', leader: 'Leader', engineer: 'Engineer', requestor: 'Requestor' } as const;

export function AppShell({ user, children }: { user: SessionUser; children: React.ReactNode }) {
  const links = [
    { href: '/', label: 'Home', show: true },
    { href: '/cycles', label: 'Cycles', show: can(user, 'backlog.view') },
    { href: '/requests', label: 'My requests', show: true },
    { href: '/requests/new', label: 'New request', show: true },
    { href: '/triage', label: 'Triage', show: can(user, 'request.triage') },
    { href: '/admin', label: 'People', show: can(user, 'user.manage') },
  ].filter((l) => l.show);
  return (
    <div className="flex min-h-screen">
      <nav aria-label="Main" className="w-52 shrink-0 border-r border-zinc-200 bg-white px-3 py-4 dark:border-zinc-800 dark:bg-zinc-900 max-md:hidden">
        <Link href="/" className="mb-6 block px-2 text-lg font-bold text-zinc-900 no-underline dark:text-white">Quorum</Link>
        <ul className="space-y-1">
          {links.map((l) => (
            <li key={l.href}>
              <Link href={l.href} className="block rounded-md px-2 py-1.5 text-sm text-zinc-700 no-underline hover:bg-zinc-100 dark:text-zinc-200 dark:hover:bg-zinc-800">{l.label}</Link>
            </li>
          ))}
        </ul>
      </nav>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="flex items-center justify-end gap-4 border-b border-zinc-200 bg-white px-6 py-2 text-sm dark:border-zinc-800 dark:bg-zinc-900">
          <span>
            <span className="font-medium">{user.name}</span>{' '}
            <span className="text-zinc-500">· {ROLE_LABEL[user.role]} · {user.departmentName}</span>
          </span>
          <form action={signOutAction}>
            <button type="submit" className="rounded-md px-2 py-1 text-zinc-700 hover:bg-zinc-100 dark:text-zinc-200 dark:hover:bg-zinc-800">Sign out</button>
          </form>
        </header>
        <main className="min-w-0 flex-1 px-6 py-6">{children}</main>
      </div>
    </div>
  );
}
