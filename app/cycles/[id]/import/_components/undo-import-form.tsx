'use client';
import { useActionState } from 'react';
import { ConfirmStep } from '@/components/ui/confirm-step';
import { FormMessage } from '@/components/ui/form-message';
import { plural } from '@/lib/plural';
import { undoImportAction } from '../actions';

/** Undo of one import, asked twice: it deletes the items it created. */
export function UndoImportForm({
  cycleId,
  importId,
  label,
  itemCount,
  undone,
}: {
  cycleId: number;
  importId: number;
  label: string;
  itemCount: number;
  /** When it was undone, as the page shows it; null while it can be. */
  undone: React.ReactNode | null;
}) {
  const [state, action] = useActionState(undoImportAction, undefined);
  // One component either way, so the confirmation survives the page showing the import as undone.
  if (undone)
    return (
      <div className="space-y-1">
        <FormMessage state={state} />
        <span>Undone {undone}</span>
      </div>
    );
  return (
    <form action={action} aria-label={`Undo the import of ${label}`} className="space-y-1">
      <input type="hidden" name="cycleId" value={cycleId} />
      <input type="hidden" name="importId" value={importId} />
      <ConfirmStep
        open="Undo"
        question={`Undo the import of ${label}? Its ${plural(itemCount, 'item')} will be deleted.`}
        confirm="Yes, undo the import"
        pendingText="Undoing…"
      />
      <FormMessage state={state} />
    </form>
  );
}
