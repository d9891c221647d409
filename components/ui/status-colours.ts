import type { ItemStatus } from '@/lib/backlog/constants';
import type { ChangeRequestListRow } from '@/lib/changes/list.server';

/**
 * The one colour language of Quorum's states, always worn together with the state's word (never
 * colour alone). States a person tells apart side by side have hues of their own: accepted is green,
 * an approved change request cyan, delivered violet; a live meeting is the one filled pill.
 *
 * Light mode: a -100 tint with -800/-900 text; dark mode: a -950 tint with -200 text. Both stay well
 * above WCAG AA's 4.5:1 (e2e/status-colours.spec.ts measures them in the browser).
 */

export const ITEM_STATUS_COLOUR: Record<ItemStatus, string> = {
  draft: 'bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300',
  submitted: 'bg-sky-100 text-sky-800 dark:bg-sky-950 dark:text-sky-200',
  curated: 'bg-indigo-100 text-indigo-800 dark:bg-indigo-950 dark:text-indigo-200',
  accepted: 'bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200',
  rejected: 'bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-200',
  deferred: 'bg-amber-100 text-amber-800 dark:bg-amber-950 dark:text-amber-200',
  scheduled: 'bg-teal-100 text-teal-800 dark:bg-teal-950 dark:text-teal-200',
  in_delivery: 'bg-blue-100 text-blue-800 dark:bg-blue-950 dark:text-blue-200',
  delivered: 'bg-violet-100 text-violet-800 dark:bg-violet-950 dark:text-violet-200',
  withdrawn: 'bg-stone-200 text-stone-700 dark:bg-stone-700 dark:text-stone-200',
  needs_info: 'bg-orange-100 text-orange-900 dark:bg-orange-950 dark:text-orange-200',
  merged: 'bg-stone-200 text-stone-700 dark:bg-stone-700 dark:text-stone-200',
};

export const CHANGE_STATUS_COLOUR: Record<ChangeRequestListRow['status'], string> = {
  open: ITEM_STATUS_COLOUR.submitted,
  in_session: ITEM_STATUS_COLOUR.curated,
  needs_review: ITEM_STATUS_COLOUR.deferred,
  approved: 'bg-cyan-100 text-cyan-900 dark:bg-cyan-950 dark:text-cyan-200',
  declined: ITEM_STATUS_COLOUR.rejected,
  withdrawn: ITEM_STATUS_COLOUR.withdrawn,
};

/** A live meeting is the one state drawn filled: it is happening now. */
export const MEETING_STATUS_COLOUR = {
  scheduled: ITEM_STATUS_COLOUR.submitted,
  live: 'bg-rose-700 text-white',
  paused: ITEM_STATUS_COLOUR.deferred,
  closed: 'bg-zinc-200 text-zinc-700 dark:bg-zinc-700 dark:text-zinc-200',
} as const;

/** A decision of the meeting wears its item status's colour: a rejection is never green. */
export const DECISION_COLOUR = {
  accepted: ITEM_STATUS_COLOUR.accepted,
  rejected: ITEM_STATUS_COLOUR.rejected,
  deferred: ITEM_STATUS_COLOUR.deferred,
} as const;

/**
 * The vote buttons, one hue per choice (the decision's): outlined until chosen, filled once it is
 * your vote (with aria-pressed, and "You voted …" in words beside them).
 */
export const VOTE_BUTTON_COLOUR = {
  accept: {
    idle: 'border border-emerald-700 bg-white text-emerald-800 hover:bg-emerald-50 dark:border-emerald-500 dark:bg-zinc-900 dark:text-emerald-200 dark:hover:bg-emerald-950',
    pressed: 'border border-emerald-700 bg-emerald-700 text-white hover:bg-emerald-800',
  },
  reject: {
    idle: 'border border-red-700 bg-white text-red-800 hover:bg-red-50 dark:border-red-500 dark:bg-zinc-900 dark:text-red-200 dark:hover:bg-red-950',
    pressed: 'border border-red-700 bg-red-700 text-white hover:bg-red-800',
  },
  defer: {
    idle: 'border border-amber-700 bg-white text-amber-900 hover:bg-amber-50 dark:border-amber-500 dark:bg-zinc-900 dark:text-amber-200 dark:hover:bg-amber-950',
    pressed: 'border border-amber-800 bg-amber-800 text-white hover:bg-amber-900',
  },
} as const;
