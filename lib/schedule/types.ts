import type { ItemStatus } from '@/db/schema/backlog';
import type { FLAG_KINDS } from '@/db/schema/schedule';
import type { MovedRow } from './moved';

/** What the schedule page and its callers read (lib/schedule/schedule.server.ts `getSchedule`). Types only (client-safe). */

/** The statuses an item has while it is on a cycle's schedule, from accepted to delivered. */
export const SCHEDULE_STATUSES = [
  'accepted',
  'scheduled',
  'in_delivery',
  'delivered',
] as const satisfies readonly ItemStatus[];
export type ScheduleStatus = (typeof SCHEDULE_STATUSES)[number];

/** Where delivery can move an item from the schedule (the status machine decides from where). */
export const DELIVERY_MOVES = ['scheduled', 'in_delivery', 'delivered'] as const satisfies readonly ScheduleStatus[];
export type DeliveryMove = (typeof DELIVERY_MOVES)[number];

export type FlagKind = (typeof FLAG_KINDS)[number];

/** Limits the forms share with the server's validation (lib/schedule/schema.ts). */
export const PERIOD_NAME_MAX = 60;
export const FLAG_BODY_MAX = 2_000;

export type SchedulePeriodView = {
  id: number;
  name: string;
  startsOn: string;
  endsOn: string;
  capacityWeeks: number;
  position: number;
  /** Person-weeks of the items in the period (unestimated items count 0). */
  load: number;
  items: number;
  over: boolean;
};

export type ScheduleItem = {
  id: number;
  title: string;
  rank: string | null;
  status: ScheduleStatus;
  themeId: number | null;
  theme: string | null;
  /** Person-weeks from the estimate and the cycle's size table; null when not estimated. */
  weeks: number | null;
  requestorId: number;
  requestor: string;
  sponsorId: number | null;
  sponsor: string | null;
  periodId: number | null;
  ownerId: number | null;
  owner: string | null;
  kickoffOn: string | null;
  /** The schedule entry's version, 0 while the item has no entry; sent back by `setEntry`. */
  entryVersion: number;
  openFlags: number;
  /** Person-weeks actually spent, recorded with the final delivery; null until then. */
  actualWeeks: number | null;
};

export type ScheduleFlagView = {
  id: number;
  itemId: number;
  kind: FlagKind;
  body: string;
  author: string;
  createdAt: string;
  resolvedAt: string | null;
  resolvedBy: string | null;
  resolutionNote: string | null;
  /** Whether the viewer may resolve it (the item's owner, a pm or an admin) while it is open. */
  canResolve: boolean;
};

export type ScheduleView = {
  cycle: { id: number; name: string; capacityWeeks: number; startsOn: string; endsOn: string };
  periods: SchedulePeriodView[];
  unassigned: { load: number; items: number };
  /** In rank order. */
  items: ScheduleItem[];
  /** Who may own an item: active engineers and product managers. */
  owners: { id: number; name: string }[];
  /** Questions and flags on the listed items, oldest first. */
  flags: ScheduleFlagView[];
  lastPublication: { at: string; by: string } | null;
  /** What publishing now would announce; empty when there is nothing new, and for those who may not publish. */
  unpublishedChanges: string[];
  /** Rows approved change requests moved since the last publication (all of them before the first). */
  moved: MovedRow[];
  /** `canSeeChanges`: may open change requests (the marks of moved rows link to them). */
  viewer: { id: number; canEdit: boolean; canPublish: boolean; canSeeChanges: boolean };
};
