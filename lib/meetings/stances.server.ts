import 'server-only';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { db, transaction } from '@/db/client';
import { agendaItems, meetingAttendees, prereadStances, STANCES, type Meeting, type Stance } from '@/db/schema';
import { can } from '@/lib/auth/permissions';
import { ConflictError, ForbiddenError, ValidationError } from '@/lib/errors';
import { logEvent, type Executor } from '@/lib/events/log.server';
import { parseOrThrow } from '@/lib/validation';
import type { StanceCounts } from './contested';
import { attendeeRole, canSeeMeeting, getVisibleMeeting, loadMeeting } from './access.server';
import type { ActingUser } from '@/lib/auth/acting-user';
import { first } from '@/db/rows';

/**
 * Provisional stances: while reading the pre-read, each voting attendee marks every item lean
 * accept, lean reject or unsure. A stance is private: its leader sees their own, the facilitator
 * and pm/admin see only counts per item, never who. Stance events are logged on the leader (subject
 * 'user'), not on the meeting, whose events every attendee's live stream receives.
 */

export const StanceInput = z.object({
  itemId: z.number({ error: 'itemId must be an item id.' }).int().positive({ error: 'itemId must be an item id.' }),
  /** null clears the stance. */
  stance: z.enum(STANCES, { error: 'Choose lean accept, lean reject or unsure.' }).nullable(),
});

/** Sets (or with null, clears) the actor's own stance on one agenda item. Returns what is stored now. */
export async function setStance(actor: ActingUser, meetingId: number, input: unknown): Promise<Stance | null> {
  const { itemId, stance } = parseOrThrow(StanceInput, input);
  return transaction(async (tx) => {
    const meeting = await loadMeeting(tx, meetingId);
    if ((await attendeeRole(tx, meetingId, actor.id)) !== 'voter')
      throw new ForbiddenError('Only the leaders who vote in this meeting can mark stances on its items.');
    if (meeting.status === 'closed') throw new ConflictError('The meeting has ended: stances can no longer change.');
    const onAgenda = first(
      await tx
        .select({ itemId: agendaItems.itemId })
        .from(agendaItems)
        .where(and(eq(agendaItems.meetingId, meetingId), eq(agendaItems.itemId, itemId))),
    );
    if (!onAgenda)
      throw new ValidationError(
        { itemId: ["This item is not on the meeting's agenda."] },
        "This item is not on the meeting's agenda.",
      );
    const mine = and(
      eq(prereadStances.meetingId, meetingId),
      eq(prereadStances.itemId, itemId),
      eq(prereadStances.userId, actor.id),
    );
    const before =
      first(await tx.select({ stance: prereadStances.stance }).from(prereadStances).where(mine))?.stance ?? null;
    if (before === stance) return stance;
    if (stance === null) await tx.delete(prereadStances).where(mine);
    else
      await tx
        .insert(prereadStances)
        .values({ meetingId, itemId, userId: actor.id, stance, updatedAt: new Date().toISOString() })
        .onConflictDoUpdate({
          target: [prereadStances.meetingId, prereadStances.itemId, prereadStances.userId],
          set: { stance, updatedAt: new Date().toISOString() },
        });
    await logEvent(tx, {
      actorId: actor.id,
      type: stance === null ? 'meeting.stance_cleared' : 'meeting.stance_marked',
      subjectType: 'user',
      subjectId: actor.id,
      data: { meetingId, itemId, from: before, to: stance },
    });
    return stance;
  });
}

export type MyStances = { canMark: boolean; mine: Record<number, Stance> };

/** The viewer's own stances on a meeting they may see; `canMark` only for its voters before it ends. */
export async function myStances(actor: ActingUser, meetingId: number): Promise<MyStances> {
  const meeting = await getVisibleMeeting(db, actor, meetingId);
  const voter = (await attendeeRole(db, meetingId, actor.id)) === 'voter';
  if (!voter) return { canMark: false, mine: {} };
  const rows = await db
    .select({ itemId: prereadStances.itemId, stance: prereadStances.stance })
    .from(prereadStances)
    .where(and(eq(prereadStances.meetingId, meetingId), eq(prereadStances.userId, actor.id)));
  return { canMark: meeting.status !== 'closed', mine: Object.fromEntries(rows.map((r) => [r.itemId, r.stance])) };
}

/** Who may see the counts: the facilitator, and pm/admin who manage meetings. */
export function canSeeStanceCounts(actor: ActingUser, meeting: Pick<Meeting, 'facilitatorId'>): boolean {
  return meeting.facilitatorId === actor.id || can(actor, 'meeting.manage');
}

/** Counts per agenda item, for callers that have authorized the viewer (canSeeStanceCounts). */
export async function stanceCountsOf(tx: Executor, meetingId: number): Promise<Map<number, StanceCounts>> {
  const out = new Map<number, StanceCounts>();
  const rows = await tx
    .select({ itemId: prereadStances.itemId, stance: prereadStances.stance })
    .from(prereadStances)
    .innerJoin(
      agendaItems,
      and(eq(agendaItems.meetingId, prereadStances.meetingId), eq(agendaItems.itemId, prereadStances.itemId)),
    )
    // Only the stances of those who vote now: someone moved to observer no longer counts.
    .innerJoin(
      meetingAttendees,
      and(
        eq(meetingAttendees.meetingId, prereadStances.meetingId),
        eq(meetingAttendees.userId, prereadStances.userId),
        eq(meetingAttendees.role, 'voter'),
      ),
    )
    .where(eq(prereadStances.meetingId, meetingId));
  for (const { itemId, stance } of rows) {
    const c = out.get(itemId) ?? { leanAccept: 0, leanReject: 0, unsure: 0 };
    if (stance === 'lean_accept') c.leanAccept++;
    else if (stance === 'lean_reject') c.leanReject++;
    else c.unsure++;
    out.set(itemId, c);
  }
  return out;
}

/** The counts per item for the facilitator or pm/admin; null for anyone else (a leader sees only their own). */
export async function stanceCounts(actor: ActingUser, meetingId: number): Promise<Record<number, StanceCounts> | null> {
  const meeting = await getVisibleMeeting(db, actor, meetingId);
  if (!canSeeStanceCounts(actor, meeting)) return null;
  return Object.fromEntries(await stanceCountsOf(db, meetingId));
}

export type PrereadStanceView = MyStances & { counts: Record<number, StanceCounts> | null };

/**
 * What the pre-read page shows about stances: the viewer's own (voters), the counts (facilitator,
 * pm/admin). Nothing for the others who may open the pre-read (a sponsor or SME answering questions).
 */
export async function stancesForPreread(actor: ActingUser, meetingId: number): Promise<PrereadStanceView> {
  const meeting = await loadMeeting(db, meetingId);
  if (!(await canSeeMeeting(db, actor, meeting))) return { canMark: false, mine: {}, counts: null };
  return { ...(await myStances(actor, meetingId)), counts: await stanceCounts(actor, meetingId) };
}
