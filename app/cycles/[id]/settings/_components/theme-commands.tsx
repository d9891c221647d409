'use client';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { plural } from '@/lib/plural';
import { themeCommandAction } from '@/app/cycles/actions';

/** Move up/down and remove (with a confirmation step, since removing un-themes its items). */
export function ThemeCommands({
  cycleId,
  theme,
  first,
  last,
}: {
  cycleId: number;
  theme: { id: number; name: string; itemCount: number };
  first: boolean;
  last: boolean;
}) {
  const [confirming, setConfirming] = useState(false);
  const hidden = (
    <>
      <input type="hidden" name="cycleId" value={cycleId} />
      <input type="hidden" name="themeId" value={theme.id} />
    </>
  );
  return (
    <div className="flex items-center gap-1">
      <form action={themeCommandAction}>
        {hidden}
        <input type="hidden" name="command" value="up" />
        <Button type="submit" variant="ghost" disabled={first} aria-label={`Move ${theme.name} up`}>
          ↑
        </Button>
      </form>
      <form action={themeCommandAction}>
        {hidden}
        <input type="hidden" name="command" value="down" />
        <Button type="submit" variant="ghost" disabled={last} aria-label={`Move ${theme.name} down`}>
          ↓
        </Button>
      </form>
      {confirming ? (
        <form action={themeCommandAction} className="flex items-center gap-1">
          {hidden}
          <input type="hidden" name="command" value="remove" />
          <span className="text-xs">
            Remove? {plural(theme.itemCount, 'item')} {theme.itemCount === 1 ? 'loses' : 'lose'} this theme.
          </span>
          <Button type="submit" variant="danger" aria-label={`Confirm removing ${theme.name}`}>
            Remove
          </Button>
          <Button variant="ghost" onClick={() => setConfirming(false)}>
            Cancel
          </Button>
        </form>
      ) : (
        <Button variant="ghost" onClick={() => setConfirming(true)} aria-label={`Remove ${theme.name}`}>
          Remove…
        </Button>
      )}
    </div>
  );
}
