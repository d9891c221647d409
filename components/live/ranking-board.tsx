'use client';
import type { LiveState, RankedItem } from '@/lib/live-meeting/state.server';
import { cutLine } from '@/lib/ranking/order';
import { honestCut } from '@/lib/ranking/what-if';
import { belowCutText, formatWeeks, personWeeks } from '@/lib/plural';
import { AggregatePanel } from './aggregate-panel';
import { CommandError, useCommand } from './use-command';
import type { Send } from './use-live-meeting';
import { CapacityForm } from './ranking-inputs';
import { MyOrder } from './my-order';
import { ProposalBanners, WhatIf } from './what-if';
import { SortableRanking, type MoveVia } from './sortable-ranking';
import { useFocusAfterMove } from './use-rank-focus';
import { reorder } from './reorder';
import { RankingNfrShare } from '@/components/capacity/ranking-nfr-share';

/**
 * The accepted items in rank order with the capacity bar and the cut line. Rankers (facilitator,
 * pm, admin) move items by drag and drop, by keyboard, or through each row's "Move to…" menu. A
 * move sends the item's version; if someone moved the same item meanwhile, the server refuses and
 * the page shows the order as it now is, with a message saying so. Leaders compose and submit their
 * own order below it; the facilitator sees the aggregate of those orders.
 */
export function RankingBoard({
  state,
  send,
  optimistic,
  large = false,
}: {
  state: LiveState;
  send: Send;
  optimistic?: (update: (s: LiveState) => LiveState) => void;
  large?: boolean;
}) {
  const { run, pending, error } = useCommand(send);
  const capacity = useCommand(send);
  const { items, capacityWeeks } = state.ranking;
  const live = state.meeting.status === 'live';
  const canMove = !large && state.viewer.canRank && live;
  const canSetCapacity = !large && state.viewer.isFacilitator && live;
  const cut = honestCut(items, capacityWeeks);
  const pct = capacityWeeks > 0 ? Math.min(100, Math.round((cut.fittingWeeks / capacityWeeks) * 100)) : 0;
  const below = cut.acceptedCount - cut.fitCount;
  const focus = useFocusAfterMove('rank', items, pending);
  const open = state.meeting.status === 'live' || state.meeting.status === 'paused';

  const move = (item: RankedItem, toIndex: number, via: MoveVia) => {
    // One move at a time: a second would carry the item's old version and be refused.
    if (pending || toIndex === items.indexOf(item)) return;
    focus.follow(item.id, via);
    optimistic?.((s) => {
      const next = reorder(s.ranking.items, item.id, toIndex);
      return { ...s, ranking: { ...s.ranking, items: next, cut: cutLine(next, s.ranking.capacityWeeks) } };
    });
    void run({ action: 'move', itemId: item.id, toIndex, version: item.version });
  };

  return (
    <section aria-labelledby="ranking-heading" className="space-y-3">
      <h2 id="ranking-heading" className={large ? 'text-2xl font-semibold' : 'text-lg font-semibold'}>
        Ranking
      </h2>
      {open && <ProposalBanners state={state} send={send} large={large} />}
      <div>
        <p className="text-sm" aria-live="polite">
          <strong>{cut.fitCount} fit</strong>, {cut.acceptedCount} accepted — {formatWeeks(cut.fittingWeeks)} of{' '}
          {personWeeks(capacityWeeks)}
          {below > 0 && `; ${belowCutText(below)}`}.
        </p>
        <div
          role="meter"
          aria-label="Capacity used by the items above the cut line"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={pct}
          className="mt-1 h-2.5 overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800"
        >
          <div className="h-full rounded-full bg-indigo-600" style={{ width: `${pct}%` }} />
        </div>
      </div>
      <RankingNfrShare ranking={state.ranking} />
      {items.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          No accepted items yet. Accepted items appear here, at the bottom, to be ranked.
        </p>
      ) : (
        <SortableRanking
          board="rank"
          label="Accepted items in rank order"
          items={items}
          cut={cut}
          capacityWeeks={capacityWeeks}
          canMove={canMove}
          large={large}
          listRef={focus.listRef}
          busy={pending}
          onMove={move}
        />
      )}
      <CommandError error={error} />
      {canSetCapacity && <CapacityForm current={capacityWeeks} run={capacity.run} pending={capacity.pending} />}
      <CommandError error={capacity.error} />
      {!large && open && items.length > 0 && (
        <>
          {state.rankings.aggregate && <AggregatePanel state={state} send={send} />}
          {state.rankings.canSubmit && <MyOrder state={state} send={send} />}
          {state.rankings.canPropose && <WhatIf state={state} send={send} />}
        </>
      )}
    </section>
  );
}
