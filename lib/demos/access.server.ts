import 'server-only';
import { and, eq } from 'drizzle-orm';
import { demoInvitees, demos, type Demo } from '@/db/schema';
import { first } from '@/db/rows';
import type { ActingUser } from '@/lib/auth/acting-user';
import { can } from '@/lib/auth/permissions';
import { ConflictError, ForbiddenError, NotFoundError } from '@/lib/errors';
import { logEvent, type Executor } from '@/lib/events/log.server';

export const demoPath = (demoId: number) => `/demos/${demoId}`;
export const cycleDemosPath = (cycleId: number) => `/cycles/${cycleId}/demos`;

export async function loadDemo(tx: Executor, demoId: number): Promise<Demo> {
  const demo = first(await tx.select().from(demos).where(eq(demos.id, demoId)));
  if (!demo) throw new NotFoundError('This demo');
  return demo;
}

export async function isInvited(tx: Executor, demoId: number, userId: number): Promise<boolean> {
  const row = first(
    await tx
      .select({ userId: demoInvitees.userId })
      .from(demoInvitees)
      .where(and(eq(demoInvitees.demoId, demoId), eq(demoInvitees.userId, userId))),
  );
  return Boolean(row);
}

/**
 * Who may open a demo: those who organise demos (pm, admin, engineers), its presenter and its
 * invitees. A requestor invited because they asked for an item sees it; nobody else outside does.
 */
export async function canSeeDemo(tx: Executor, actor: ActingUser, demo: Demo): Promise<boolean> {
  if (can(actor, 'demo.manage') || demo.presenterId === actor.id) return true;
  return isInvited(tx, demo.id, actor.id);
}

export async function assertCanSeeDemo(tx: Executor, actor: ActingUser, demo: Demo): Promise<void> {
  if (!(await canSeeDemo(tx, actor, demo))) throw new ForbiddenError();
}

/** The presenter records what was shown; a pm or admin may do it for them. */
export function canRecord(actor: ActingUser, demo: Demo): boolean {
  return demo.presenterId === actor.id || can(actor, 'cycle.manage');
}

export function assertNotCancelled(demo: Demo): void {
  if (demo.cancelledAt) throw new ConflictError('This demo was cancelled: nothing more can be recorded on it.');
}

export function logDemoEvent(
  tx: Executor,
  actorId: number,
  demoId: number,
  type: string,
  data: Record<string, unknown>,
): Promise<number> {
  return logEvent(tx, { actorId, type, subjectType: 'demo', subjectId: demoId, data });
}
