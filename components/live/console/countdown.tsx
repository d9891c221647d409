'use client';
import { useSyncExternalStore } from 'react';
import { formatCountdown, timeLeftMs } from '@/lib/meetings/time-boxes';

const everySecond = (tick: () => void) => {
  const timer = setInterval(tick, 1000);
  return () => clearInterval(timer);
};
const nowInSeconds = () => Math.floor(Date.now() / 1000);
// The server's HTML shows no count: its clock is not the browser's, and the page hydrates at once.
const noTimeYet = () => null;

/** The current item's time box counting down; past zero it says by how much the item has run over. */
export function Countdown({
  since,
  minutes,
  large = false,
}: {
  since: string | null;
  minutes: number | undefined;
  large?: boolean;
}) {
  const seconds = useSyncExternalStore(everySecond, nowInSeconds, noTimeYet);
  if (minutes === undefined) return null;
  const left = seconds === null ? null : timeLeftMs(since, minutes, seconds * 1000);
  const over = left !== null && left < 0;
  return (
    <p
      role="timer"
      aria-label="Time left on this item"
      className={`inline-flex items-baseline gap-2 self-start rounded-md px-2 py-0.5 tabular-nums ${large ? 'text-[4vh]' : 'text-sm'} ${over ? 'bg-red-50 text-red-800 dark:bg-red-950 dark:text-red-200' : 'bg-zinc-100 dark:bg-zinc-800'}`}
    >
      <span className="font-semibold">
        {left === null ? `${minutes}:00` : over ? `Over by ${formatCountdown(-left)}` : formatCountdown(left)}
      </span>
      <span className="text-zinc-600 dark:text-zinc-400">of {minutes} min</span>
    </p>
  );
}
