import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { requireUser } from '@/lib/auth/session.server';
import { openPreread } from '@/lib/prereads/read.server';
import { readReceipts } from '@/lib/prereads/receipts.server';
import { stancesForPreread } from '@/lib/meetings/stances.server';
import { readForPage, routeId } from '@/lib/pages.server';
import { EmptyState } from '@/components/ui/empty-state';
import { CapacitySummary } from '@/app/meetings/[id]/preread/_components/capacity-summary';
import { PrereadHeader, PrereadUpdates } from '@/app/meetings/[id]/preread/_components/preread-header';
import { PrereadSections } from '@/app/meetings/[id]/preread/_components/preread-sections';
import { ReadReceipts } from '@/app/meetings/[id]/preread/_components/read-receipts';
import { MeetingTime } from '@/components/meetings/meeting-time';
import { scoresForPreread } from '@/lib/prereads/preread-scores.server';
import './preread.css';

export const metadata: Metadata = { title: 'Pre-read · Quorum' };

/** The pre-read document: attendees, the facilitator, pm/admin and those who answer for an item; 403 otherwise. */
export default async function PrereadPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const meetingId = await routeId(params);
  const view = await readForPage(() => openPreread(user, meetingId, new Date()));

  if (!view.distributed) {
    return (
      <div className="max-w-3xl space-y-4">
        <h1 className="text-2xl font-semibold">{view.meeting.title}</h1>
        <p className="text-sm">
          <MeetingTime iso={view.meeting.scheduledAt} durationMinutes={view.meeting.durationMinutes} />
        </p>
        <EmptyState title="The pre-read has not been distributed yet.">
          It appears here, and you are told by e-mail, once the pm sends it.{' '}
          <Link href="/">Back to your home page</Link>
        </EmptyState>
      </div>
    );
  }

  const stances = await stancesForPreread(user, meetingId);
  const scoring = await scoresForPreread(view);
  const receipts = view.canSeeReceipts ? (await readReceipts(user, meetingId)).receipts : null;
  return (
    <div className="preread max-w-4xl space-y-6">
      <PrereadHeader
        meeting={view.meeting}
        cycle={view.cycle}
        sentAt={view.sentAt}
        late={view.late}
        questionsOpen={view.questions.open}
      />
      <PrereadUpdates updates={view.updates} />
      {receipts && <ReadReceipts receipts={receipts} />}
      <CapacitySummary capacity={view.capacity} />
      {view.sections.length === 0 && <EmptyState title="This pre-read has no items." />}
      <PrereadSections
        sections={view.sections}
        meetingId={meetingId}
        ask={view.questions}
        snapshotKey={view.snapshotKey}
        stances={stances}
        scoring={scoring}
      />
    </div>
  );
}
