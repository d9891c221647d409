'use client';
import { useState } from 'react';
import type { LiveState } from '@/lib/live-meeting/state.server';
import { Button } from '@/components/ui/button';
import { controlClass } from '@/components/ui/field';
import { CommandError, useCommand } from './use-command';
import { EndMeetingDialog } from './end-meeting-dialog';
import type { Send } from './use-live-meeting';

/**
 * The facilitator's session controls: walk the agenda, pause/resume, hand over, end. Session
 * commands carry the meeting version shown, so a stale screen (after a hand-over race) is refused.
 */
export function FacilitatorBar({ state, send }: { state: LiveState; send: Send }) {
  const { run, pending, error } = useCommand(send);
  const { meeting, agenda } = state;
  const at = agenda.findIndex((i) => i.itemId === meeting.currentItemId);
  const [jumpTo, setJumpTo] = useState('');
  const [handTo, setHandTo] = useState('');
  const live = meeting.status === 'live';
  const version = meeting.version;
  const others = state.attendees.filter((a) => a.userId !== state.viewer.id);

  return (
    <section
      aria-label="Facilitator controls"
      className="space-y-2 rounded-md border border-indigo-200 bg-indigo-50/60 p-3 dark:border-indigo-900 dark:bg-indigo-950/30"
    >
      <div className="flex flex-wrap items-end gap-2">
        <Button
          variant="secondary"
          disabled={pending || !live || at <= 0}
          onClick={() => run({ action: 'go', to: 'previous', version })}
        >
          ← Previous item
        </Button>
        <Button
          disabled={pending || !live || at >= agenda.length - 1}
          onClick={() => run({ action: 'go', to: 'next', version })}
        >
          Next item →
        </Button>
        <form
          className="flex items-end gap-1"
          onSubmit={(e) => {
            e.preventDefault();
            if (jumpTo) void run({ action: 'go', to: Number(jumpTo), version });
          }}
        >
          <label className="text-sm">
            <span className="block font-medium">Jump to</span>
            <select
              className={controlClass}
              value={jumpTo}
              onChange={(e) => setJumpTo(e.target.value)}
              disabled={!live}
            >
              <option value="">Choose an item…</option>
              {agenda.map((item, i) => (
                <option key={item.itemId} value={item.itemId}>
                  {i + 1}. {item.title}
                </option>
              ))}
            </select>
          </label>
          <Button type="submit" variant="secondary" disabled={pending || !live || !jumpTo}>
            Go
          </Button>
        </form>
        <span className="grow" />
        {live ? (
          <Button variant="secondary" disabled={pending} onClick={() => run({ action: 'pause', version })}>
            Pause meeting
          </Button>
        ) : (
          <Button variant="secondary" disabled={pending} onClick={() => run({ action: 'resume', version })}>
            Resume meeting
          </Button>
        )}
        <EndMeetingDialog state={state} send={send} />
      </div>
      <form
        className="flex flex-wrap items-end gap-1"
        onSubmit={(e) => {
          e.preventDefault();
          if (handTo) void run({ action: 'hand-over', toUserId: Number(handTo), version });
        }}
      >
        <label className="text-sm">
          <span className="block font-medium">Hand facilitation to</span>
          <select className={controlClass} value={handTo} onChange={(e) => setHandTo(e.target.value)}>
            <option value="">Choose an attendee…</option>
            {others.map((a) => (
              <option key={a.userId} value={a.userId}>
                {a.name} ({a.departmentName})
              </option>
            ))}
          </select>
        </label>
        <Button type="submit" variant="secondary" disabled={pending || !handTo}>
          Hand over
        </Button>
      </form>
      <CommandError error={error} />
    </section>
  );
}

/** What a pm or admin who does not facilitate can do: take over, and resume or end a meeting. */
export function ManagerBar({ state, send }: { state: LiveState; send: Send }) {
  const { run, pending, error } = useCommand(send);
  const { meeting } = state;
  return (
    <section
      aria-label="Meeting management"
      className="flex flex-wrap items-center gap-2 rounded-md border border-zinc-200 p-3 text-sm dark:border-zinc-800"
    >
      <p className="grow">{meeting.facilitatorName} facilitates. If they have left, you can take over.</p>
      <Button variant="secondary" disabled={pending} onClick={() => run({ action: 'take-over' })}>
        Take over facilitation
      </Button>
      {meeting.status === 'paused' && (
        <Button
          variant="secondary"
          disabled={pending}
          onClick={() => run({ action: 'resume', version: meeting.version })}
        >
          Resume meeting
        </Button>
      )}
      <CommandError error={error} />
    </section>
  );
}
