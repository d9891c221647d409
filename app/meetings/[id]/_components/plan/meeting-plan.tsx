import type { MeetingOverview } from '@/lib/meetings/meetings.server';
import type { MeetingPlan as Plan } from '@/lib/meetings/plan.server';
import { updateMeetingAction } from '@/app/meetings/[id]/actions';
import { MeetingForm } from '@/components/meetings/meeting-form';
import { AgendaEditor } from './agenda-editor';
import { AttendeesForm } from './attendees-form';
import { PrereadPanel } from './preread-panel';
import { ReadReceipts } from './read-receipts';

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section
      aria-labelledby={`${id}-heading`}
      className="space-y-3 rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900"
    >
      <h2 id={`${id}-heading`} className="text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

/**
 * The planning sections of a meeting, for pm/admin: attendees, agenda, pre-read and read
 * receipts, and the meeting's details. Self-contained, so it can move to its own route when the
 * meeting page becomes the live meeting.
 */
export function MeetingPlan({ overview, plan }: { overview: MeetingOverview; plan: Plan }) {
  const { meeting } = overview;
  const closed = meeting.status === 'closed';
  return (
    <div className="space-y-6">
      <Section id="attendees" title="Attendees">
        <AttendeesForm plan={plan.attendees} />
      </Section>
      <Section id="agenda" title="Agenda">
        <AgendaEditor data={plan.agenda} />
      </Section>
      <Section id="preread" title="Pre-read">
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
      </Section>
      <Section id="receipts" title="Read receipts">
        <ReadReceipts meetingId={meeting.id} status={plan.reads} closed={closed} />
      </Section>
      {!closed && (
        <Section id="details" title="Meeting details">
          <details>
            <summary className="cursor-pointer text-sm font-medium">Edit the title, date, place or facilitator</summary>
            <div className="mt-3">
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
            </div>
          </details>
        </Section>
      )}
    </div>
  );
}
