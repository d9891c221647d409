import 'server-only';
import { desc, eq, type SQL } from 'drizzle-orm';
import { db } from '@/db/client';
import { changeRequests, cycles, emergencySessions, users, type ChangeRequest } from '@/db/schema';
import { assertMayViewChanges } from './common.server';
import type { ActingUser } from '@/lib/auth/acting-user';

export type ChangeRequestListRow = {
  id: number;
  cycleId: number;
  cycleName: string;
  title: string;
  urgency: ChangeRequest['urgency'];
  status: ChangeRequest['status'];
  raisedById: number;
  raisedByName: string;
  createdAt: string;
  decidedAt: string | null;
  ruleMet: boolean | null;
  decisionNote: string | null;
  incomingItemId: number;
  displacedCount: number;
  session: { id: number; mode: 'live' | 'async'; status: 'open' | 'closed'; deadline: string | null } | null;
};

/** Change requests, newest first: of one cycle, or of every cycle when `cycleId` is omitted. */
export async function listChangeRequests(actor: ActingUser, cycleId?: number): Promise<ChangeRequestListRow[]> {
  assertMayViewChanges(actor);
  const where: SQL | undefined = cycleId === undefined ? undefined : eq(changeRequests.cycleId, cycleId);
  return (
    await db
      .select({
        cr: changeRequests,
        cycleName: cycles.name,
        raisedByName: users.name,
        sessionId: emergencySessions.id,
        mode: emergencySessions.mode,
        sessionStatus: emergencySessions.status,
        deadline: emergencySessions.deadline,
      })
      .from(changeRequests)
      .innerJoin(cycles, eq(cycles.id, changeRequests.cycleId))
      .innerJoin(users, eq(users.id, changeRequests.raisedBy))
      .leftJoin(emergencySessions, eq(emergencySessions.changeRequestId, changeRequests.id))
      .where(where)
      .orderBy(desc(changeRequests.createdAt), desc(changeRequests.id))
  ).map(({ cr, cycleName, raisedByName, sessionId, mode, sessionStatus, deadline }) => ({
    id: cr.id,
    cycleId: cr.cycleId,
    cycleName,
    title: cr.title,
    urgency: cr.urgency,
    status: cr.status,
    raisedById: cr.raisedBy,
    raisedByName,
    createdAt: cr.createdAt,
    decidedAt: cr.decidedAt,
    ruleMet: cr.ruleMet,
    decisionNote: cr.decisionNote,
    incomingItemId: cr.incomingItemId,
    displacedCount: cr.displaced.length,
    session: sessionId === null ? null : { id: sessionId, mode: mode!, status: sessionStatus!, deadline },
  }));
}
