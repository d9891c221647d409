'use client';
import { useState } from 'react';
import type { LiveState, RankedItem } from '@/lib/live-meeting/state.server';
import { honestCut } from '@/lib/ranking/what-if';
import { Button } from '@/components/ui/button';
import { CommandError, useCommand } from './use-command';
import type { Send } from './use-live-meeting';
import { reorder } from './reorder';
import { SortableRanking, type MoveVia } from './sortable-ranking';
import { useFocusAfterMove } from './use-rank-focus';

/** `order` reconciled with the accepted items as they are now: gone ones dropped, new ones at the bottom. */
function reconcile(order: readonly number[], items: RankedItem[]): RankedItem[] {
  const byId = new Map(items.map((i) => [i.id, i]));
  const kept = order.filter((id) => byId.has(id)).map((id) => byId.get(id)!);
  const seen = new Set(kept.map((i) => i.id));
  return [...kept, ...items.filter((i) => !seen.has(i.id))];
}

/**
 * A leader composes their own order of the accepted items on the same board the facilitator ranks
 * with; moves stay on this screen until "Submit my order". Starts from their last submission, or
 * from the room's ranking.
 */
export function MyOrder({ state, send }: { state: LiveState; send: Send }) {
  const { run, pending, error } = useCommand(send);
  const [edited, setEdited] = useState<number[] | null>(null);
  const mine = state.rankings.mine;
  const items = reconcile(edited ?? mine?.order ?? state.ranking.items.map((i) => i.id), state.ranking.items);
  const focus = useFocusAfterMove('mine', items, false);
  const cut = honestCut(items, state.ranking.capacityWeeks);
  const unsubmittedNew = mine !== null && items.some((i) => !mine.order.includes(i.id));

  const move = (item: RankedItem, toIndex: number, via: MoveVia) => {
    focus.follow(item.id, via);
    setEdited(reorder(items, item.id, toIndex).map((i) => i.id));
  };
  const submit = async () => {
    if (await run({ action: 'submit-ranking', itemIds: items.map((i) => i.id) })) setEdited(null);
  };

  return (
    <section
      aria-labelledby="my-order-heading"
      className="space-y-2 rounded-md border border-zinc-200 p-3 dark:border-zinc-800"
    >
      <h3 id="my-order-heading" className="font-semibold">
        My order
      </h3>
      <p className="text-sm text-zinc-600 dark:text-zinc-400" role="status">
        {edited !== null
          ? 'Changed here — not submitted yet.'
          : mine
            ? `You submitted your order at ${new Date(mine.submittedAt).toLocaleTimeString()}.${unsubmittedNew ? ' Items accepted since are at the bottom: submit again to place them.' : ''}`
            : 'Put the items in your order and submit it: the facilitator sees everyone’s orders combined. Nobody else sees yours.'}
      </p>
      <SortableRanking
        board="mine"
        label="My order of the accepted items"
        items={items}
        cut={cut}
        capacityWeeks={state.ranking.capacityWeeks}
        canMove
        listRef={focus.listRef}
        onMove={move}
      />
      <Button onClick={() => void submit()} disabled={pending}>
        Submit my order
      </Button>
      <CommandError error={error} />
    </section>
  );
}
