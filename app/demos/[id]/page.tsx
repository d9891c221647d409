import Link from '@/components/ui/link';
import type { Metadata } from 'next';
import { requireUser } from '@/lib/auth/session.server';
import { can } from '@/lib/auth/permissions';
import { demoFormOptions, getDemo } from '@/lib/demos/read.server';
import { DEFAULT_FEEDBACK_DAYS } from '@/lib/demos/schema';
import { readForPage, routeId } from '@/lib/pages.server';
import { MeetingTime } from '@/components/meetings/meeting-time';
import { ActionButtonForm, DemoNotesForm, ReopenFeedbackForm } from '@/components/demos/demo-forms';
import { DemoItemSection } from '@/components/demos/demo-item-section';
import { ChangeDemo } from '@/components/demos/change-demo';
import {
  cancelDemoAction,
  giveFeedbackAction,
  recordShownAction,
  reopenFeedbackAction,
  saveDemoNotesAction,
  turnIntoRequestAction,
  updateDemoAction,
} from './actions';

export const metadata: Metadata = { title: 'Demo · Quorum' };
export const dynamic = 'force-dynamic';

/**
 * A sprint demo: when (in the viewer's zone, with the organiser's named), who presents and who is
 * invited; per item what was shown and the feedback on it. Who may do what is decided in lib/demos.
 */
export default async function DemoPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const demoId = await routeId(params);
  const view = await readForPage(() => getDemo(user, demoId));
  const { demo } = view;
  const options = view.can.change ? await demoFormOptions(user, view.cycle.id) : null;
  const back = can(user, 'backlog.view')
    ? { href: `/cycles/${view.cycle.id}/demos`, label: `${view.cycle.name} demos` }
    : { href: '/requests', label: 'My requests' };
  const actions = { record: recordShownAction, feedback: giveFeedbackAction, toRequest: turnIntoRequestAction };
  return (
    <div className="max-w-4xl space-y-6">
      <header className="space-y-2">
        <p className="text-sm">
          <Link href={back.href}>← {back.label}</Link>
        </p>
        <h1 className="text-2xl font-semibold break-words">{demo.title}</h1>
        {demo.cancelledAt && (
          <p
            role="status"
            className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200"
          >
            This demo was cancelled.
          </p>
        )}
        <dl className="grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
          <dt className="font-medium">When</dt>
          <dd>
            <MeetingTime iso={demo.startsAt} durationMinutes={demo.durationMinutes} /> (planned in {demo.timeZone})
          </dd>
          <dt className="font-medium">Presenter</dt>
          <dd>{view.presenterName}</dd>
          <dt className="font-medium">Feedback until</dt>
          <dd>
            <MeetingTime iso={demo.feedbackClosesAt} />
            {!demo.cancelledAt && !view.feedbackOpen && ' (closed)'}
          </dd>
          <dt className="font-medium">Invited</dt>
          <dd className="break-words">{view.invitees.map((p) => p.name).join(', ') || 'Nobody'}</dd>
        </dl>
        {view.can.reopenFeedback && (
          <ReopenFeedbackForm
            action={reopenFeedbackAction}
            demoId={demoId}
            open={view.feedbackOpen}
            defaultDays={DEFAULT_FEEDBACK_DAYS}
          />
        )}
        {view.can.manage && (
          <ActionButtonForm
            action={cancelDemoAction}
            fields={{ demoId }}
            label="Cancel this demo"
            confirm={{
              question: `Cancel “${demo.title}”? Every invitee is sent a cancellation, and it takes no more feedback.`,
              yes: 'Yes, cancel the demo',
            }}
          />
        )}
      </header>
      {options && <ChangeDemo view={view} options={options} action={updateDemoAction} />}
      {view.can.record ? (
        <section aria-label="Notes on the demo">
          <DemoNotesForm action={saveDemoNotesAction} demoId={demoId} notes={demo.notes} />
        </section>
      ) : (
        demo.notes && (
          <section aria-labelledby="notes-heading" className="space-y-1">
            <h2 id="notes-heading" className="text-lg font-semibold">
              Notes on the demo
            </h2>
            <p className="text-sm whitespace-pre-wrap break-words">{demo.notes}</p>
          </section>
        )
      )}
      {view.items.map((item) => (
        <DemoItemSection key={item.itemId} view={view} item={item} actions={actions} />
      ))}
    </div>
  );
}
