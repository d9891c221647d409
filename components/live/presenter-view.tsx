'use client';
import { Fragment } from 'react';
import { DECISION_COLOUR } from '@/components/ui/status-colours';
import type { LiveItem, LiveState } from '@/lib/live-meeting/state.server';
import { CHOICES } from '@/lib/live-meeting/tally';
import { formatWeeks, personWeeks, plural } from '@/lib/plural';
import { Countdown } from './console/countdown';
import { CHOICE_LABEL, OUTCOME_LABEL, resultLabel, STATUS_LABEL } from './labels';
import { useLiveMeeting, type Connection, type Send } from './use-live-meeting';
import { ProposalBanners } from './what-if';

const CONNECTION_LABEL: Record<Connection, string> = {
  connecting: 'Connecting to live updates…',
  live: 'Live updates on',
  reconnecting: 'Connection lost — reconnecting…',
};

/** How many ranked items the room sees: enough for the cut line's neighbourhood, few enough to read. */
export const PRESENTER_TOP = 8;

/**
 * The room's screen: the current item, its tally once revealed (never before: the server does not
 * even send it), and the top of the ranking with the cut line — one screen, no scrolling, sized
 * in viewport units so it reads across a room on a 720p projector as on a 1080p screen.
 */
export function PresenterView({ initial, back }: { initial: LiveState; back: React.ReactNode }) {
  const { state, connection, send } = useLiveMeeting(initial);
  const { meeting, agenda, room } = state;
  const current = agenda.find((i) => i.itemId === meeting.currentItemId);
  const started = meeting.status === 'live' || meeting.status === 'paused';
  const minutes = room.timeBoxes.items.find((b) => b.itemId === meeting.currentItemId)?.minutes;
  return (
    // One screen on anything landscape; a phone (portrait) stacks and scrolls down, never sideways.
    <div className="flex min-h-dvh flex-col gap-[2vh] bg-white p-[3vh] text-[2.6vh] text-zinc-900 sm:h-dvh sm:overflow-hidden dark:bg-zinc-950 dark:text-zinc-50">
      <header className="flex flex-wrap items-baseline justify-between gap-x-[2vw]">
        <h1 className="min-w-0 truncate text-[3.2vh] font-semibold">{meeting.title}</h1>
        <p className="text-[2vh] text-zinc-600 dark:text-zinc-400">
          <span data-testid="meeting-status">{STATUS_LABEL[meeting.status]}</span>
          {current && started && ` · Item ${agenda.indexOf(current) + 1} of ${agenda.length}`} ·{' '}
          <span role="status">{CONNECTION_LABEL[connection]}</span> · {back}
        </p>
      </header>
      <div className="grid min-h-0 flex-1 grid-cols-1 gap-[3vw] sm:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <section aria-label="Current item" className="flex min-h-0 flex-col gap-[2vh]">
          {started && current ? (
            <>
              <h2 id="current-item-title" className="line-clamp-3 text-[6vh] leading-tight font-bold wrap-anywhere">
                {current.title}
              </h2>
              <Countdown key={current.itemId} since={room.currentItemSince} minutes={minutes} large />
              {current.decision && (
                <p
                  role="status"
                  className={`rounded-lg px-[1vw] py-[1vh] text-[3.4vh] ${DECISION_COLOUR[current.decision.outcome]}`}
                >
                  Decision: <strong>{OUTCOME_LABEL[current.decision.outcome]}</strong>
                </p>
              )}
              <PresenterTally item={current} weighted={state.settings.weighted} />
            </>
          ) : (
            <p className="text-[4vh]">
              {meeting.status === 'closed' ? 'The meeting has ended.' : 'The meeting has not started yet.'}
            </p>
          )}
        </section>
        <PresenterRanking state={state} send={send} />
      </div>
    </div>
  );
}

function PresenterTally({ item, weighted }: { item: LiveItem; weighted: boolean }) {
  if (item.tally.hidden)
    return (
      <section aria-label="Tally" className="text-[3.4vh]" aria-live="polite">
        <strong>
          {item.tally.voted} of {item.tally.eligible}
        </strong>{' '}
        have voted. The votes are shown when the facilitator reveals them.
      </section>
    );
  const { tally: t, suggested } = item.tally;
  return (
    <section aria-label="Tally" className="space-y-[1.5vh]" aria-live="polite">
      <ul aria-label="Votes overall" className="flex flex-wrap gap-x-[3vw] text-[5vh] font-semibold tabular-nums">
        {CHOICES.map((c) => (
          <li key={c}>
            {CHOICE_LABEL[c]}: <span data-testid={`count-${c}`}>{t.counts[c]}</span>
          </li>
        ))}
      </ul>
      <p>
        {t.turnout.voted} of {t.turnout.eligible} voted · one person, one vote: {resultLabel(t.plainResult)}
        {weighted && <> · by department: {resultLabel(t.weighted.result)}</>}
        {suggested && (
          <>
            {' '}
            · suggested: <strong>{OUTCOME_LABEL[suggested]}</strong>
          </>
        )}
      </p>
    </section>
  );
}

function PresenterRanking({ state, send }: { state: LiveState; send: Send }) {
  const { items, cut, capacityWeeks } = state.ranking;
  const top = items.slice(0, PRESENTER_TOP);
  const more = items.length - top.length;
  const cutRow = (
    // A list's children must be list items (axe): the separator sits inside one.
    <li>
      <div
        role="separator"
        aria-label="Cut line"
        className="border-y-[0.4vh] border-dashed border-red-500 py-[0.3vh] text-[2vh] font-semibold text-red-700 dark:text-red-300"
      >
        Cut line — {plural(cut.fitCount, 'item')} {cut.fitCount === 1 ? 'fits' : 'fit'} {personWeeks(capacityWeeks)}
      </div>
    </li>
  );
  return (
    <section aria-labelledby="presenter-ranking" className="flex min-h-0 flex-col gap-[1vh]">
      <h2 id="presenter-ranking" className="text-[3.4vh] font-semibold">
        Ranking
      </h2>
      <p className="text-[2.2vh] text-zinc-600 dark:text-zinc-400">
        {cut.fitCount} of {cut.acceptedCount} accepted fit — {formatWeeks(cut.fittingWeeks)} of{' '}
        {personWeeks(capacityWeeks)}
      </p>
      {/* A what-if cut line proposed to the room is for the room to see; only the facilitator's page acts on it. */}
      <ProposalBanners state={state} send={send} large />
      {items.length === 0 ? (
        <p>No accepted items yet.</p>
      ) : (
        <ol aria-label="Top of the ranking" className="min-h-0 space-y-[0.6vh] overflow-hidden">
          {top.map((item, index) => (
            <Fragment key={item.id}>
              {index === cut.fitCount && cutRow}
              <li className={`flex gap-[1vw] ${index >= cut.fitCount ? 'text-zinc-500 dark:text-zinc-400' : ''}`}>
                <span className="w-[2.5ch] shrink-0 text-right tabular-nums">{index + 1}.</span>
                <span className="min-w-0 truncate">{item.title}</span>
                <span className="ml-auto shrink-0 tabular-nums">
                  {item.weeks === null ? '—' : `${formatWeeks(item.weeks)} wk`}
                </span>
              </li>
            </Fragment>
          ))}
          {cut.fitCount === items.length && top.length === items.length && cutRow}
          {more > 0 && <li className="text-zinc-600 dark:text-zinc-400">…and {more} more</li>}
        </ol>
      )}
    </section>
  );
}
