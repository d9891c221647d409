/**
 * The events a webhook can subscribe to: a small, stable vocabulary for the outside world, kept
 * apart from the internal event types of the audit log (which may be renamed or split at will).
 * Browser-safe: the admin form lists them as checkboxes.
 */
export const PUBLIC_EVENTS = [
  'item.created',
  'request.submitted',
  'item.decided',
  'item.status_changed',
  'outcome.published',
  'schedule.published',
  'change_request.decided',
  'cycle.created',
  'ping',
] as const;
export type PublicEvent = (typeof PUBLIC_EVENTS)[number];

/** What an admin can tick: `ping` is only ever sent by the "Send a test event" button. */
export const SUBSCRIBABLE_EVENTS = PUBLIC_EVENTS.filter((e) => e !== 'ping');

export const PUBLIC_EVENT_LABEL: Record<PublicEvent, string> = {
  'item.created': 'An item is created (also from a request or an import)',
  'request.submitted': 'A request is submitted',
  'item.decided': 'An item is accepted, rejected or deferred',
  'item.status_changed': 'An item changes status',
  'outcome.published': 'A meeting outcome is published',
  'schedule.published': 'A delivery schedule is published',
  'change_request.decided': 'A change request is approved or declined',
  'cycle.created': 'A cycle is created',
  ping: 'Test event',
};

export const DECIDED_STATUSES = ['accepted', 'rejected', 'deferred'] as const;

type StatusChange = { from?: unknown; to?: unknown };

/** The status change an item event records, if any. */
export function statusChangeOf(data: Record<string, unknown>): StatusChange | undefined {
  const changes = data.changes as Record<string, StatusChange> | undefined;
  return changes && typeof changes === 'object' ? changes.status : undefined;
}

/**
 * The public events an internal event stands for, best match first. A webhook gets at most one
 * delivery per internal event (one outbox row per webhook and event): the first of these it
 * subscribes to. `decidedOutsideMeeting` tells a status change to accepted/rejected/deferred made
 * outside a live meeting from one made by recording a decision, which logs live.decision_recorded
 * as well (that one carries the decision, so the status change must not announce it twice).
 */
export function publicEventsFor(type: string, data: Record<string, unknown>): PublicEvent[] {
  switch (type) {
    case 'item.created':
      return ['item.created'];
    case 'request.submitted':
      return ['request.submitted', 'item.created'];
    case 'item.status_changed': {
      const to = statusChangeOf(data)?.to;
      if (to === undefined) return [];
      return (DECIDED_STATUSES as readonly unknown[]).includes(to)
        ? ['item.decided', 'item.status_changed']
        : ['item.status_changed'];
    }
    case 'live.decision_recorded':
      return ['item.decided'];
    case 'outcome.published':
      return ['outcome.published'];
    case 'schedule.published':
      return ['schedule.published'];
    case 'cr.approved':
    case 'cr.declined':
      return ['change_request.decided'];
    case 'cycle.created':
      return ['cycle.created'];
    default:
      return [];
  }
}
