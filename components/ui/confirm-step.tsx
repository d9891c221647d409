'use client';
import { useEffect, useRef, useState } from 'react';
import { buttonClass } from './button';
import { SubmitButton } from './submit-button';

/**
 * The submit of a form that cannot be undone: the first click only asks the question, the second
 * submits; focus moves to the safe choice, and Escape or Cancel goes back. Place it inside the form.
 */
export function ConfirmStep({
  open,
  question,
  confirm,
  pendingText,
  disabled = false,
}: {
  /** The button that asks, e.g. "Revoke". */
  open: string;
  question: string;
  /** The button that does it, e.g. "Yes, revoke". */
  confirm: string;
  pendingText?: string;
  disabled?: boolean;
}) {
  const [confirming, setConfirming] = useState(false);
  const openRef = useRef<HTMLButtonElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const toggled = useRef(false);
  useEffect(() => {
    // Only after the person opened or closed the question, never on first render.
    if (toggled.current) (confirming ? cancelRef : openRef).current?.focus();
  }, [confirming]);
  const toggle = (next: boolean) => {
    toggled.current = true;
    setConfirming(next);
  };
  if (!confirming)
    return (
      <button
        ref={openRef}
        type="button"
        disabled={disabled}
        className={buttonClass('secondary')}
        onClick={() => toggle(true)}
      >
        {open}
      </button>
    );
  return (
    <div
      role="group"
      aria-label={question}
      className="flex flex-wrap items-center gap-2 rounded-md border border-red-200 bg-red-50 p-2 dark:border-red-900 dark:bg-red-950/40"
      onKeyDown={(e) => {
        if (e.key === 'Escape') toggle(false);
      }}
    >
      <p className="text-sm font-medium text-red-900 wrap-anywhere dark:text-red-100">{question}</p>
      <SubmitButton variant="danger" pendingText={pendingText}>
        {confirm}
      </SubmitButton>
      <button ref={cancelRef} type="button" className={buttonClass('secondary')} onClick={() => toggle(false)}>
        Cancel
      </button>
    </div>
  );
}
