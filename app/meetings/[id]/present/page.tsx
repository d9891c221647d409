import type { Metadata } from 'next';
import { requireUser } from '@/lib/auth/session.server';
import { liveState } from '@/lib/live-meeting/state.server';
import { readForPage, routeId } from '@/lib/pages.server';
import { PresenterView } from '@/components/live/presenter-view';

export const metadata: Metadata = { title: 'Presenter view · Quorum' };
export const dynamic = 'force-dynamic';

/**
 * For the room's screen: the current item, its tally and the top of the ranking in large type,
 * no controls and no app navigation (the root layout leaves the shell out on this path).
 */
export default async function PresenterPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const meetingId = await routeId(params);
  const state = await readForPage(() => liveState(user, meetingId));
  return (
    <PresenterView
      initial={state}
      back={
        // A full page load: the meeting page has the app's navigation, which only a full load brings back.
        <a href={`/meetings/${meetingId}`} className="underline">
          Back to the meeting
        </a>
      }
    />
  );
}
