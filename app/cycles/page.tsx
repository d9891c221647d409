import Link from '@/components/ui/link';
import { ScrollBox } from '@/components/ui/scroll-box';
import type { Metadata } from 'next';
import { requirePermission } from '@/lib/auth/session.server';
import { can } from '@/lib/auth/permissions';
import { listCycles } from '@/lib/cycles/cycles.server';
import { LinkButton } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { personWeeks } from '@/lib/plural';

export const metadata: Metadata = { title: 'Cycles · Quorum' };

export default async function CyclesPage() {
  const user = await requirePermission('backlog.view');
  const cycles = await listCycles(user);
  const manage = can(user, 'cycle.manage');
  return (
    <div className="max-w-4xl space-y-4">
      <div className="flex items-center justify-between">
        <h1 className="text-2xl font-semibold">Cycles</h1>
        {manage && <LinkButton href="/cycles/new">New cycle</LinkButton>}
      </div>
      {cycles.length === 0 ? (
        <EmptyState title="No cycles yet">
          {manage
            ? 'Create the first cycle to start collecting its backlog.'
            : 'A product manager has not opened a cycle yet.'}
        </EmptyState>
      ) : (
        <ScrollBox label="Cycles">
          <table className="w-full text-sm">
            <thead className="text-left text-zinc-500 dark:text-zinc-400">
              <tr>
                <th className="py-2">Cycle</th>
                <th>Cadence</th>
                <th>Dates</th>
                <th>Capacity</th>
                <th>Status</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
              {cycles.map((c) => (
                <tr key={c.id}>
                  <td className="py-2 font-medium">
                    <Link href={`/cycles/${c.id}`}>{c.name}</Link>
                  </td>
                  <td className="capitalize">{c.cadence}</td>
                  <td>
                    {c.startsOn} – {c.endsOn}
                  </td>
                  <td>{personWeeks(c.capacityWeeks)}</td>
                  <td className="capitalize">{c.status}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      )}
    </div>
  );
}
