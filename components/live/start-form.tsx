'use client';
import { useState } from 'react';
import { START_CONFIRM_LABEL, type StartWarning } from '@/lib/live-meeting/warnings';
import { Button } from '@/components/ui/button';
import { CommandError, useCommand } from './use-command';
import type { Send } from './use-live-meeting';

/**
 * The facilitator's choices when starting: how votes are shown, and whether the tally is weighted.
 * Starting without a distributed pre-read, or well before the scheduled time, is said in words
 * first and needs "Start anyway" ticked; the server refuses the start without it.
 */
export function StartForm({
  send,
  agendaSize,
  warnings,
}: {
  send: Send;
  agendaSize: number;
  warnings: StartWarning[];
}) {
  const { run, pending, error, fieldErrors } = useCommand(send);
  const [visibility, setVisibility] = useState<'live' | 'hidden'>('live');
  const [weighted, setWeighted] = useState(false);
  const [confirmed, setConfirmed] = useState(false);
  const confirmError = fieldErrors.confirm;
  return (
    <form
      aria-label="Start the meeting"
      className="space-y-3 rounded-md border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900"
      onSubmit={(e) => {
        e.preventDefault();
        void run({
          action: 'start',
          votesVisibility: visibility,
          weighted,
          confirm: confirmed ? warnings.map((w) => w.code) : [],
        });
      }}
    >
      <h2 className="text-lg font-semibold">Start the meeting</h2>
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium">Votes</legend>
        <label className="flex items-center gap-2 text-sm">
          <input
            type="radio"
            name="votesVisibility"
            value="live"
            checked={visibility === 'live'}
            onChange={() => setVisibility('live')}
          />
          Show votes as they arrive
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input
            type="radio"
            name="votesVisibility"
            value="hidden"
            checked={visibility === 'hidden'}
            onChange={() => setVisibility('hidden')}
          />
          Hide votes until I reveal them
        </label>
      </fieldset>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="weighted" checked={weighted} onChange={(e) => setWeighted(e.target.checked)} />
        Weight the tally by department (each department present counts equally)
      </label>
      {warnings.length > 0 && (
        <div className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
          <p className="font-semibold">Before you start</p>
          <ul id="start-warnings" className="list-disc space-y-0.5 pl-5">
            {warnings.map((w) => (
              <li key={w.code}>{w.message}</li>
            ))}
          </ul>
          <label className="flex items-center gap-2 font-medium">
            <input
              type="checkbox"
              name="confirm"
              checked={confirmed}
              onChange={(e) => setConfirmed(e.target.checked)}
              aria-describedby={confirmError ? 'start-warnings start-confirm-error' : 'start-warnings'}
              aria-invalid={confirmError ? true : undefined}
            />
            {START_CONFIRM_LABEL}
          </label>
          {confirmError && (
            <p id="start-confirm-error" role="alert" className="font-medium text-red-800 dark:text-red-300">
              {confirmError.join(' ')}
            </p>
          )}
        </div>
      )}
      {/* The refusal shows beside the confirmation when there is one; otherwise here. */}
      <CommandError error={confirmError && warnings.length > 0 ? null : error} />
      <Button type="submit" disabled={pending || agendaSize === 0}>
        {pending ? 'Starting…' : 'Start the meeting'}
      </Button>
      {agendaSize === 0 && <p className="text-sm text-zinc-600">Put items on the agenda first.</p>}
    </form>
  );
}
