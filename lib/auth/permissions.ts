import type { Role } from '@/db/schema';
import type { ItemStatus } from '@/db/schema';
import { ForbiddenError } from '@/lib/errors';
import type { ActingUser } from './acting-user';

/** What a signed-in user may do. The one table every page, action and API route consults. */
export const ACTIONS = [
  'backlog.view', // see a cycle's backlog table and its items
  'cycle.manage', // create and edit cycles, themes and the size table
  'item.create', // add an item straight into a cycle's backlog
  'item.edit', // edit every field of an item
  'item.estimate', // set estimate and modules
  'item.setStatus', // move an item along its lifecycle
  'request.create', // submit a request
  'request.triage', // see all new requests, complete and curate them
  'history.view', // read an item's event log
  'user.manage', // invite people, change their role and department, deactivate them; manage departments and modules
  'sso.manage', // connect identity providers, map their groups, issue SCIM tokens, enforce SSO
  'meeting.manage', // schedule meetings, pick attendees, set the agenda, distribute the pre-read
  'outbox.view', // see the e-mail outbox and its errors
  'schedule.edit', // set an accepted item's period, owner and kickoff; move it through delivery
  'schedule.publish', // publish a cycle's delivery schedule
  'change.raise', // raise an urgent change request against a schedule
  'change.decide', // convene an emergency session, approve or decline a change request
  'audit.view', // check the event log's hash chain and download it for an offline audit
  'webhook.manage', // register webhooks, rotate their secrets, read and re-send their deliveries
  'demo.manage', // schedule, change and cancel sprint demos
  'map.edit', // shape a cycle's story map: backbone, slices, moving and culling cards
] as const;
export type Action = (typeof ACTIONS)[number];

const ALL: readonly Role[] = ['admin', 'pm', 'leader', 'engineer', 'requestor'];

const POLICY: Record<Action, readonly Role[]> = {
  'backlog.view': ['admin', 'pm', 'leader', 'engineer'],
  'cycle.manage': ['admin', 'pm'],
  'item.create': ['admin', 'pm', 'engineer'],
  'item.edit': ['admin', 'pm'],
  'item.estimate': ['admin', 'pm', 'engineer'],
  'item.setStatus': ['admin', 'pm'],
  'request.create': ALL,
  'request.triage': ['admin', 'pm'],
  'history.view': ['admin', 'pm', 'leader', 'engineer'],
  'user.manage': ['admin'],
  'sso.manage': ['admin'],
  'meeting.manage': ['admin', 'pm'],
  'outbox.view': ['admin'],
  'schedule.edit': ['admin', 'pm', 'engineer'],
  'schedule.publish': ['admin', 'pm'],
  'change.raise': ['admin', 'pm', 'leader'],
  'change.decide': ['admin', 'pm'],
  'audit.view': ['admin'],
  'webhook.manage': ['admin'],
  'demo.manage': ['admin', 'pm', 'engineer'],
  'map.edit': ['admin', 'pm', 'engineer'],
};

export function can(actor: Pick<ActingUser, 'role'>, action: Action): boolean {
  return POLICY[action].includes(actor.role);
}

export function assertCan(actor: ActingUser, action: Action): void {
  if (!can(actor, action)) throw new ForbiddenError();
}

type ItemRef = { requestorId: number; cycleId: number | null; status: ItemStatus };

/**
 * Reading one item. Backlog roles see items in a cycle; triage roles also see untriaged
 * requests; everyone sees their own requests. A requestor never sees anyone else's, except an item
 * their request was merged into: getItemForViewer also admits its co-requestors and co-sponsors.
 */
export function canViewItem(actor: ActingUser, item: ItemRef): boolean {
  if (item.requestorId === actor.id) return true;
  if (can(actor, 'request.triage')) return true;
  return item.cycleId !== null && can(actor, 'backlog.view') && item.status !== 'draft';
}

const WITHDRAWABLE: readonly ItemStatus[] = ['draft', 'submitted', 'curated', 'needs_info'];

/** A request may be withdrawn by its requestor (or a pm) until it is decided. */
export function canWithdraw(actor: ActingUser, item: ItemRef): boolean {
  if (!WITHDRAWABLE.includes(item.status)) return false;
  return item.requestorId === actor.id || can(actor, 'request.triage');
}
