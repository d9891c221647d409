'use client';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { CommandError, useCommand } from './use-command';
import type { Send } from './use-live-meeting';

/** The facilitator's choices when starting: how votes are shown, and whether the tally is weighted. */
export function StartForm({ send, agendaSize }: { send: Send; agendaSize: number }) {
  const { run, pending, error } = useCommand(send);
  const [visibility, setVisibility] = useState<'live' | 'hidden'>('live');
  const [weighted, setWeighted] = useState(false);
  return (
    <form
      aria-label="Start the meeting"
      className="space-y-3 rounded-md border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900"
      onSubmit={(e) => {
        e.preventDefault();
        void run({ action: 'start', votesVisibility: visibility, weighted });
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
      <CommandError error={error} />
      <Button type="submit" disabled={pending || agendaSize === 0}>
        {pending ? 'Starting…' : 'Start the meeting'}
      </Button>
      {agendaSize === 0 && <p className="text-sm text-zinc-600">Put items on the agenda first.</p>}
    </form>
  );
}
