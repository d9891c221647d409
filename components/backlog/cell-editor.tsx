'use client';

import { useLayoutEffect, useRef, useState, type ReactNode, type RefObject } from 'react';

/**
 * A backlog cell reads as text and turns into its editor when it gets focus (by Tab or a click).
 * Nothing is saved while the value is only being chosen: arrowing through a select's options
 * changes a draft. Enter saves and keeps focus on the control; leaving the cell saves too;
 * Escape puts the saved value back.
 */
export function useCellEditor<E extends HTMLElement>() {
  const [editing, setEditing] = useState(false);
  const editorRef = useRef<E>(null);
  // The text button is gone once the editor renders: hand focus to the editor in the same frame.
  useLayoutEffect(() => {
    if (editing) editorRef.current?.focus();
  }, [editing]);
  return { editing, setEditing, editorRef };
}

export const editorBase =
  'h-7 min-w-0 rounded border border-zinc-300 px-1 text-sm focus-visible:outline-2 focus-visible:outline-indigo-600 aria-busy:cursor-wait aria-busy:opacity-70 dark:border-zinc-700';
export const editorClass = `${editorBase} bg-white text-zinc-900 dark:bg-zinc-900 dark:text-zinc-100`;
/**
 * The estimate's editor may be wider than its narrow column ("XL · 12 pw" must not be cut off): it
 * grows to its longest choice over the next cell, a plain-text one (the sponsor).
 */
export const editorWidth = 'relative z-10 w-max min-w-full';

/** The cell at rest: its value as text, as a button so it can be reached by Tab and opened. */
export function CellText({
  label,
  valueText,
  onOpen,
  children,
}: {
  /** What the cell edits, e.g. "Theme for item 12". */
  label: string;
  /** The value in words, for the accessible name. */
  valueText: string;
  onOpen: () => void;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      aria-label={`${label}: ${valueText}`}
      title="Edit"
      onFocus={onOpen}
      onClick={onOpen}
      className="-mx-1 block w-[calc(100%+0.5rem)] cursor-text rounded px-1 py-0.5 text-left wrap-anywhere whitespace-normal hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-indigo-600 dark:hover:bg-zinc-800"
    >
      {children}
    </button>
  );
}

export type SelectOption = { value: string; label: string };

/**
 * A select that saves on Enter or when focus leaves it, never on a change alone. It is never
 * disabled while saving: disabling the focused control would drop focus to the page.
 */
export function DraftSelect({
  label,
  saved,
  inFlight,
  options,
  onCommit,
  onLeave,
  selectRef,
  className,
}: {
  label: string;
  /** The value as stored. */
  saved: string;
  /** The value being saved, if a save is under way. */
  inFlight: string | undefined;
  options: SelectOption[];
  onCommit: (value: string) => void;
  onLeave: () => void;
  selectRef: RefObject<HTMLSelectElement | null>;
  className: (shown: string) => string;
}) {
  const [draft, setDraft] = useState<string | null>(null);
  const shown = draft ?? inFlight ?? saved;
  const commit = () => {
    if (draft === null) return;
    if (draft !== saved) onCommit(draft);
    setDraft(null);
  };
  return (
    <select
      ref={selectRef}
      aria-label={label}
      aria-busy={inFlight !== undefined}
      className={className(shown)}
      value={shown}
      onChange={(e) => setDraft(e.target.value)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          // Also keeps the browser from opening the list, so Enter only saves.
          e.preventDefault();
          commit();
        } else if (e.key === 'Escape' && draft !== null) {
          e.preventDefault();
          setDraft(null);
        }
      }}
      onBlur={() => {
        commit();
        onLeave();
      }}
    >
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}
