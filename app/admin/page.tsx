import type { Metadata } from 'next';
import { requirePermission } from '@/lib/auth/session.server';
import { listPeople, parsePeopleQuery } from '@/lib/users/people-list.server';
import { pickerOptions } from '@/lib/users/directory.server';
import { listPendingInvitations } from '@/lib/invitations/invite.server';
import { SIGN_IN_METHOD_LABELS } from '@/lib/users/sign-in-methods';
import { LocalTime } from '@/components/items/item-history';
import { ActiveToggle } from '@/app/admin/_components/active-toggle';
import { DepartmentForm } from '@/app/admin/_components/department-form';
import { Choices } from '@/components/ui/choices';
import { EndSessionsButton } from '@/app/admin/_components/end-sessions-button';
import { InviteForm } from '@/app/admin/_components/invite-form';
import { PeopleSearch } from '@/app/admin/_components/people-search';
import { PendingInvitations } from '@/app/admin/_components/pending-invitations';
import { ResetPasswordForm } from '@/app/admin/_components/reset-password-form';
import { RoleForm } from '@/app/admin/_components/role-form';
import { ScrollBox } from '@/components/ui/scroll-box';

export const metadata: Metadata = { title: 'People · Quorum' };

const card = 'rounded-md border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-950';

export default async function AdminPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePermission('user.manage');
  const { query, problems } = parsePeopleQuery(await searchParams);
  const { people, total, page, pages } = await listPeople(user, query);
  const invitations = await listPendingInvitations(user);
  // Active departments for new choices; each person's own (even archived) stays selectable on their row.
  const all = (await pickerOptions('with-archived')).departments;
  const active = (await pickerOptions()).departments;
  const activeIds = new Set(active.map((d) => d.id));
  const choices = all.map((d) => ({ id: d.id, name: d.name, archived: !activeIds.has(d.id) }));
  return (
    <div className="max-w-6xl space-y-6">
      <h1 className="text-2xl font-semibold">People</h1>
      <section className={card}>
        <InviteForm
          departments={active}
          defaultDepartmentId={activeIds.has(user.departmentId) ? user.departmentId : (active[0]?.id ?? 0)}
        />
      </section>
      <section className={card}>
        <PendingInvitations invitations={invitations} />
      </section>
      <PeopleSearch q={query.q} page={page} pages={pages} total={total} problems={problems} />
      {/* A narrow screen scrolls the table, not the page. Relative, like every scroll box here: otherwise the
          absolutely placed screen-reader-only text inside is placed against the page and widens it. */}
      <ScrollBox label="People">
        <Choices value={choices}>
          <table className="w-full text-sm">
            <thead className="text-left text-zinc-500 dark:text-zinc-400">
              <tr>
                <th className="py-2">Name</th>
                <th>E-mail</th>
                <th>Role</th>
                <th>Department</th>
                <th>Last sign-in</th>
                <th>Status</th>
                <th>
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
              {people.map((p) => (
                <tr key={p.id}>
                  <td className="py-2 font-medium wrap-anywhere">{p.name}</td>
                  <td className="wrap-anywhere">{p.email}</td>
                  <td>
                    {p.id === user.id ? (
                      <span className="capitalize">{p.role}</span>
                    ) : (
                      <RoleForm userId={p.id} name={p.name} role={p.role} />
                    )}
                  </td>
                  <td>
                    <DepartmentForm
                      userId={p.id}
                      name={p.name}
                      departmentId={p.departmentId}
                      departmentName={p.departmentName}
                    />
                  </td>
                  <td>
                    {p.lastSignInAt === null ? (
                      'Never'
                    ) : (
                      <>
                        <LocalTime iso={new Date(p.lastSignInAt).toISOString()} />
                        {p.lastSignInMethod && (
                          <span className="block text-xs text-zinc-500 dark:text-zinc-400">
                            {SIGN_IN_METHOD_LABELS[p.lastSignInMethod]}
                          </span>
                        )}
                      </>
                    )}
                  </td>
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
        </Choices>
      </ScrollBox>
    </div>
  );
}
