import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import { transaction } from '@/db/client';
import { scheduleEntries, scheduleFlags, users, type ScheduleFlag } from '@/db/schema';

import { loadItem } from '@/lib/backlog/items.server';
import { loadCycle } from '@/lib/backlog/list.server';
import { ConflictError, ForbiddenError, NotFoundError } from '@/lib/errors';
import { logEvent, type Executor } from '@/lib/events/log.server';
import { composeEmail } from '@/lib/notifications/email.server';
import { notify } from '@/lib/notifications/notify.server';
import { completeTask, tasks } from '@/lib/notifications/tasks.server';
import { activePmIds } from '@/lib/questions/roles.server';
import { parseOrThrow } from '@/lib/validation';
import { assertCanSeeSchedule, canResolveFlag, schedulePath, wasPublished } from './access.server';
import { FlagSchema, ResolveSchema } from './schema';
import type { ActingUser } from '@/lib/auth/acting-user';
import { first } from '@/db/rows';

/**
 * Questions and flagged problems on scheduled items ("this date collides with our audit"). Anyone
 * who can see the schedule raises one on an item that is scheduled or in delivery; the item's owner
 * and the active pms hear of it; it stays open until the owner, a pm or an admin resolves it with a
 * note. Bodies and notes are plain text kept as typed (trimmed): every view escapes them.
 */

const FLAGGABLE = new Set(['scheduled', 'in_delivery']);

/** The item with its cycle and owner, after checking the actor may see the cycle's schedule. */
async function visibleItem(tx: Executor, actor: ActingUser, itemId: number) {
  const item = await loadItem(tx, itemId);
  if (item.cycleId === null) throw new NotFoundError('This item');
  assertCanSeeSchedule(actor, await wasPublished(tx, item.cycleId));
  const ownerId =
    first(
      await tx
        .select({ ownerId: scheduleEntries.ownerId })
        .from(scheduleEntries)
        .where(eq(scheduleEntries.itemId, itemId)),
    )?.ownerId ?? null;
  return { item, cycle: await loadCycle(tx, item.cycleId), ownerId };
}

export async function raiseFlag(
  actor: ActingUser,
  itemId: number,
  input: unknown,
  now = new Date(),
): Promise<ScheduleFlag> {
  return transaction(async (tx) => {
    const { item, cycle, ownerId } = await visibleItem(tx, actor, itemId);
    if (!FLAGGABLE.has(item.status)) {
      throw new ConflictError(
        `Questions and flags are for scheduled items and items in delivery; “${item.title}” is not one.`,
      );
    }
    const fields = parseOrThrow(FlagSchema, input);
    const flag = (
      await tx
        .insert(scheduleFlags)
        .values({ itemId, authorId: actor.id, ...fields, createdAt: now.toISOString() })
        .returning()
    )[0];
    const author =
      first(await tx.select({ name: users.name }).from(users).where(eq(users.id, actor.id)))?.name ?? 'Someone';
    const what = fields.kind === 'flag' ? 'flagged a problem on' : 'asked a question on';
    const heading = `${author} ${what} “${item.title}”`;
    const link = `${schedulePath(cycle.id)}#item-${itemId}`;
    await notify(tx, {
      userIds: [...(ownerId === null ? [] : [ownerId]), ...(await activePmIds(tx))].filter((id) => id !== actor.id),
      kind: 'schedule.flagged',
      title: heading,
      body: fields.body,
      link,
      task: tasks.resolveFlag(flag.id),
      email: () =>
        composeEmail({
          cycleName: cycle.name,
          heading,
          lines: [fields.body, 'It stays open on the schedule until it is resolved with a note.'],
          action: { label: 'Open the schedule', path: link },
        }),
    });
    await logEvent(tx, {
      actorId: actor.id,
      type: 'schedule.flag_raised',
      subjectType: 'item',
      subjectId: itemId,
      data: { flagId: flag.id, kind: fields.kind },
    });
    return flag;
  });
}

export async function resolveFlag(
  actor: ActingUser,
  flagId: number,
  input: unknown,
  now = new Date(),
): Promise<ScheduleFlag> {
  return transaction(async (tx) => {
    const flag = first(await tx.select().from(scheduleFlags).where(eq(scheduleFlags.id, flagId)));
    if (!flag) throw new NotFoundError('This question or flag');
    const { ownerId } = await visibleItem(tx, actor, flag.itemId);
    if (!canResolveFlag(actor, ownerId))
      throw new ForbiddenError('Only the item’s owner, a product manager or an admin can resolve this.');
    if (flag.resolvedAt !== null) throw new ConflictError('This was already resolved; its note is shown with it.');
    const { note } = parseOrThrow(ResolveSchema, input);
    const resolved = (
      await tx
        .update(scheduleFlags)
        .set({ resolvedAt: now.toISOString(), resolvedBy: actor.id, resolutionNote: note })
        .where(and(eq(scheduleFlags.id, flagId), isNull(scheduleFlags.resolvedAt)))
        .returning()
    )[0];
    await completeTask(tx, tasks.resolveFlag(flagId), undefined, now);
    await logEvent(tx, {
      actorId: actor.id,
      type: 'schedule.flag_resolved',
      subjectType: 'item',
      subjectId: flag.itemId,
      data: { flagId, note },
    });
    return resolved!;
  });
}
