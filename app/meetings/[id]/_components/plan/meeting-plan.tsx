import type { MeetingOverview } from '@/lib/meetings/meetings.server';
import type { MeetingPlan as Plan } from '@/lib/meetings/plan.server';
import { nextPlanStep, planStepStatuses, type PlanStep } from '@/lib/meetings/plan-steps';
import { updateMeetingAction } from '@/app/meetings/[id]/actions';
import { MeetingForm } from '@/components/meetings/meeting-form';
import { AgendaEditor } from './agenda-editor';
import { AttendeesForm } from './attendees-form';
import { PlanSteps } from './plan-steps';
import { PrereadPanel } from './preread-panel';
import { ReadReceipts } from './read-receipts';

/**
 * The planning of a meeting, for pm/admin, in four steps: details, attendees, agenda, pre-read
 * (with its read receipts). `step` is the one the address names; without one the plan opens at
 * the first step left to do.
 */
export async function MeetingPlan({
  overview,
  plan,
  step,
}: {
  overview: MeetingOverview;
  plan: Plan;
  step: PlanStep | null;
}) {
  const { meeting } = overview;
  const closed = meeting.status === 'closed';
  const statuses = planStepStatuses({
    location: meeting.location,
    attendees: overview.attendees.length,
    voters: overview.attendees.filter((a) => a.role === 'voter').length,
    agendaItems: overview.agenda.length,
    preread: overview.preread,
    reads: { read: plan.reads.readCount, of: plan.reads.rows.length },
  });
  return (
    <PlanSteps
      statuses={statuses}
      initial={step ?? nextPlanStep(statuses)}
      sections={{
        details: closed ? (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">The meeting has ended: its details are final.</p>
        ) : (
          <MeetingForm
            action={updateMeetingAction}
            hidden={{ meetingId: meeting.id }}
            facilitators={plan.facilitators}
            submitLabel="Save meeting details"
            initial={{
              title: meeting.title,
              scheduledAt: meeting.scheduledAt,
              durationMinutes: meeting.durationMinutes,
              location: meeting.location,
              facilitatorId: meeting.facilitatorId,
              questionsCloseAt: meeting.questionsCloseAt,
            }}
          />
        ),
        attendees: <AttendeesForm plan={plan.attendees} />,
        agenda: <AgendaEditor data={plan.agenda} />,
        preread: (
          <>
            <PrereadPanel
              meetingId={meeting.id}
              preread={overview.preread}
              closed={closed || plan.started}
              lateMessage={plan.lateMessage}
              agendaCount={overview.agenda.length}
              attendeeCount={overview.attendees.length}
            />
            {plan.started && !overview.preread && (
              <p className="text-sm text-zinc-600 dark:text-zinc-400">
                The meeting has started: a pre-read can no longer be sent.
              </p>
            )}
            <h3 className="pt-2 font-semibold">Read receipts</h3>
            <ReadReceipts meetingId={meeting.id} status={plan.reads} closed={closed} />
          </>
        ),
      }}
    />
  );
}
