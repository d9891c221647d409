import type { Metadata } from 'next';
import { requireUser } from '@/lib/auth/session.server';
import { liveItemDetails } from '@/lib/live-meeting/details.server';
import { liveState } from '@/lib/live-meeting/state.server';
import { getMeetingOverview } from '@/lib/meetings/meetings.server';
import { getMeetingPlan } from '@/lib/meetings/plan.server';
import { parsePlanStep } from '@/lib/meetings/plan-steps';
import { readForPage, routeId } from '@/lib/pages.server';
import { LiveMeeting } from '@/components/live/live-meeting';
import { MeetingHeader } from '@/components/meetings/meeting-header';
import { MeetingSummary } from '@/components/meetings/meeting-summary';
import { MeetingPlan } from '@/app/meetings/[id]/_components/plan/meeting-plan';

export const metadata: Metadata = { title: 'Meeting · Quorum' };
export const dynamic = 'force-dynamic';

/**
 * The meeting: before it starts, its overview and (pm/admin) its planning; then the live meeting,
 * which follows the facilitator without reloads. 403 for people who neither attend nor manage
 * meetings, 404 for an unknown id (both from lib/ through load).
 */
export default async function MeetingPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ scheduled?: string; step?: string | string[] }>;
}) {
  const user = await requireUser();
  const meetingId = await routeId(params);
  const overview = await readForPage(() => getMeetingOverview(user, meetingId));
  const state = await readForPage(() => liveState(user, meetingId));
  const details = await readForPage(() => liveItemDetails(user, meetingId));
  const beforeStart = state.meeting.status === 'scheduled';
  const plan = beforeStart && overview.canManage ? await readForPage(() => getMeetingPlan(user, meetingId)) : null;
  const query = await searchParams;
  const scheduled = query.scheduled === '1';
  return (
    // While the facilitator's console is shown, the header's details (when, where) give way to it:
    // running the item must fit one screen, and they are on the pre-read and the invitation.
    <div className="max-w-6xl space-y-6 has-[[data-facilitator-console]]:[&_[data-meeting-details]]:hidden">
      <MeetingHeader overview={overview} />
      {scheduled && (
        <p
          role="status"
          className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200"
        >
          Meeting scheduled. Pick the attendees and set the agenda, then distribute the pre-read.
        </p>
      )}
      <LiveMeeting
        initial={state}
        details={details}
        beforeStart={
          beforeStart ? (
            plan ? (
              <MeetingPlan overview={overview} plan={plan} step={parsePlanStep(query.step)} />
            ) : (
              <MeetingSummary overview={overview} />
            )
          ) : null
        }
      />
    </div>
  );
}
