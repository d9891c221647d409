import 'server-only';
import { desc, eq } from 'drizzle-orm';
import { schedulePublications, users, type ScheduleSnapshotItem } from '@/db/schema';
import { can } from '@/lib/auth/permissions';
import { ForbiddenError } from '@/lib/errors';
import type { Executor } from '@/lib/events/log.server';
import type { ActingUser } from '@/lib/auth/acting-user';
import { first } from '@/db/rows';

/**
 * Who may see a cycle's delivery schedule (the page, its questions and flags):
 * - the backlog roles (`backlog.view`: admin, pm, leader, engineer), always — they plan it;
 * - every other signed-in user (requestors) once the pm has published it at least once: it is then
 *   the company's announced plan, and its notifications send requestors and sponsors to it.
 * They see the schedule as it stands (including changes not yet announced), like the backlog roles.
 * Anyone else gets `ScheduleNotPublishedError`, a 403 that says why.
 */

export const SCHEDULE_NOT_PUBLISHED =
  'The delivery schedule of this cycle has not been published yet. You can read it here once a product manager publishes it.';

export class ScheduleNotPublishedError extends ForbiddenError {
  constructor() {
    super(SCHEDULE_NOT_PUBLISHED);
    this.name = 'ScheduleNotPublishedError';
  }
}

export const schedulePath = (cycleId: number) => `/cycles/${cycleId}/schedule`;

/** When and by whom the cycle's schedule was last published, or null when it never was. */
export async function lastPublication(
  tx: Executor,
  cycleId: number,
): Promise<{ id: number; at: string; by: string } | null> {
  return (
    first(
      await tx
        .select({ id: schedulePublications.id, at: schedulePublications.publishedAt, by: users.name })
        .from(schedulePublications)
        .innerJoin(users, eq(users.id, schedulePublications.publishedBy))
        .where(eq(schedulePublications.cycleId, cycleId))
        .orderBy(desc(schedulePublications.id))
        .limit(1),
    ) ?? null
  );
}

/** What the cycle's last publication showed (null: never published), to compare the schedule with. */
export async function lastSnapshot(
  tx: Executor,
  publicationId: number | undefined,
): Promise<ScheduleSnapshotItem[] | null> {
  if (publicationId === undefined) return null;
  return (
    first(
      await tx
        .select({ snapshot: schedulePublications.snapshot })
        .from(schedulePublications)
        .where(eq(schedulePublications.id, publicationId)),
    )?.snapshot ?? null
  );
}

export function canSeeSchedule(actor: ActingUser, published: boolean): boolean {
  return published || can(actor, 'backlog.view');
}

export function assertCanSeeSchedule(actor: ActingUser, published: boolean): void {
  if (!canSeeSchedule(actor, published)) throw new ScheduleNotPublishedError();
}

/** Was the cycle's schedule ever published (the cheap check, without the snapshot)? */
export async function wasPublished(tx: Executor, cycleId: number): Promise<boolean> {
  return (
    first(
      await tx
        .select({ id: schedulePublications.id })
        .from(schedulePublications)
        .where(eq(schedulePublications.cycleId, cycleId))
        .limit(1),
    ) !== undefined
  );
}

/**
 * A flag is resolved by the item's owner, or by those who publish the schedule (pm, admin): they
 * answer for the whole plan.
 */
export function canResolveFlag(actor: ActingUser, ownerId: number | null): boolean {
  return actor.id === ownerId || can(actor, 'schedule.publish');
}
