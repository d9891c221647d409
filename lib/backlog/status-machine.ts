import type { ItemStatus } from '@/db/schema';
import { STATUS_LABEL } from './labels';

/** The item lifecycle. Anything not listed here is refused. */
export const TRANSITIONS: Record<ItemStatus, readonly ItemStatus[]> = {
  draft: ['submitted', 'withdrawn'],
  submitted: ['curated', 'rejected', 'withdrawn', 'needs_info', 'merged'],
  curated: ['accepted', 'rejected', 'deferred', 'submitted', 'withdrawn', 'merged'],
  accepted: ['scheduled', 'deferred', 'curated'],
  rejected: [],
  deferred: ['curated'],
  scheduled: ['in_delivery', 'deferred'],
  in_delivery: ['delivered', 'scheduled'],
  delivered: [],
  withdrawn: [],
  needs_info: ['submitted', 'withdrawn'],
  merged: [],
};

/** Why "delivered" is refused as a plain status change: it comes with its delivery record (lib/delivery). */
export const DELIVERY_NEEDS_RECORD =
  'An item becomes delivered with its delivery record: use “Mark delivered…” to give the date and release notes.';

export function canTransition(from: ItemStatus, to: ItemStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Null when allowed, otherwise a message a user can act on. */
export function transitionError(from: ItemStatus, to: ItemStatus): string | null {
  if (from === to) return null;
  if (canTransition(from, to)) return null;
  const allowed = TRANSITIONS[from].map((s) => STATUS_LABEL[s]);
  return allowed.length === 0
    ? `A ${STATUS_LABEL[from].toLowerCase()} item cannot change status.`
    : `A ${STATUS_LABEL[from].toLowerCase()} item cannot become ${STATUS_LABEL[to].toLowerCase()}; it can become ${allowed.join(', ').toLowerCase()}.`;
}
