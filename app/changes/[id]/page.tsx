import Link from '@/components/ui/link';
import type { Metadata } from 'next';
import { requireUser } from '@/lib/auth/session.server';
import { can } from '@/lib/auth/permissions';
import { sessionLeaderOptions } from '@/lib/changes/form-options.server';
import { getChangeRequest } from '@/lib/changes/details.server';
import { DEFAULT_DEADLINE_HOURS } from '@/lib/changes/sessions.server';
import { readForPage, routeId } from '@/lib/pages.server';
import { ConveneForm } from '@/app/changes/[id]/_components/convene-form';
import { ApproveForm, CloseSessionForm, DeclineForm, WithdrawForm } from '@/app/changes/[id]/_components/decide-forms';
import { EffectPreview } from '@/components/changes/effect-preview';
import { EventLog } from '@/components/changes/event-log';
import { ChangeStatusBadge, UrgencyBadge } from '@/components/changes/labels';
import { LiveRefresh } from '@/components/changes/live-refresh';
import { OutcomePanel } from '@/components/changes/outcome-panel';
import { RequestSummary } from '@/components/changes/request-summary';
import { AmendPrompt, EarlierRounds } from '@/components/changes/earlier-rounds';
import { RespondForm } from '@/app/changes/[id]/_components/respond-form';
import { SessionPanel } from '@/components/changes/session-panel';

export const metadata: Metadata = { title: 'Change request · Quorum' };
export const dynamic = 'force-dynamic';

const HOUR = 3_600_000;
const UNDECIDED = new Set(['open', 'in_session', 'needs_review']);

/**
 * One change request: the request, its effect on today's schedule and conflicts,
 * the session with its rule up front and every response, what the viewer may do (respond; convene,
 * close, approve, decline; withdraw), the outcome and the history. While undecided the page follows
 * the request's event stream, so in a live session it is the meeting room: responses and the
 * verdict appear on every screen without a reload. Requestors get the 403 page, unknown ids 404.
 */
export default async function ChangeRequestPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ raised?: string; amended?: string }>;
}) {
  const user = await requireUser();
  const id = await routeId(params);
  const d = await readForPage(() => getChangeRequest(user, id));
  const { viewer, session, gate } = d;
  const cr = d.changeRequest;
  const leaders = viewer.mayConvene ? await readForPage(() => sessionLeaderOptions(user)) : [];
  const query = await searchParams;
  const raised = query.raised === '1';
  const amended = query.amended === '1' && cr.round > 1;
  const undecided = UNDECIDED.has(cr.status);
  const titles = Object.fromEntries([
    [d.incoming.id, d.incoming.title],
    ...d.displaced.map((m) => [m.itemId, m.title]),
  ]);
  const decider = can(user, 'change.decide') && undecided;

  return (
    <div className="max-w-7xl space-y-6">
      <header className="space-y-1">
        <p className="text-sm">
          <Link href={`/cycles/${d.cycle.id}/changes`}>← Change requests of {d.cycle.name}</Link>
        </p>
        <div className="flex flex-wrap items-start justify-between gap-2">
          <div className="min-w-0">
            <p className="text-sm text-zinc-500 dark:text-zinc-400">Change request #{cr.id}</p>
            <h1 className="text-2xl font-semibold wrap-anywhere">{cr.title}</h1>
            <p className="mt-1 flex flex-wrap gap-2">
              <ChangeStatusBadge status={cr.status} />
              <UrgencyBadge urgency={cr.urgency} />
            </p>
          </div>
          {undecided && <LiveRefresh changeRequestId={cr.id} lastEventId={d.log.at(-1)?.id ?? 0} />}
        </div>
      </header>
      {raised && (
        <p
          role="status"
          className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200"
        >
          Change request raised.{' '}
          {can(user, 'change.decide')
            ? 'Convene an emergency session to decide it.'
            : 'A product manager convenes an emergency session to decide it.'}
        </p>
      )}
      {amended && (
        <p
          role="status"
          className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200"
        >
          Change request amended. Round {cr.round} is open: the invited leaders have been asked to respond again.
        </p>
      )}
      {cr.status === 'needs_review' && (
        <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100">
          Another change request that moves the same items was approved: the schedule has changed since this one was
          discussed. Review its effect below, then convene the session again or decline it.
        </p>
      )}
      <OutcomePanel d={d} />

      <div className="grid grid-cols-1 gap-6 xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="space-y-6">
          <RequestSummary d={d} />
          {session ? (
            <SessionPanel session={session} invitees={d.invitees} evaluation={d.evaluation} />
          ) : (
            undecided && (
              <p className="rounded-md border border-dashed border-zinc-300 p-4 text-sm dark:border-zinc-700">
                No emergency session has been convened yet.{' '}
                {viewer.mayConvene
                  ? 'Convene one below.'
                  : 'A product manager convenes it; the invited leaders are notified.'}
              </p>
            )
          )}
          <EarlierRounds rounds={d.earlierRounds} currentRound={cr.round} />
          {viewer.mayAmend && <AmendPrompt changeRequestId={cr.id} round={cr.round} />}
          {viewer.mayRespond && session && (
            <RespondForm changeRequestId={cr.id} sessionId={session.id} mine={viewer.myResponse} />
          )}
          {!viewer.mayRespond && undecided && session && d.invitees.some((i) => i.userId === user.id) && (
            <p className="rounded-md bg-zinc-100 px-3 py-2 text-sm dark:bg-zinc-800">
              Responses are no longer taken:{' '}
              {session.deadlinePassed
                ? 'the deadline has passed'
                : session.status === 'closed'
                  ? 'the session is closed'
                  : 'the request is being reviewed'}
              .
            </p>
          )}
          {viewer.mayConvene && (
            <ConveneForm
              changeRequestId={cr.id}
              leaders={leaders}
              reconvene={cr.status === 'needs_review'}
              defaultDeadlineIso={new Date(Date.now() + DEFAULT_DEADLINE_HOURS * HOUR).toISOString()}
            />
          )}
          {decider && (
            <section aria-labelledby="decision-heading" className="space-y-3">
              <h2 id="decision-heading" className="text-lg font-semibold">
                Decision
              </h2>
              {viewer.mayClose && session && <CloseSessionForm changeRequestId={cr.id} sessionId={session.id} />}
              {viewer.mayApprove && gate ? (
                <ApproveForm changeRequestId={cr.id} gate={gate} />
              ) : (
                <p className="text-sm text-zinc-700 dark:text-zinc-300">
                  {gate?.message ?? 'Convene an emergency session before approving; you can decline at any time.'}
                </p>
              )}
              {viewer.mayDecline && <DeclineForm changeRequestId={cr.id} />}
            </section>
          )}
          {viewer.mayWithdraw && <WithdrawForm changeRequestId={cr.id} />}
        </div>
        <div className="space-y-6">
          {d.preview ? (
            <EffectPreview
              preview={d.preview}
              conflicts={d.conflicts}
              periods={d.periods}
              titles={titles}
              capacityWeeks={d.cycle.capacityWeeks}
            />
          ) : (
            <section
              aria-labelledby="effect-heading"
              className="rounded-lg border border-zinc-200 bg-white p-4 text-sm dark:border-zinc-800 dark:bg-zinc-900"
            >
              <h2 id="effect-heading" className="text-lg font-semibold">
                Effect of this change
              </h2>
              <p>
                {cr.status === 'approved'
                  ? 'Applied to the schedule: see the items’ schedule history.'
                  : 'This change request was not applied: the schedule is unchanged by it.'}
              </p>
            </section>
          )}
        </div>
      </div>
      <EventLog log={d.log} />
    </div>
  );
}
