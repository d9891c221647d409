import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { pageError } from '@/lib/pages.server';
import { can } from '@/lib/auth/permissions';
import { requireUser } from '@/lib/auth/session.server';
import { personWeeks } from '@/lib/meetings/format';
import { routeId } from '@/lib/pages.server';
import { ScheduleNotPublishedError } from '@/lib/schedule/access.server';
import { formatDay } from '@/lib/schedule/dates';
import { scheduleHeading } from '@/lib/schedule/schedule.server';
import { LocalTime } from '@/components/items/item-history';
import { ScheduleLoader } from '@/app/cycles/[id]/schedule/_components/schedule-loader';
import { EmptyState } from '@/components/ui/empty-state';
import { ExportLinks } from '@/components/ui/export-links';

export const metadata: Metadata = { title: 'Schedule · Quorum' };
export const dynamic = 'force-dynamic';

/**
 * A cycle's delivery schedule. Who may read it is decided in lib/schedule/access.server.ts: someone who
 * may only read a published schedule sees that it is not published yet (not a bare 403), an
 * unknown cycle is the 404 page. Everything below the header is one client component that reads
 * the schedule as data from GET /api/cycles/:id/schedule (docs/decisions/0005, 0007), so a
 * 2,000-item cycle's page stays light.
 */
export default async function SchedulePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const cycleId = await routeId(params);
  let view: Awaited<ReturnType<typeof scheduleHeading>>;
  try {
    view = await scheduleHeading(user, cycleId);
  } catch (error) {
    if (!(error instanceof ScheduleNotPublishedError)) throw pageError(error);
    return (
      <div className="max-w-3xl space-y-4">
        <h1 className="text-2xl font-semibold">Delivery schedule</h1>
        <EmptyState title="This schedule has not been published yet">
          You can read it here once a product manager publishes it; if you asked for or sponsor an item on it, you will
          be notified. <Link href="/requests">See your requests</Link>
        </EmptyState>
      </div>
    );
  }
  const { cycle, lastPublication } = view;
  const back = can(user, 'backlog.view')
    ? { href: `/cycles/${cycleId}`, label: `Back to the ${cycle.name} backlog` }
    : { href: '/requests', label: 'My requests' };
  return (
    <div className="max-w-7xl space-y-6">
      <header className="space-y-2">
        <p className="text-sm">
          <Link href={back.href}>← {back.label}</Link>
        </p>
        <div className="flex flex-wrap items-start justify-between gap-2">
          <h1 className="text-2xl font-semibold">{cycle.name} delivery schedule</h1>
          <ExportLinks
            label="Export the schedule"
            href={(format) => `/cycles/${cycleId}/export/schedule?format=${format}`}
          />
        </div>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          {formatDay(cycle.startsOn)} to {formatDay(cycle.endsOn)} · capacity {personWeeks(cycle.capacityWeeks)}
        </p>
        <p className="text-sm">
          {lastPublication ? (
            <strong className="font-medium">
              Last published on <LocalTime iso={lastPublication.at} /> by {lastPublication.by}
            </strong>
          ) : (
            <span className="text-amber-800 dark:text-amber-300">
              Not published yet: only the backlog&apos;s readers can see it.
            </span>
          )}
        </p>
      </header>
      <ScheduleLoader cycleId={cycleId} stamp={new Date().toISOString()} />
    </div>
  );
}
