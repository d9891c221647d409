import type { Metadata } from 'next';
import { requirePermission } from '@/lib/auth/session.server';
import { listUsers } from '@/lib/users/admin.server';
import { ActiveToggle } from '@/app/admin/_components/active-toggle';
import { EndSessionsButton } from '@/app/admin/_components/end-sessions-button';
import { ResetPasswordForm } from '@/app/admin/_components/reset-password-form';
import { RoleForm } from '@/app/admin/_components/role-form';

export const metadata: Metadata = { title: 'People · Quorum' };

export default async function AdminPage() {
  const user = await requirePermission('user.manage');
  const people = await listUsers(user);
  return (
    <div className="max-w-5xl space-y-4">
      <h1 className="text-2xl font-semibold">People</h1>
      {/* A narrow screen scrolls the table, not the page. Relative, like every scroll box here: otherwise the
          absolutely placed screen-reader-only text inside is placed against the page and widens it. */}
      <div className="relative overflow-x-auto">
        <table className="w-full text-sm">
          <thead className="text-left text-zinc-500 dark:text-zinc-400">
            <tr>
              <th className="py-2">Name</th>
              <th>E-mail</th>
              <th>Role</th>
              <th>Department</th>
              <th>Status</th>
              <th>
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
            {people.map((p) => (
              <tr key={p.id}>
                <td className="py-2 font-medium">{p.name}</td>
                <td>{p.email}</td>
                <td>
                  {p.id === user.id ? (
                    <span className="capitalize">{p.role}</span>
                  ) : (
                    <RoleForm userId={p.id} name={p.name} role={p.role} />
                  )}
                </td>
                <td>{p.departmentName}</td>
                <td>{p.active ? 'Active' : 'Deactivated'}</td>
                <td>
                  {p.id !== user.id && (
                    <div className="flex flex-wrap items-center gap-2">
                      <ActiveToggle userId={p.id} name={p.name} active={p.active} />
                      {p.active && <EndSessionsButton userId={p.id} name={p.name} />}
                      {p.active && <ResetPasswordForm userId={p.id} name={p.name} />}
                    </div>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
