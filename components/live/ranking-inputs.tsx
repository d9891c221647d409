'use client';
import { useState } from 'react';
import type { RankedItem } from '@/lib/live-meeting/state.server';
import { Button } from '@/components/ui/button';
import { controlClass } from '@/components/ui/field';

/** Type a position and press Enter to move the item there; leaving the field undoes the typing. */
export function PositionInput({
  id,
  item,
  position,
  onMove,
}: {
  id: string;
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
      id={id}
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

export function CapacityForm({
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
