'use client';
import { useRef, useState } from 'react';
import type { LiveState } from '@/lib/live-meeting/state.server';
import { Button } from '@/components/ui/button';
import { CommandError, useCommand } from './use-command';
import type { Send } from './use-live-meeting';

type Disposition = 'next_cycle' | 'follow_up';
const DISPOSITION_LABEL: Record<Disposition, string> = {
  next_cycle: 'Defer to the next cycle',
  follow_up: 'Keep for a follow-up meeting',
};

/**
 * Ending the meeting. With items undecided, it names them and asks what becomes of each: deferred
 * to the next cycle, or kept for a follow-up meeting. A native modal dialog: it traps focus and
 * needs no injected styles (the page's Content-Security-Policy allows none).
 */
export function EndMeetingDialog({ state, send }: { state: LiveState; send: Send }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const { run, pending, error } = useCommand(send);
  const [choices, setChoices] = useState<Record<number, Disposition>>({});
  const [missing, setMissing] = useState<string | null>(null);
  const undecided = state.agenda.filter((i) => !i.decision);
  const close = () => dialog.current?.close();
  const setAll = (d: Disposition) => setChoices(Object.fromEntries(undecided.map((i) => [i.itemId, d])));

  async function end() {
    const left = undecided.filter((i) => !choices[i.itemId]);
    if (left.length) {
      setMissing(`Choose what becomes of ${left.map((i) => `"${i.title}"`).join(', ')}.`);
      return;
    }
    setMissing(null);
    const list = undecided.map((i) => ({ itemId: i.itemId, disposition: choices[i.itemId] }));
    if (await run({ action: 'end', undecided: list })) close();
  }

  return (
    <>
      <Button variant="danger" disabled={pending} onClick={() => dialog.current?.showModal()}>
        End meeting…
      </Button>
      <dialog
        ref={dialog}
        aria-labelledby="end-meeting-heading"
        className="m-auto w-[min(36rem,calc(100vw-2rem))] rounded-lg bg-white p-4 text-zinc-900 shadow-xl backdrop:bg-black/40 dark:bg-zinc-900 dark:text-zinc-100"
      >
        <form
          method="dialog"
          className="space-y-3"
          onSubmit={(e) => {
            e.preventDefault();
            void end();
          }}
        >
          <h2 id="end-meeting-heading" className="text-lg font-semibold">
            End the meeting
          </h2>
          <p className="text-sm">Ending closes voting for good and produces the outcome page.</p>
          {undecided.length > 0 && (
            <>
              <p className="text-sm">
                {undecided.length === 1 ? 'One item was' : `${undecided.length} items were`} not decided. What becomes
                of {undecided.length === 1 ? 'it' : 'each'}?
              </p>
              <div className="flex flex-wrap gap-2">
                <Button variant="secondary" onClick={() => setAll('next_cycle')}>
                  Defer all to the next cycle
                </Button>
                <Button variant="secondary" onClick={() => setAll('follow_up')}>
                  Keep all for a follow-up
                </Button>
              </div>
              <div className="max-h-[50vh] space-y-2 overflow-y-auto">
                {undecided.map((item) => (
                  <fieldset key={item.itemId} className="rounded-md border border-zinc-200 p-2 dark:border-zinc-700">
                    <legend className="px-1 text-sm font-medium wrap-anywhere">{item.title}</legend>
                    <div className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
                      {(['next_cycle', 'follow_up'] as const).map((d) => (
                        <label key={d} className="inline-flex items-center gap-1.5">
                          <input
                            type="radio"
                            name={`undecided-${item.itemId}`}
                            value={d}
                            checked={choices[item.itemId] === d}
                            onChange={() => setChoices((prev) => ({ ...prev, [item.itemId]: d }))}
                          />
                          {DISPOSITION_LABEL[d]}
                        </label>
                      ))}
                    </div>
                  </fieldset>
                ))}
              </div>
            </>
          )}
          <CommandError error={missing ?? error} />
          <div className="flex flex-wrap justify-end gap-2">
            <Button variant="ghost" onClick={close}>
              Keep going
            </Button>
            <Button type="submit" variant="danger" disabled={pending}>
              Yes, end the meeting
            </Button>
          </div>
        </form>
      </dialog>
    </>
  );
}
