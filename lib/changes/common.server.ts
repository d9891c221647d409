import 'server-only';
import { and, eq } from 'drizzle-orm';
import { transaction, type Db } from '@/db/client';
import { changeRequests, type ChangeRequest } from '@/db/schema';
import { can } from '@/lib/auth/permissions';
import { ConflictError, ForbiddenError, NotFoundError } from '@/lib/errors';
import { logEvent, type Executor } from '@/lib/events/log.server';
import { changeRequestChannel, publisher } from '@/lib/realtime/publisher.server';
import type { ActingUser } from '@/lib/auth/acting-user';
import { first } from '@/db/rows';

/**
 * Shared by the change request modules: where a request lives in the app, who may see it, and
 * the transaction wrapper that logs `cr.*` events and publishes them once the transaction commits
 * (a live session page follows `change_request:<id>`; publishing before commit could announce an
 * event that a rollback then removes).
 */

type Tx = Db;

export const changePath = (changeRequestId: number) => `/changes/${changeRequestId}`;

/** Change requests are for the people who see the backlog; requestors neither see nor raise them. */
export function assertMayViewChanges(actor: ActingUser): void {
  if (!can(actor, 'backlog.view'))
    throw new ForbiddenError('Only leaders, product managers, engineers and admins can see change requests.');
}

export async function loadChangeRequest(tx: Executor, id: number): Promise<ChangeRequest> {
  const cr = first(await tx.select().from(changeRequests).where(eq(changeRequests.id, id)));
  if (!cr) throw new NotFoundError('This change request');
  return cr;
}

/** Logs one `cr.*` event on a change request; it is published after the transaction commits. */
export type Emit = (
  actor: ActingUser,
  changeRequestId: number,
  type: `cr.${string}`,
  data: Record<string, unknown>,
) => Promise<number>;

/**
 * Runs `fn` in one transaction; afterwards publishes, per change request touched, the id of the last
 * event written on it (subscribers read everything after the id they last saw).
 */
export async function changeTransaction<T>(fn: (tx: Tx, emit: Emit) => Promise<T>): Promise<T> {
  const last = new Map<number, number>();
  const value = await transaction(async (tx) => {
    last.clear(); // a retried transaction starts again
    const emit: Emit = async (actor, changeRequestId, type, data) => {
      const id = await logEvent(tx, {
        actorId: actor.id,
        type,
        subjectType: 'change_request',
        subjectId: changeRequestId,
        data,
      });
      last.set(changeRequestId, id);
      return id;
    };
    return fn(tx, emit);
  });
  for (const [changeRequestId, eventId] of last) publisher.publish(changeRequestChannel(changeRequestId), eventId);
  return value;
}

export const CHANGED_MEANWHILE = 'This change request changed meanwhile; reload to see its current state.';

/** Writes a change request only if nobody changed it since it was read (version + 1). */
export async function updateChangeRequest(
  tx: Executor,
  cr: ChangeRequest,
  patch: Partial<ChangeRequest>,
): Promise<ChangeRequest> {
  const after = (
    await tx
      .update(changeRequests)
      .set({ ...patch, version: cr.version + 1 })
      .where(and(eq(changeRequests.id, cr.id), eq(changeRequests.version, cr.version)))
      .returning()
  )[0];
  if (!after) throw new ConflictError(CHANGED_MEANWHILE);
  return after;
}
