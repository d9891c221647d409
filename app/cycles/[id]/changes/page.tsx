import Link from '@/components/ui/link';
import type { Metadata } from 'next';
import { requireUser } from '@/lib/auth/session.server';
import { can } from '@/lib/auth/permissions';
import { backlogMeta } from '@/lib/backlog/list.server';
import { listChangeRequests } from '@/lib/changes/list.server';
import { readForPage, routeId } from '@/lib/pages.server';
import { ChangeList } from '@/components/changes/change-list';
import { LinkButton } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { ExportLinks } from '@/components/ui/export-links';

export const metadata: Metadata = { title: 'Change requests · Quorum' };
export const dynamic = 'force-dynamic';

/** The cycle's change requests, newest first. lib/ refuses requestors (403); an unknown cycle is a 404. */
export default async function CycleChangesPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const cycleId = await routeId(params);
  const rows = await readForPage(() => listChangeRequests(user, cycleId));
  const { cycleName } = await readForPage(() => backlogMeta(user, cycleId));
  const mayRaise = can(user, 'change.raise');
  return (
    <div className="max-w-6xl space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <div className="min-w-0 wrap-anywhere">
          <p className="text-sm">
            <Link href={`/cycles/${cycleId}`}>← Back to the {cycleName} backlog</Link>
          </p>
          <h1 className="mt-1 text-2xl font-semibold">{cycleName} change requests</h1>
        </div>
        <div className="flex flex-wrap gap-2">
          <ExportLinks
            label="Export the change requests"
            href={(format) => `/cycles/${cycleId}/export/changes?format=${format}`}
          />
          {mayRaise && <LinkButton href={`/cycles/${cycleId}/changes/new`}>Raise a change request</LinkButton>}
        </div>
      </div>
      {rows.length === 0 ? (
        <EmptyState title="No change requests yet">
          {mayRaise
            ? 'When something urgent cannot wait for the next cycle, raise a change request: say what comes in, what moves out or later, and why now.'
            : 'Leaders and product managers raise change requests when something urgent cannot wait for the next cycle.'}
        </EmptyState>
      ) : (
        <ChangeList rows={rows} />
      )}
    </div>
  );
}
