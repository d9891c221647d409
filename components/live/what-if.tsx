'use client';
import { useState } from 'react';
import type { OpenProposal } from '@/lib/live-meeting/cut-line-proposals.server';
import type { LiveState } from '@/lib/live-meeting/state.server';
import { whatIf } from '@/lib/ranking/what-if';
import { personWeeks, plural } from '@/lib/plural';
import { Button } from '@/components/ui/button';
import { controlClass } from '@/components/ui/field';
import { CommandError, useCommand } from './use-command';
import type { Send } from './use-live-meeting';

/** "then 3 of 4 fit: A, B, C" — computed here with the same cutLine the server uses. */
function outcomeText(state: LiveState, capacityWeeks: number, leftOut: number[]): string {
  const result = whatIf(state.ranking.items, capacityWeeks, leftOut);
  const titles = new Map(state.ranking.items.map((i) => [i.id, i.title]));
  const above = result.keptIds.slice(0, result.fitCount).map((id) => titles.get(id));
  const still = result.stillFitIds.map((id) => titles.get(id));
  return (
    `${result.fitCount} of ${result.acceptedCount} would fit${above.length ? `: ${above.join(', ')}` : ''}` +
    (still.length ? `; would still fit below the line: ${still.join(', ')}` : '')
  );
}

/**
 * What-if: try another capacity or leave items out, see where the cut line would fall (on this
 * screen only), then propose it to the room if it is worth discussing.
 */
export function WhatIf({ state, send }: { state: LiveState; send: Send }) {
  const { run, pending, error } = useCommand(send);
  const current = state.ranking.capacityWeeks;
  const [capacity, setCapacity] = useState(String(current));
  const [leftOut, setLeftOut] = useState<number[]>([]);
  const weeks = Number(capacity);
  const valid = capacity.trim() !== '' && Number.isFinite(weeks) && weeks >= 0;
  const shownLeftOut = leftOut.filter((id) => state.ranking.items.some((i) => i.id === id));
  const propose = async () => {
    const ok = await run({
      action: 'propose-cut-line',
      capacityWeeks: valid && weeks !== current ? weeks : null,
      leftOutItemIds: shownLeftOut,
    });
    if (ok) setLeftOut([]);
  };
  return (
    <details className="rounded-md border border-zinc-200 p-3 text-sm dark:border-zinc-800">
      <summary className="cursor-pointer font-semibold">What if…? Try another cut line</summary>
      <div className="mt-2 space-y-2">
        <label htmlFor="what-if-capacity" className="block font-medium">
          Capacity to try (person-weeks)
        </label>
        <input
          id="what-if-capacity"
          type="number"
          min={0}
          step="any"
          className={`${controlClass} w-32`}
          value={capacity}
          onChange={(e) => setCapacity(e.target.value)}
        />
        <fieldset>
          <legend className="font-medium">Leave out</legend>
          {state.ranking.items.map((item) => (
            <label key={item.id} className="flex items-center gap-2">
              <input
                type="checkbox"
                checked={shownLeftOut.includes(item.id)}
                onChange={(e) =>
                  setLeftOut(
                    e.target.checked ? [...shownLeftOut, item.id] : shownLeftOut.filter((id) => id !== item.id),
                  )
                }
              />
              {item.title}
            </label>
          ))}
        </fieldset>
        <p role="status" aria-label="What-if result">
          {valid
            ? `With ${personWeeks(weeks)}${shownLeftOut.length ? ` and ${plural(shownLeftOut.length, 'item')} left out` : ''}: ${outcomeText(state, weeks, shownLeftOut)}.`
            : 'Enter a capacity of 0 or more.'}
        </p>
        <Button variant="secondary" disabled={pending || !valid} onClick={() => void propose()}>
          Propose this cut line to the room
        </Button>
        <CommandError error={error} />
      </div>
    </details>
  );
}

/** Open proposals, shown to everyone in the room; the facilitator applies (capacity only) or dismisses them. */
export function ProposalBanners({ state, send, large }: { state: LiveState; send: Send; large?: boolean }) {
  const { run, pending, error } = useCommand(send);
  const { proposals } = state.rankings;
  if (proposals.length === 0) return null;
  const titles = new Map(state.ranking.items.map((i) => [i.id, i.title]));
  const mayClose = state.viewer.isFacilitator && !large;
  return (
    <div className="space-y-2">
      {proposals.map((p: OpenProposal) => {
        const capacity = p.capacityWeeks ?? state.ranking.capacityWeeks;
        const parts = [
          p.capacityWeeks !== null && `capacity ${personWeeks(p.capacityWeeks)}`,
          p.leftOutItemIds.length > 0 &&
            `leave out ${p.leftOutItemIds.map((id) => titles.get(id) ?? `item ${id}`).join(', ')}`,
        ].filter(Boolean);
        return (
          <div
            key={p.id}
            role="region"
            aria-label={`Cut line proposed by ${p.proposerName}`}
            className={`rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-50 ${large ? 'text-lg' : 'text-sm'}`}
          >
            <p>
              <strong>{p.proposerName}</strong> proposes a cut line: {parts.join('; ')} — then{' '}
              {outcomeText(state, capacity, p.leftOutItemIds)}.
            </p>
            {mayClose && (
              <div className="mt-1 flex flex-wrap gap-2">
                <Button
                  variant="secondary"
                  disabled={pending}
                  onClick={() => void run({ action: 'close-cut-line-proposal', proposalId: p.id, applied: true })}
                >
                  {p.capacityWeeks !== null ? `Apply ${personWeeks(p.capacityWeeks)}` : 'Taken up'}
                </Button>
                <Button
                  variant="ghost"
                  disabled={pending}
                  onClick={() => void run({ action: 'close-cut-line-proposal', proposalId: p.id, applied: false })}
                >
                  Dismiss
                </Button>
                <span className="text-xs">Applying changes the capacity only; no item is removed by it.</span>
              </div>
            )}
          </div>
        );
      })}
      <CommandError error={error} />
    </div>
  );
}
