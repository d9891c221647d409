'use client';
import { Fragment, useState } from 'react';
import type { LiveState, RankedItem } from '@/lib/live-meeting/state.server';
import { cutLine } from '@/lib/ranking/order';
import { belowCutText, formatWeeks, personWeeks, plural } from '@/lib/plural';
import { Button } from '@/components/ui/button';
import { controlClass } from '@/components/ui/field';
import { CommandError, useCommand } from './use-command';
import type { Send } from './use-live-meeting';

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

  const move = (item: RankedItem, toIndex: number) => {
    if (toIndex === items.indexOf(item)) return;
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
                  if (moved) move(moved, index);
                }}
                className={`flex flex-wrap items-center gap-2 px-3 py-2 ${large ? 'text-xl' : 'text-sm'} ${index >= cut.fitCount ? 'bg-zinc-50 text-zinc-500 dark:bg-zinc-900/50' : ''} ${over === index ? 'ring-2 ring-indigo-500' : ''} ${canMove ? 'cursor-grab' : ''}`}
              >
                <span className="w-8 tabular-nums font-semibold">{index + 1}.</span>
                <span className="grow">
                  {item.title}
                  {item.theme && <span className="text-zinc-500"> · {item.theme}</span>}
                </span>
                <span className="tabular-nums">
                  {item.weeks === null ? 'not estimated' : `${formatWeeks(item.weeks)} pw`}
                </span>
                {canMove && (
                  <span className="flex items-center gap-1">
                    <Button
                      variant="ghost"
                      aria-label={`Move ${item.title} up`}
                      disabled={pending || index === 0}
                      onClick={() => move(item, index - 1)}
                    >
                      ↑
                    </Button>
                    <Button
                      variant="ghost"
                      aria-label={`Move ${item.title} down`}
                      disabled={pending || index === items.length - 1}
                      onClick={() => move(item, index + 1)}
                    >
                      ↓
                    </Button>
                    <PositionInput
                      item={item}
                      position={index + 1}
                      onMove={(to) => {
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

/** Type a position and press Enter to move the item there; leaving the field undoes the typing. */
function PositionInput({
  item,
  position,
  onMove,
}: {
  item: RankedItem;
  position: number;
  onMove: (to: number) => void;
}) {
  const [value, setValue] = useState(String(position));
  const [shown, setShown] = useState(position);
  if (shown !== position) {
    setShown(position);
    setValue(String(position));
  }
  const commit = () => {
    const to = Number(value);
    if (value.trim() !== '' && to !== position) onMove(to);
  };
  return (
    <input
      type="number"
      inputMode="numeric"
      aria-label={`Position of ${item.title}`}
      value={value}
      className={`${controlClass} w-16`}
      onChange={(e) => setValue(e.target.value)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          commit();
        }
      }}
      onBlur={() => {
        if (Number(value) !== position) setValue(String(position));
      }}
    />
  );
}

function CapacityForm({
  current,
  run,
  pending,
}: {
  current: number;
  run: (c: Record<string, unknown>) => Promise<boolean>;
  pending: boolean;
}) {
  const [value, setValue] = useState(String(current));
  return (
    <form
      className="flex items-end gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        void run({ action: 'capacity', capacityWeeks: value });
      }}
    >
      <div className="space-y-1">
        <label htmlFor="capacity-weeks" className="block text-sm font-medium">
          Capacity (person-weeks)
        </label>
        <input
          id="capacity-weeks"
          type="number"
          min={0}
          step="any"
          className={`${controlClass} w-32`}
          value={value}
          onChange={(e) => setValue(e.target.value)}
        />
      </div>
      <Button type="submit" variant="secondary" disabled={pending}>
        Change capacity
      </Button>
      <p className="text-xs text-zinc-600 dark:text-zinc-400">
        The cut line moves only with the capacity; the change is recorded.
      </p>
    </form>
  );
}
