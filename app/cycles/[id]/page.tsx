import Link from '@/components/ui/link';
import type { Metadata } from 'next';
import { Suspense } from 'react';
import { requirePermission } from '@/lib/auth/session.server';
import { can } from '@/lib/auth/permissions';
import { backlogMeta } from '@/lib/backlog/list.server';
import { getCycle } from '@/lib/cycles/cycles.server';
import { readForPage, routeId } from '@/lib/pages.server';
import { LinkButton } from '@/components/ui/button';
import { BacklogLoader } from '@/components/backlog/backlog-loader';
import { canImport } from '@/lib/import/preview.server';
import { CycleReviewLinks } from './review/_components/cycle-review-links';

export const metadata: Metadata = { title: 'Backlog · Quorum' };

export default async function BacklogPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ triaged?: string }>;
}) {
  const user = await requirePermission('backlog.view');
  const cycleId = await routeId(params);
  const meta = await readForPage(() => backlogMeta(user, cycleId));
  const triaged = (await searchParams).triaged;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-semibold">{meta.cycleName} backlog</h1>
        <div className="flex flex-wrap gap-2">
          <LinkButton variant="secondary" href={`/cycles/${cycleId}/map`}>
            Story map
          </LinkButton>
          <LinkButton variant="secondary" href={`/cycles/${cycleId}/meetings`}>
            Meetings
          </LinkButton>
          <LinkButton variant="secondary" href={`/cycles/${cycleId}/outcome`}>
            Outcome
          </LinkButton>
          <CycleReviewLinks user={user} cycleId={cycleId} cycle={await getCycle(user, cycleId)} />
          <LinkButton variant="secondary" href={`/cycles/${cycleId}/schedule`}>
            Schedule
          </LinkButton>
          <LinkButton variant="secondary" href={`/cycles/${cycleId}/modules`}>
            By module
          </LinkButton>
          <LinkButton variant="secondary" href={`/cycles/${cycleId}/demos`}>
            Demos
          </LinkButton>
          <LinkButton variant="secondary" href={`/cycles/${cycleId}/changes`}>
            Change requests
          </LinkButton>
          {meta.scoring && (
            <LinkButton variant="secondary" href={`/cycles/${cycleId}/scores`}>
              Scores
            </LinkButton>
          )}
          {can(user, 'cycle.manage') && (
            <LinkButton variant="secondary" href={`/cycles/${cycleId}/settings`}>
              Settings and themes
            </LinkButton>
          )}
          {canImport(user) && (
            <LinkButton variant="secondary" href={`/cycles/${cycleId}/import`}>
              Import
            </LinkButton>
          )}
          {can(user, 'item.create') && <LinkButton href={`/cycles/${cycleId}/items/new`}>Add item</LinkButton>}
        </div>
      </div>
      {triaged && (
        <p
          role="status"
          className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200"
        >
          The request is now a curated item of this cycle. <Link href={`/items/${Number(triaged) || ''}`}>Open it</Link>
        </p>
      )}
      {/* useSearchParams in the table needs a Suspense boundary. */}
      <Suspense fallback={<p role="status">Loading the backlog…</p>}>
        <BacklogLoader meta={meta} />
      </Suspense>
    </div>
  );
}
