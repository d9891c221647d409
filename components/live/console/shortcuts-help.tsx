'use client';
import { forwardRef } from 'react';
import { Button } from '@/components/ui/button';
import { SHORTCUTS } from './shortcuts';

/**
 * The list of shortcuts, in a native modal dialog (showModal): it traps focus, Esc closes it, and
 * it needs no injected styles, so the strict style policy holds. Whoever opens it puts focus back.
 */
export const ShortcutsHelp = forwardRef<HTMLDialogElement, { onClose: () => void }>(function ShortcutsHelp(
  { onClose },
  ref,
) {
  return (
    <dialog
      ref={ref}
      aria-labelledby="shortcuts-title"
      onClose={onClose}
      className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-lg border border-zinc-200 bg-white p-4 text-zinc-900 shadow-xl backdrop:bg-black/40 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
    >
      <h2 id="shortcuts-title" className="mb-3 text-lg font-semibold">
        Keyboard shortcuts
      </h2>
      <p className="mb-2 text-sm text-zinc-600 dark:text-zinc-400">
        They work anywhere on the page except while you type in a field. Accept, Reject and Defer choose the outcome and
        move to the Record decision button: press Enter to record it.
      </p>
      <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-1 text-sm">
        {SHORTCUTS.map((s) => (
          <div key={s.action} className="contents">
            <dt>
              {s.keys.map((k, i) => (
                <span key={k}>
                  {i > 0 && ' or '}
                  <kbd className="rounded border border-zinc-300 px-1.5 font-mono dark:border-zinc-600">{k}</kbd>
                </span>
              ))}
            </dt>
            <dd>{s.label}</dd>
          </div>
        ))}
      </dl>
      <form method="dialog" className="mt-4 text-right">
        <Button type="submit" variant="secondary">
          Close
        </Button>
      </form>
    </dialog>
  );
});
