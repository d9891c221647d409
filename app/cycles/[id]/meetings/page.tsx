import Link from '@/components/ui/link';
import type { Metadata } from 'next';
import { requirePermission } from '@/lib/auth/session.server';
import { facilitatorOptions, listMeetings } from '@/lib/meetings/meetings.server';
import { readForPage, routeId } from '@/lib/pages.server';
import { EmptyState } from '@/components/ui/empty-state';
import { MeetingForm } from '@/components/meetings/meeting-form';
import { MeetingList } from '@/components/meetings/meeting-list';
import { createMeetingAction } from './actions';

export const metadata: Metadata = { title: 'Meetings · Quorum' };

export default async function CycleMeetingsPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission('backlog.view');
  const cycleId = await routeId(params);
  const { cycle, meetings, canManage } = await readForPage(() => listMeetings(user, cycleId));
  const facilitators = canManage ? await facilitatorOptions(user) : [];
  const closed = cycle.status === 'closed';
  return (
    <div className="max-w-5xl space-y-8">
      <div>
        <p className="text-sm">
          <Link href={`/cycles/${cycle.id}`}>← Back to the {cycle.name} backlog</Link>
        </p>
        <h1 className="mt-1 text-2xl font-semibold">{cycle.name} meetings</h1>
      </div>
      {meetings.length === 0 ? (
        <EmptyState title="No meetings yet">
          {canManage
            ? 'Schedule the prioritisation meeting below. Pick a date at least a week away, so the pre-read can go out in time.'
            : 'You are not invited to a meeting of this cycle yet. The product manager schedules them and picks the attendees.'}
        </EmptyState>
      ) : (
        <MeetingList meetings={meetings} />
      )}
      {canManage && !closed && (
        <section
          aria-labelledby="schedule-heading"
          className="space-y-4 rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900"
        >
          <h2 id="schedule-heading" className="text-lg font-semibold">
            Schedule a meeting
          </h2>
          <MeetingForm
            action={createMeetingAction}
            hidden={{ cycleId: cycle.id }}
            facilitators={facilitators}
            initial={{
              title: `${cycle.name} prioritisation`,
              scheduledAt: '',
              durationMinutes: 90,
              location: '',
              facilitatorId: facilitators.some((f) => f.id === user.id) ? user.id : '',
              questionsCloseAt: '',
            }}
            submitLabel="Schedule meeting"
          />
        </section>
      )}
    </div>
  );
}
