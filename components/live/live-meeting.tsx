'use client';
import { MEETING_STATUS_COLOUR } from '@/components/ui/status-colours';
import Link from '@/components/ui/link';
import { useSyncExternalStore } from 'react';
import type { LiveItemDetail } from '@/lib/live-meeting/details.server';
import type { LiveState } from '@/lib/live-meeting/state.server';
import { AgendaList } from './agenda-list';
import { ConsentAgenda } from './consent-agenda';
import { CurrentItem } from './current-item';
import { FacilitatorConsole } from './console/facilitator-console';
import { ManagerBar } from './facilitator-bar';
import { STATUS_LABEL } from './labels';
import { RankingBoard } from './ranking-board';
import { StartForm } from './start-form';
import { useLiveMeeting, type Connection } from './use-live-meeting';

const subscribeNothing = () => () => {};

const CONNECTION_LABEL: Record<Connection, string> = {
  connecting: 'Connecting to live updates…',
  live: 'Live updates on',
  reconnecting: 'Connection lost — reconnecting…',
};

/**
 * The live meeting page (and, with `presenter`, the big-screen view without controls). Everything
 * shown comes from the state the server projected for this viewer; the stream keeps it current.
 */
export function LiveMeeting({
  initial,
  details,
  presenter = false,
  beforeStart,
}: {
  initial: LiveState;
  details: Record<number, LiveItemDetail>;
  presenter?: boolean;
  /** Shown only until the meeting starts (the planning, for pm/admin). */
  beforeStart?: React.ReactNode;
}) {
  const { state, connection, send, optimistic } = useLiveMeeting(initial);
  const { meeting, viewer } = state;
  const current = state.agenda.find((i) => i.itemId === meeting.currentItemId);
  const started = meeting.status === 'live' || meeting.status === 'paused';
  // False in the server's HTML (what a browser without JavaScript keeps), true once the page runs.
  const hydrated = useSyncExternalStore(
    subscribeNothing,
    () => true,
    () => false,
  );

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <span
          data-testid="meeting-status"
          className={`inline-flex items-center gap-1.5 rounded-full px-2 py-0.5 font-medium ${MEETING_STATUS_COLOUR[meeting.status]}`}
        >
          {meeting.status === 'live' && <span aria-hidden="true" className="size-2 rounded-full bg-white" />}
          {STATUS_LABEL[meeting.status]}
        </span>
        <span
          role="status"
          aria-live="polite"
          className={
            connection === 'reconnecting' ? 'text-amber-700 dark:text-amber-400' : 'text-zinc-600 dark:text-zinc-400'
          }
        >
          {hydrated ? CONNECTION_LABEL[connection] : 'Not live'}
        </span>
        <span className="text-zinc-600 dark:text-zinc-400">
          Facilitator: {meeting.facilitatorName}
          {viewer.isFacilitator && ' (you)'}
        </span>
        {!presenter && (
          // A full page load, not a client-side one: the presenter view has no app navigation, and
          // the root layout (which decides that) is only rendered again on a full load.
          <a href={`/meetings/${meeting.id}/present`} className="underline">
            Presenter view
          </a>
        )}
      </div>
      {!hydrated && (
        <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100">
          This is the meeting as it was when the page loaded, read-only: without JavaScript it does not follow the
          meeting. Reload to see changes; turn JavaScript on to take part.
        </p>
      )}

      {meeting.status === 'scheduled' && (
        <div className="space-y-3">
          <p className="text-sm">
            The meeting has not started yet. This page goes live by itself when the facilitator starts it.
          </p>
          {!presenter && (viewer.isFacilitator || viewer.canManage) && (
            <StartForm send={send} agendaSize={state.agenda.length} warnings={state.startWarnings} />
          )}
          {beforeStart}
        </div>
      )}
      {meeting.status === 'paused' && (
        <p
          role="status"
          className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100"
        >
          The meeting is paused. It resumes where it was.
        </p>
      )}
      {meeting.status === 'closed' && (
        <p
          role="status"
          className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100"
        >
          The meeting has ended.{' '}
          <Link href={`/cycles/${meeting.cycleId}/outcome`} className="font-medium underline">
            See the outcome
          </Link>
        </p>
      )}

      {!presenter && started && !viewer.isFacilitator && viewer.canManage && <ManagerBar state={state} send={send} />}
      {!presenter && started && viewer.isFacilitator && (
        <FacilitatorConsole state={state} details={details} send={send} optimistic={optimistic} />
      )}

      {(meeting.status === 'closed' || (started && (presenter || !viewer.isFacilitator))) && (
        <div className={presenter ? 'space-y-8' : 'grid grid-cols-1 gap-6 lg:grid-cols-[14rem_minmax(0,1fr)]'}>
          {!presenter && <AgendaList state={state} />}
          <div className="space-y-8">
            {started && <ConsentAgenda state={state} send={send} large={presenter} />}
            {started && current && (
              <CurrentItem
                state={state}
                item={current}
                detail={details[current.itemId]}
                send={send}
                large={presenter}
              />
            )}
            <RankingBoard state={state} send={send} optimistic={presenter ? undefined : optimistic} large={presenter} />
          </div>
        </div>
      )}
    </div>
  );
}
