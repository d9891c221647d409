import type { Metadata } from 'next';
import { requireUser } from '@/lib/auth/session.server';
import { listChangeRequests } from '@/lib/changes/list.server';
import { readForPage } from '@/lib/pages.server';
import { ChangeList } from '@/components/changes/change-list';
import { EmptyState } from '@/components/ui/empty-state';

export const metadata: Metadata = { title: 'Change requests · Quorum' };
export const dynamic = 'force-dynamic';

/** Every cycle's change requests, newest first (a change request's page links back to its cycle's list). */
export default async function ChangeRequestsPage() {
  const user = await requireUser();
  const rows = await readForPage(() => listChangeRequests(user));
  return (
    <div className="max-w-6xl space-y-6">
      <h1 className="text-2xl font-semibold">Change requests</h1>
      {rows.length === 0 ? (
        <EmptyState title="No change requests yet">
          Raise one from a cycle&apos;s change requests page when something urgent cannot wait for the next cycle.
        </EmptyState>
      ) : (
        <ChangeList rows={rows} showCycle />
      )}
    </div>
  );
}
