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

/**
 * Why a plain status change (the item page's form, the backlog table, the status API) may not start,
 * stop or finish delivery: those moves are made on the delivery schedule, which keeps the delivery
 * records and tells the requestors at each stage (lib/schedule, lib/delivery).
 */
export const DELIVERY_MOVES_ON_SCHEDULE =
  'Delivery is started, stopped and marked delivered on the delivery schedule (“Start delivery”, “Mark delivered…”), which tells the requestors.';

/** Whether `from` → `to` starts, stops or finishes delivery. */
export const isDeliveryMove = (from: ItemStatus, to: ItemStatus): boolean =>
  from !== to && (to === 'in_delivery' || to === 'delivered' || from === 'in_delivery');

/** The moves that have their own step, which does more than change the status. */
const OWN_STEP: Partial<Record<ItemStatus, string>> = {
  merged: 'An item is merged from its page (“Merge a duplicate…”), which links it to the item it joins.',
  needs_info:
    'Asking for more information is done in triage (“Ask for more information”), which sends the question to the requestor.',
};

/**
 * Null when a plain status change (the item page's form, the backlog table, the status API) may make
 * this move, otherwise a message a user can act on: the lifecycle's rule, or the step to use instead.
 */
export function plainStatusError(from: ItemStatus, to: ItemStatus): string | null {
  if (from === to) return null;
  return transitionError(from, to) ?? (isDeliveryMove(from, to) ? DELIVERY_MOVES_ON_SCHEDULE : (OWN_STEP[to] ?? null));
}

/** The statuses a plain status change offers. */
export const plainStatusTargets = (from: ItemStatus): ItemStatus[] =>
  TRANSITIONS[from].filter((to) => plainStatusError(from, to) === null);

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
