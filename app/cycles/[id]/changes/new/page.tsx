import Link from '@/components/ui/link';
import type { Metadata } from 'next';
import { requireUser } from '@/lib/auth/session.server';
import { backlogMeta } from '@/lib/backlog/list.server';
import { raiseFormOptions } from '@/lib/changes/form-options.server';
import { pickerOptions } from '@/lib/users/directory.server';
import { readForPage, routeId } from '@/lib/pages.server';
import { RaiseForm } from '@/components/changes/raise-form';
import { raiseChangeRequestAction } from './actions';

export const metadata: Metadata = { title: 'Raise a change request · Quorum' };
export const dynamic = 'force-dynamic';

/**
 * Raise a change request against the cycle's schedule. Who may is decided in lib/ (change.raise):
 * a requestor or engineer gets the 403 page, an unknown cycle the 404 page.
 */
export default async function RaiseChangePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const cycleId = await routeId(params);
  const options = await readForPage(() => raiseFormOptions(user, cycleId));
  const meta = await readForPage(() => backlogMeta(user, cycleId));
  const { people, departments } = await pickerOptions();
  return (
    <div className="max-w-7xl space-y-4">
      <div>
        <p className="text-sm">
          <Link href={`/cycles/${cycleId}/changes`}>← Change requests of {options.cycle.name}</Link>
        </p>
        <h1 className="mt-1 text-2xl font-semibold">Raise a change request</h1>
        <p className="mt-1 max-w-3xl text-sm text-zinc-600 dark:text-zinc-400">
          Something urgent that cannot wait for the next cycle: say what comes in, what makes room for it and why now.
          The effect on the {options.cycle.name} schedule shows as you fill in the form.
        </p>
      </div>
      {options.cycle.status === 'closed' ? (
        <p
          role="status"
          className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100"
        >
          This cycle is closed: its schedule can no longer change.
        </p>
      ) : (
        <RaiseForm
          action={raiseChangeRequestAction}
          cycleId={cycleId}
          options={options}
          itemOptions={{ people, departments, themes: meta.themes }}
          defaultDepartmentId={user.departmentId}
        />
      )}
    </div>
  );
}
