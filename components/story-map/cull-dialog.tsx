'use client';
import { useEffect, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { controlClass } from '@/components/ui/field';
import type { MapCardView } from '@/lib/story-map/types';
import type { SendResult } from './use-story-map';

/**
 * "Not this cycle": asks why, then takes the card off the grid. A native modal dialog: it traps focus
 * and needs no injected styles (the Content-Security-Policy allows none).
 */
export function CullDialog({
  card,
  onCull,
  onClose,
}: {
  card: MapCardView | null;
  onCull: (card: MapCardView, reason: string) => Promise<SendResult>;
  onClose: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (card && !dialog.current?.open) {
      setError(null);
      dialog.current?.showModal();
    }
    if (!card && dialog.current?.open) dialog.current.close();
  }, [card]);
  return (
    <dialog
      ref={dialog}
      aria-labelledby="cull-heading"
      onClose={onClose}
      className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-lg bg-white p-4 text-zinc-900 shadow-xl backdrop:bg-black/40 dark:bg-zinc-900 dark:text-zinc-100"
    >
      {card && (
        <form
          className="space-y-3"
          onSubmit={async (e) => {
            e.preventDefault();
            const reason = String(new FormData(e.currentTarget).get('reason') ?? '');
            const result = await onCull(card, reason);
            if (result.ok) dialog.current?.close();
            else setError(result.fieldErrors?.reason?.[0] ?? result.error);
          }}
        >
          <h2 id="cull-heading" className="text-lg font-semibold wrap-anywhere">
            Not this cycle: {card.title}
          </h2>
          <div className="space-y-1">
            <label htmlFor="cull-reason" className="block text-sm font-medium">
              Reason
            </label>
            <textarea
              id="cull-reason"
              name="reason"
              required
              maxLength={500}
              rows={3}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? 'cull-reason-error' : 'cull-reason-hint'}
              className={controlClass}
            />
            <p id="cull-reason-hint" className="text-xs text-zinc-500 dark:text-zinc-400">
              Up to 500 characters. The card leaves the map; “Bring back” puts it where it was.
            </p>
            {error && (
              <p id="cull-reason-error" role="alert" className="text-sm text-red-700 dark:text-red-400">
                {error}
              </p>
            )}
          </div>
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => dialog.current?.close()}>
              Cancel
            </Button>
            <Button type="submit" variant="danger">
              Leave it out
            </Button>
          </div>
        </form>
      )}
    </dialog>
  );
}
