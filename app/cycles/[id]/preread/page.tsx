import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { redirect } from 'next/navigation';
import { requireUser } from '@/lib/auth/session.server';
import { latestPrereadMeetingForCycle } from '@/lib/prereads/read.server';
import { readForPage, routeId } from '@/lib/pages.server';
import { EmptyState } from '@/components/ui/empty-state';

export const metadata: Metadata = { title: 'Pre-read · Quorum' };

/** The cycle's pre-read lives on its meeting; this address always leads to the latest one. */
export default async function CyclePrereadPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const cycleId = await routeId(params);
  const meetingId = await readForPage(() => latestPrereadMeetingForCycle(user, cycleId));
  if (meetingId !== null) redirect(`/meetings/${meetingId}/preread`);
  return (
    <div className="max-w-3xl space-y-4">
      <h1 className="text-2xl font-semibold">Pre-read</h1>
      <EmptyState title="No pre-read has been distributed for this cycle yet.">
        The pm distributes it from the meeting.{' '}
        <Link href={`/cycles/${cycleId}/meetings`}>See the cycle’s meetings</Link>
      </EmptyState>
    </div>
  );
}
