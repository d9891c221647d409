'use client';
import { Fragment, useState } from 'react';
import type { LiveState, RankedItem } from '@/lib/live-meeting/state.server';
import { cutLine } from '@/lib/ranking/order';
import { belowCutText, formatWeeks, personWeeks, plural } from '@/lib/plural';
import { Button } from '@/components/ui/button';
import { CommandError, useCommand } from './use-command';
import type { Send } from './use-live-meeting';
import { CapacityForm, PositionInput } from './ranking-inputs';
import { rankControlId, useFocusAfterMove, type RankControl } from './use-rank-focus';

/** The new order if `itemId` moved to `toIndex` (shown at once; the server's answer replaces it). */
function reorder(items: RankedItem[], itemId: number, toIndex: number): RankedItem[] {
  const from = items.findIndex((i) => i.id === itemId);
  if (from < 0 || toIndex < 0 || toIndex >= items.length) return items;
  const next = items.slice();
  const [moved] = next.splice(from, 1);
  next.splice(toIndex, 0, moved);
  return next;
}

/**
 * The accepted items in rank order with the capacity bar and the cut line. Rankers (facilitator,
 * pm, admin) move items by drag and drop or by keyboard: "up"/"down" buttons, or typing a position
 * and pressing Enter. A move sends the item's version; if someone moved the same item meanwhile,
 * the server refuses and the page shows the order as it now is, with a message saying so.
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
  const [dragged, setDragged] = useState<number | null>(null);
  const [over, setOver] = useState<number | null>(null);
  const { items, cut, capacityWeeks } = state.ranking;
  const canMove = !large && state.viewer.canRank && state.meeting.status === 'live';
  const canSetCapacity = !large && state.viewer.isFacilitator && state.meeting.status === 'live';
  const pct = capacityWeeks > 0 ? Math.min(100, Math.round((cut.fittingWeeks / capacityWeeks) * 100)) : 0;
  const below = cut.acceptedCount - cut.fitCount;
  const focus = useFocusAfterMove(items, pending);

  const move = (item: RankedItem, toIndex: number, control: RankControl) => {
    // One move at a time: a second would carry the item's old version and be refused.
    if (pending || toIndex === items.indexOf(item)) return;
    focus.follow(item.id, control);
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
      {items.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          No accepted items yet. Accepted items appear here, at the bottom, to be ranked.
        </p>
      ) : (
        <ol
          ref={focus.listRef}
          aria-label="Accepted items in rank order"
          className="divide-y divide-zinc-100 rounded-md border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800"
        >
          {items.map((item, index) => (
            <Fragment key={item.id}>
              {index === cut.fitCount && <CutLine fit={cut.fitCount} below={below} capacity={capacityWeeks} />}
              <li
                draggable={canMove}
                aria-label={item.title}
                onDragStart={(e) => {
                  e.dataTransfer.setData('text/plain', String(item.id));
                  e.dataTransfer.effectAllowed = 'move';
                  setDragged(item.id);
                }}
                onDragEnd={() => {
                  setDragged(null);
                  setOver(null);
                }}
                onDragOver={(e) => {
                  if (canMove && dragged !== null) {
                    e.preventDefault();
                    setOver(index);
                  }
                }}
                onDrop={(e) => {
                  e.preventDefault();
                  const moved = items.find((i) => i.id === Number(e.dataTransfer.getData('text/plain')));
                  setDragged(null);
                  setOver(null);
                  if (moved) move(moved, index, 'drag');
                }}
                className={`flex flex-wrap items-center gap-2 px-3 py-2 ${large ? 'text-xl' : 'text-sm'} ${index >= cut.fitCount ? 'bg-zinc-50 text-zinc-500 dark:text-zinc-400 dark:bg-zinc-900/50' : ''} ${over === index ? 'ring-2 ring-indigo-500' : ''} ${canMove ? 'cursor-grab' : ''}`}
              >
                <span className="w-8 tabular-nums font-semibold">{index + 1}.</span>
                <span className="grow">
                  {item.title}
                  {item.theme && <span className="text-zinc-500 dark:text-zinc-400"> · {item.theme}</span>}
                </span>
                <span className="tabular-nums">
                  {item.weeks === null ? 'not estimated' : `${formatWeeks(item.weeks)} pw`}
                </span>
                {canMove && (
                  <span className="flex items-center gap-1">
                    {/* Not disabled while a move is sent: disabling the focused button would drop focus. */}
                    <Button
                      id={rankControlId(item.id, 'up')}
                      variant="ghost"
                      aria-label={`Move ${item.title} up`}
                      aria-disabled={pending || undefined}
                      disabled={index === 0}
                      onClick={() => move(item, index - 1, 'up')}
                    >
                      ↑
                    </Button>
                    <Button
                      id={rankControlId(item.id, 'down')}
                      variant="ghost"
                      aria-label={`Move ${item.title} down`}
                      aria-disabled={pending || undefined}
                      disabled={index === items.length - 1}
                      onClick={() => move(item, index + 1, 'down')}
                    >
                      ↓
                    </Button>
                    <PositionInput
                      item={item}
                      position={index + 1}
                      onMove={(to) => {
                        focus.follow(item.id, 'position');
                        void run({ action: 'move', itemId: item.id, toIndex: to - 1, version: item.version });
                      }}
                    />
                  </span>
                )}
              </li>
            </Fragment>
          ))}
          {cut.fitCount === items.length && <CutLine fit={cut.fitCount} below={0} capacity={capacityWeeks} />}
        </ol>
      )}
      <CommandError error={error} />
      {canSetCapacity && <CapacityForm current={capacityWeeks} run={capacity.run} pending={capacity.pending} />}
      <CommandError error={capacity.error} />
    </section>
  );
}

function CutLine({ fit, below, capacity }: { fit: number; below: number; capacity: number }) {
  return (
    <li
      role="separator"
      aria-label="Cut line"
      className="border-y-2 border-dashed border-red-500 bg-red-50 px-3 py-1 text-xs font-semibold text-red-800 dark:bg-red-950/40 dark:text-red-200"
    >
      Cut line — the {plural(fit, 'item')} above {fit === 1 ? 'fits' : 'fit'} {personWeeks(capacity)}
      {below > 0 ? `; ${below} below ${below === 1 ? 'does' : 'do'} not` : ''}
    </li>
  );
}
