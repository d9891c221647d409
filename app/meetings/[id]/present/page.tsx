import type { Metadata } from 'next';
import Link from 'next/link';
import { requireUser } from '@/lib/auth/session.server';
import { liveItemDetails } from '@/lib/live-meeting/details.server';
import { liveState } from '@/lib/live-meeting/state.server';
import { readForPage, routeId } from '@/lib/pages.server';
import { LiveMeeting } from '@/components/live/live-meeting';

export const metadata: Metadata = { title: 'Presenter view · Quorum' };
export const dynamic = 'force-dynamic';

/** For the room's screen: the current item, its tally and the ranking in large type, no controls. */
export default async function PresenterPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const meetingId = await routeId(params);
  const state = await readForPage(() => liveState(user, meetingId));
  const details = await readForPage(() => liveItemDetails(user, meetingId));
  return (
    <div className="mx-auto max-w-6xl space-y-6">
      <div className="flex items-baseline justify-between gap-4">
        <h1 className="min-w-0 text-3xl font-bold wrap-anywhere">{state.meeting.title}</h1>
        <Link href={`/meetings/${meetingId}`} className="shrink-0 text-sm underline">
          Back to the meeting
        </Link>
      </div>
      <LiveMeeting initial={state} details={details} presenter />
    </div>
  );
}
