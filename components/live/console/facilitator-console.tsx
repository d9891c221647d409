'use client';
import { useRef, useState } from 'react';
import { DECISION_COLOUR } from '@/components/ui/status-colours';
import { Button } from '@/components/ui/button';
import type { LiveItemDetail } from '@/lib/live-meeting/details.server';
import type { LiveState } from '@/lib/live-meeting/state.server';
import { ItemDetail } from '../current-item';
import { FacilitatorBar } from '../facilitator-bar';
import { ItemControls, ItemNotes } from '../item-controls';
import { OUTCOME_LABEL } from '../labels';
import { RankingBoard } from '../ranking-board';
import { TallyView } from '../tally-view';
import { CommandError } from '../use-command';
import type { Send } from '../use-live-meeting';
import { VotePanel } from '../vote-panel';
import { ConsentAgenda } from '../consent-agenda';
import { AgendaNav } from './agenda-nav';
import { Countdown } from './countdown';
import { PresencePanel } from './presence-panel';
import { ShortcutsHelp } from './shortcuts-help';
import { StanceSummary } from './stance-summary';
import { useFacilitatorShortcuts } from './use-shortcuts';
import { VotedList } from './voted-list';

/**
 * What the facilitator runs the meeting from, while it is live or paused: on a wide screen the
 * agenda on the left, the item with its tally, who has voted and who is connected in the middle, the
 * decision form on the right — all within one screen (1440×900) — and the item's details, notes
 * and the ranking below. Keyboard shortcuts drive it; `?` lists them.
 */
export function FacilitatorConsole({
  state,
  details,
  send,
  optimistic,
}: {
  state: LiveState;
  details: Record<number, LiveItemDetail>;
  send: Send;
  optimistic: (update: (s: LiveState) => LiveState) => void;
}) {
  const { meeting, viewer, room } = state;
  const current = state.agenda.find((i) => i.itemId === meeting.currentItemId);
  const position = current ? state.agenda.indexOf(current) + 1 : 0;
  const detail = current ? details[current.itemId] : undefined;
  const live = meeting.status === 'live';
  const help = useRef<HTMLDialogElement>(null);
  const opener = useRef<Element | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const openHelp = () => {
    opener.current = document.activeElement;
    help.current?.showModal();
  };
  useFacilitatorShortcuts({ state, current, send, onHelp: openHelp, onRefused: setRefusal });
  const minutes = room.timeBoxes.items.find((b) => b.itemId === meeting.currentItemId)?.minutes;

  return (
    // data-facilitator-console: the meeting page hides its header's details (when, where) beside it,
    // to leave the screen to running the item.
    <div data-facilitator-console className="space-y-4">
      <FacilitatorBar state={state} send={send} />
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-[13rem_minmax(0,1fr)] xl:grid-cols-[13rem_minmax(0,1fr)_minmax(18rem,24rem)]">
        <div className="space-y-4">
          <AgendaNav state={state} send={send} />
          <ConsentAgenda state={state} send={send} />
          {!current && <PresencePanel state={state} />}
        </div>
        {current && (
          <>
            <section aria-labelledby="current-item-title" className="min-w-0 space-y-3">
              <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-zinc-600 dark:text-zinc-400">
                <span>
                  Item {position} of {state.agenda.length}
                  {detail?.theme && ` · ${detail.theme}`}
                </span>
                <Countdown key={current.itemId} since={room.currentItemSince} minutes={minutes} />
                <Button variant="ghost" onClick={openHelp} aria-keyshortcuts="?">
                  Keyboard shortcuts
                </Button>
              </div>
              <h2 id="current-item-title" className="text-2xl font-semibold wrap-anywhere">
                {current.title}
              </h2>
              {current.decision && (
                <p
                  role="status"
                  data-testid="decision"
                  className={`rounded-md px-3 py-2 text-sm ${DECISION_COLOUR[current.decision.outcome]}`}
                >
                  Decision: <strong>{OUTCOME_LABEL[current.decision.outcome]}</strong>
                  {current.decision.reason && <> — Reason: {current.decision.reason}</>}
                  {current.decision.notes && <> — Note: {current.decision.notes}</>}
                </p>
              )}
              <StanceSummary state={state} itemId={current.itemId} />
              <CommandError error={refusal} />
              {viewer.role === 'voter' && <VotePanel key={current.itemId} item={current} send={send} live={live} />}
              <TallyView tally={current.tally} weighted={state.settings.weighted} />
              <VotedList state={state} item={current} />
              <PresencePanel state={state} />
            </section>
            <div className="min-w-0 lg:col-start-2 xl:col-start-auto">
              <ItemControls key={current.itemId} item={current} state={state} send={send} />
            </div>
          </>
        )}
      </div>
      {current && (
        <div className="space-y-6 lg:pl-[14rem]">
          <ItemNotes item={current} canWrite send={send} live={live} />
          {detail && <ItemDetail detail={detail} />}
        </div>
      )}
      <RankingBoard state={state} send={send} optimistic={optimistic} />
      <ShortcutsHelp
        ref={help}
        onClose={() => {
          if (opener.current instanceof HTMLElement) opener.current.focus();
        }}
      />
    </div>
  );
}
