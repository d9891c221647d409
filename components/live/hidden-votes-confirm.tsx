'use client';
import { DECIDE_CONFIRM_LABEL } from '@/lib/live-meeting/warnings';

/** Deciding before anyone has seen the votes: said in words, and ticked on purpose. */
export function HiddenVotesConfirm({
  itemId,
  warning,
  checked,
  onChange,
  errors,
}: {
  itemId: number;
  warning: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  errors?: string[];
}) {
  const id = `hidden-votes-${itemId}`;
  return (
    <div className="space-y-1 rounded-md border border-amber-300 bg-amber-50 p-2 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
      <p id={`${id}-warning`}>{warning} Reveal them first, or confirm.</p>
      <label className="flex items-center gap-2 font-medium">
        <input
          type="checkbox"
          checked={checked}
          onChange={(e) => onChange(e.target.checked)}
          aria-describedby={errors ? `${id}-warning ${id}-error` : `${id}-warning`}
          aria-invalid={errors ? true : undefined}
        />
        {DECIDE_CONFIRM_LABEL}
      </label>
      {errors && (
        <p id={`${id}-error`} role="alert" className="font-medium text-red-800 dark:text-red-300">
          {errors.join(' ')}
        </p>
      )}
    </div>
  );
}
