import Link from '@/components/ui/link';
import type { Metadata } from 'next';
import { requirePermission } from '@/lib/auth/session.server';
import { demoFormOptions, listDemos } from '@/lib/demos/read.server';
import { readForPage, routeId } from '@/lib/pages.server';
import { EmptyState } from '@/components/ui/empty-state';
import { DemoList } from '@/components/demos/demo-list';
import { ScheduleDemoForm } from '@/components/demos/schedule-demo-form';
import { scheduleDemoAction } from './actions';

export const metadata: Metadata = { title: 'Demos · Quorum' };
export const dynamic = 'force-dynamic';

/** A cycle's sprint demos, upcoming and past, and the form that schedules one. */
export default async function CycleDemosPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission('backlog.view');
  const cycleId = await routeId(params);
  const { cycle, canManage, upcoming, past } = await readForPage(() => listDemos(user, cycleId));
  const options = canManage && cycle.status !== 'closed' ? await demoFormOptions(user, cycleId) : null;
  return (
    <div className="max-w-5xl space-y-8">
      <div>
        <p className="text-sm">
          <Link href={`/cycles/${cycle.id}`}>← Back to the {cycle.name} backlog</Link>
        </p>
        <h1 className="mt-1 text-2xl font-semibold">{cycle.name} demos</h1>
      </div>
      {upcoming.length === 0 && past.length === 0 ? (
        <EmptyState title="No demos yet">
          {canManage
            ? 'Schedule a demo below to show scheduled or delivered work to the people who asked for it.'
            : 'You are not invited to a demo of this cycle yet.'}
        </EmptyState>
      ) : (
        <>
          <DemoList heading="Upcoming" demos={upcoming} empty="No demo is coming up." />
          <DemoList heading="Past" demos={past} empty="No demo has taken place yet." />
        </>
      )}
      {options && (
        <section
          aria-labelledby="schedule-demo-heading"
          className="space-y-4 rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900"
        >
          <h2 id="schedule-demo-heading" className="text-lg font-semibold">
            Schedule a demo
          </h2>
          {options.items.length === 0 ? (
            <p className="text-sm">
              No item of this cycle is scheduled, in delivery or delivered yet: a demo shows such work.
            </p>
          ) : (
            <ScheduleDemoForm
              action={scheduleDemoAction}
              hidden={{ cycleId: cycle.id }}
              items={options.items}
              people={options.people}
              submitLabel="Schedule demo"
              initial={{
                title: '',
                startsAt: '',
                durationMinutes: '45',
                presenterId: String(user.id),
                feedbackDays: '7',
                itemIds: [],
                inviteeIds: [],
              }}
            />
          )}
        </section>
      )}
    </div>
  );
}
