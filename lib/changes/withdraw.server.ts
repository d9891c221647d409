import 'server-only';
import { and, eq } from 'drizzle-orm';
import { emergencySessions, events, items, type ChangeRequest } from '@/db/schema';
import { can } from '@/lib/auth/permissions';
import { ConflictError, ForbiddenError } from '@/lib/errors';
import { type Executor } from '@/lib/events/log.server';
import { completeTask, tasks } from '@/lib/notifications/tasks.server';
import { parseOrThrow } from '@/lib/validation';
import { logItemChange, writeItem } from './apply.server';
import { assertMayViewChanges, changeTransaction, loadChangeRequest, updateChangeRequest } from './common.server';
import { WithdrawSchema } from './schema';
import { sessionOf } from './sessions.server';
import type { ActingUser } from '@/lib/auth/acting-user';
import { first } from '@/db/rows';

/**
 * When a request ends without being approved, the item it created (still curated, untouched since)
 * is deferred with the reason, so it leaves the cycle's count and can come in again later.
 * A deferred item that was to come in stays where it was: the request never moved it.
 */
export async function releaseIncoming(
  tx: Executor,
  actor: ActingUser,
  cr: ChangeRequest,
  reason: string,
): Promise<void> {
  const item = first(await tx.select().from(items).where(eq(items.id, cr.incomingItemId)));
  if (!item || item.status !== 'curated') return;
  const createdByThis = (
    await tx
      .select({ data: events.data })
      .from(events)
      .where(and(eq(events.subjectType, 'item'), eq(events.subjectId, item.id), eq(events.type, 'item.created')))
  ).some((e) => e.data.changeRequestId === cr.id);
  if (!createdByThis) return;
  const changes = await writeItem(tx, item, { status: 'deferred', decisionReason: reason });
  await logItemChange(tx, actor, cr, item.id, 'item.status_changed', { changes });
}

/**
 * Closes an undecided request's session, if it has an open one, as it is decided or withdrawn; the
 * leaders are no longer asked to respond.
 */
export async function closeOpenSession(tx: Executor, cr: ChangeRequest, now: Date): Promise<void> {
  await completeTask(tx, tasks.respondToChange(cr.id), undefined, now);
  const session = await sessionOf(tx, cr.id);
  if (session?.status === 'open')
    await tx
      .update(emergencySessions)
      .set({ status: 'closed', closedAt: now.toISOString() })
      .where(eq(emergencySessions.id, session.id));
}

/** The raiser (or a pm/admin) takes back a request that no session is deciding. */
export async function withdrawChangeRequest(
  actor: ActingUser,
  changeRequestId: number,
  input: unknown = {},
  now = new Date(),
): Promise<ChangeRequest> {
  assertMayViewChanges(actor);
  const { reason } = parseOrThrow(WithdrawSchema, input ?? {});
  return changeTransaction(async (tx, emit) => {
    const cr = await loadChangeRequest(tx, changeRequestId);
    if (cr.raisedBy !== actor.id && !can(actor, 'change.decide'))
      throw new ForbiddenError('Only the person who raised it, a pm or an admin can withdraw a change request.');
    if (cr.status !== 'open' && cr.status !== 'needs_review') {
      throw new ConflictError(
        cr.status === 'in_session'
          ? 'A session is deciding this change request: ask the pm to decline it instead.'
          : `This change request is already ${cr.status}.`,
      );
    }
    const after = await updateChangeRequest(tx, cr, {
      status: 'withdrawn',
      decidedAt: now.toISOString(),
      decidedBy: actor.id,
      decisionNote: reason || null,
    });
    await closeOpenSession(tx, cr, now);
    await releaseIncoming(tx, actor, cr, `Change request "${cr.title}" was withdrawn.${reason ? ` ${reason}` : ''}`);
    await emit(actor, cr.id, 'cr.withdrawn', { reason });
    return after;
  });
}
