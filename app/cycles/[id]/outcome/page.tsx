import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { can } from '@/lib/auth/permissions';
import { requireUser } from '@/lib/auth/session.server';
import { pageError } from '@/lib/pages.server';
import { cycleOutcome, OutcomeNotPublishedError } from '@/lib/outcome/report.server';
import { outcomeAudienceSummary } from '@/lib/outcome/publish.server';
import type { CycleOutcome } from '@/lib/outcome/types';
import { routeId } from '@/lib/pages.server';
import { AttendanceTable } from '@/components/outcome/attendance-table';
import { DecisionsTable } from '@/components/outcome/decisions-table';
import { OutcomeHeader } from '@/components/outcome/outcome-header';
import { PrioritisedList } from '@/components/outcome/prioritised-list';
import { PublishForm } from '@/app/cycles/[id]/outcome/_components/publish-form';
import { ThemeOutcomes } from '@/components/outcome/theme-outcomes';
import { EmptyState } from '@/components/ui/empty-state';
import { NfrShareNotice } from '@/components/capacity/nfr-share-notice';

export const metadata: Metadata = { title: 'Outcome · Quorum' };
export const dynamic = 'force-dynamic';

const MEETING_STATE = {
  scheduled: 'has not started yet',
  live: 'is under way',
  paused: 'is paused',
  closed: 'has ended',
} as const;

/**
 * The outcome of the cycle's latest ended meeting. Who may read it is decided in lib/outcome/report.server.ts:
 * someone who may only read a published outcome sees that it is not published yet (not a bare
 * 403), anyone else refused gets the 403 page, an unknown cycle the 404 page.
 */
export default async function OutcomePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const cycleId = await routeId(params);
  let outcome: CycleOutcome;
  try {
    outcome = await cycleOutcome(user, cycleId);
  } catch (error) {
    if (!(error instanceof OutcomeNotPublishedError)) throw pageError(error);
    return (
      <div className="max-w-3xl space-y-4">
        <h1 className="text-2xl font-semibold">Outcome</h1>
        <EmptyState title="This outcome has not been published yet">
          You can read it here once a product manager publishes it; if you asked for or sponsor an item in it, you will
          be notified. <Link href="/requests">See your requests</Link>
        </EmptyState>
      </div>
    );
  }
  const backlogReader = can(user, 'backlog.view');
  const back = backlogReader
    ? { href: `/cycles/${cycleId}`, label: `Back to the ${outcome.cycle.name} backlog` }
    : { href: '/requests', label: 'My requests' };

  if (outcome.state === 'none') {
    const { pending } = outcome;
    return (
      <div className="max-w-3xl space-y-4">
        <p className="text-sm">
          <Link href={back.href}>← {back.label}</Link>
        </p>
        <h1 className="text-2xl font-semibold">{outcome.cycle.name} outcome</h1>
        <EmptyState title="No meeting of this cycle has ended yet">
          The outcome appears here when the prioritisation meeting ends.{' '}
          {pending && (
            <>
              {pending.title} {MEETING_STATE[pending.status]}.{' '}
            </>
          )}
          {backlogReader && <Link href={`/cycles/${cycleId}/meetings`}>See the cycle’s meetings</Link>}
        </EmptyState>
      </div>
    );
  }

  const manager = can(user, 'meeting.manage');
  const audience = manager && !outcome.published ? await outcomeAudienceSummary(user, cycleId) : null;
  return (
    <div className="max-w-6xl space-y-8">
      <OutcomeHeader
        report={outcome}
        back={back}
        publish={
          manager && (
            <PublishForm
              cycleId={outcome.cycle.id}
              decisions={outcome.decisions.length}
              published={outcome.published !== null}
              audience={audience?.text ?? ''}
            />
          )
        }
      />
      <PrioritisedList report={outcome} />
      {outcome.nfr && <NfrShareNotice share={outcome.nfr} where="accepted above the cut line" />}
      <ThemeOutcomes themes={outcome.themes} />
      <DecisionsTable report={outcome} />
      <AttendanceTable attendance={outcome.attendance} />
    </div>
  );
}
