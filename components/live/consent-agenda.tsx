'use client';
import type { LiveState } from '@/lib/live-meeting/state.server';
import { Button } from '@/components/ui/button';
import { CommandError, useCommand } from './use-command';
import type { Send } from './use-live-meeting';

/**
 * The consent agenda as one entry of the meeting: the items the pm expects nobody to dispute. Any
 * voting leader can pull one out to discuss it like any other item; the facilitator accepts the
 * rest together, in one decision.
 */
export function ConsentAgenda({ state, send, large = false }: { state: LiveState; send: Send; large?: boolean }) {
  const { run, pending, error } = useCommand(send);
  const { items, pulled } = state.preparation.consent;
  if (items.length === 0 && pulled.length === 0) return null;
  const live = state.meeting.status === 'live';
  const canPull = live && (state.viewer.role === 'voter' || state.viewer.isFacilitator) && !large;
  const canAccept = live && state.viewer.isFacilitator && !large;
  return (
    <section
      aria-labelledby="consent-agenda-heading"
      className="space-y-2 rounded-md border border-emerald-200 bg-emerald-50/50 p-3 text-sm dark:border-emerald-900 dark:bg-emerald-950/30"
    >
      <h2 id="consent-agenda-heading" className="font-semibold">
        Consent agenda
      </h2>
      {items.length === 0 ? (
        <p>Nothing left to accept together.</p>
      ) : (
        <>
          <p>
            {items.length === 1 ? 'This item is' : `These ${items.length} items are`} accepted together unless a leader
            pulls one out for discussion.
          </p>
          <ul aria-label="Items on the consent agenda" className="space-y-1">
            {items.map((item) => (
              <li key={item.itemId} className="flex flex-wrap items-center gap-2">
                <span className="min-w-0 grow wrap-anywhere">{item.title}</span>
                {canPull && (
                  <Button
                    variant="secondary"
                    disabled={pending}
                    onClick={() => run({ action: 'pull-from-consent', itemId: item.itemId })}
                  >
                    Pull out<span className="sr-only"> {item.title} for discussion</span>
                  </Button>
                )}
              </li>
            ))}
          </ul>
          {canAccept && (
            <Button disabled={pending} onClick={() => run({ action: 'accept-consent' })}>
              Accept {items.length === 1 ? 'it' : `all ${items.length}`} together
            </Button>
          )}
        </>
      )}
      {pulled.length > 0 && (
        <p>
          <span className="font-medium">Pulled out for discussion: </span>
          {pulled.map((p) => `${p.title}${p.pulledBy ? ` (by ${p.pulledBy})` : ''}`).join('; ')}
        </p>
      )}
      <CommandError error={error} />
    </section>
  );
}
