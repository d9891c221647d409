import 'server-only';
import { and, desc, eq, inArray } from 'drizzle-orm';
import { db, transaction } from '@/db/client';
import { cycles, items, meetings, prereadReads, prereads, users, type Meeting, type SnapshotItem } from '@/db/schema';
import { can } from '@/lib/auth/permissions';
import { ForbiddenError, NotFoundError } from '@/lib/errors';
import type { Executor } from '@/lib/events/log.server';
import { attendeeRole, canSeeMeeting, loadMeeting } from '@/lib/meetings/access.server';
import { canAskQuestion, canResolveQuestion, smeResolver } from '@/lib/questions/roles.server';
import { listThreads, type ThreadQuestion } from '@/lib/questions/threads.server';
import { capacitySummary, groupByTheme, type CapacitySummary, type ThemeSection } from './capacity';
import { itemChanges, type FieldChange } from './changes';
import { currentSnapshotItems } from '@/lib/meetings/snapshot-items.server';
import { questionsClosedMessage, questionsOpen } from '@/lib/questions/window';
import { loadPrereadState } from '@/lib/meetings/preread-state.server';
import { completeTask, tasks } from '@/lib/notifications/tasks.server';
import type { ActingUser } from '@/lib/auth/acting-user';
import { first } from '@/db/rows';

export type PrereadItemView = SnapshotItem & { changes: FieldChange[]; questions: ThreadQuestion[] };

type MeetingHeader = {
  id: number;
  cycleId: number;
  title: string;
  scheduledAt: string;
  durationMinutes: number;
  location: string;
  facilitator: string;
  questionsCloseAt: string;
};

export type PrereadView =
  | { distributed: false; meeting: MeetingHeader }
  | {
      distributed: true;
      meeting: MeetingHeader;
      cycle: { id: number; name: string; capacityWeeks: number };
      sentAt: string;
      late: boolean;
      snapshotKey: string;
      updates: { sentAt: string; summary: string[] }[];
      capacity: CapacitySummary;
      sections: ThemeSection<PrereadItemView>[];
      questions: { open: boolean; closedMessage: string; canAsk: boolean };
      /** The facilitator and pm/admin also see who has read it. */
      canSeeReceipts: boolean;
    };

async function header(tx: Executor, m: Meeting): Promise<MeetingHeader> {
  const facilitator =
    first(await tx.select({ name: users.name }).from(users).where(eq(users.id, m.facilitatorId)))?.name ?? '';
  return {
    id: m.id,
    cycleId: m.cycleId,
    title: m.title,
    scheduledAt: m.scheduledAt,
    durationMinutes: m.durationMinutes,
    location: m.location,
    facilitator,
    questionsCloseAt: m.questionsCloseAt,
  };
}

/**
 * The items someone outside the meeting answers for (its sponsor, or its SME by name or e-mail): they
 * are told of questions on those items and must be able to open their threads to answer them, and
 * they see those items only, not the rest of the pre-read.
 */
async function itemsAnsweredFor(tx: Executor, actor: ActingUser, itemIds: number[]): Promise<Set<number>> {
  if (itemIds.length === 0) return new Set();
  const sponsored = (
    await tx
      .select({ id: items.id })
      .from(items)
      .where(and(inArray(items.id, itemIds), eq(items.sponsorId, actor.id)))
  ).map((r) => r.id);
  // From the items' own SME text: the snapshot shows it by name (a name two people share resolves to nobody).
  const resolve = await smeResolver(tx);
  const smes = await tx
    .select({ id: items.id, sme: items.sme, smeUserId: items.smeUserId })
    .from(items)
    .where(inArray(items.id, itemIds));
  return new Set([...sponsored, ...smes.filter((i) => resolve(i.sme, i.smeUserId) === actor.id).map((i) => i.id)]);
}

/** The frozen item's changes since it was sent; none when nothing the reader sees has moved. */
function changesSince(sent: SnapshotItem, now: SnapshotItem | undefined): FieldChange[] {
  if (!now) return [];
  return now.version > sent.version ? itemChanges(sent, now) : [];
}

/**
 * Opens a meeting's pre-read for the actor: 403 unless they attend, facilitate, are pm/admin or
 * answer for one of its items; someone who only answers for items sees those items alone (no other
 * item, no update summaries, the capacity of their items only). The first opening by an attendee is recorded as their read
 * receipt (people who only oversee or answer are not readers). Before distribution it returns
 * `distributed: false` for the page to say so.
 */
export async function openPreread(actor: ActingUser, meetingId: number, now = new Date()): Promise<PrereadView> {
  return transaction(async (tx) => {
    const meeting = await loadMeeting(tx, meetingId);
    const insider = await canSeeMeeting(tx, actor, meeting);
    const state = await loadPrereadState(tx, meetingId);
    if (!state) {
      if (!insider) throw new ForbiddenError("Only the meeting's attendees can open its pre-read.");
      return { distributed: false, meeting: await header(tx, meeting) };
    }
    const itemIds = state.snapshot.items.map((i) => i.id);
    const cycle = first(await tx.select().from(cycles).where(eq(cycles.id, meeting.cycleId)));
    // Only items edited since they were sent (their version moved) need their current values; every
    // edit of a field the pre-read shows, modules included, bumps the version.
    const sentVersion = new Map(state.snapshot.items.map((i) => [i.id, i.version]));
    const edited =
      itemIds.length === 0
        ? []
        : (await tx.select({ id: items.id, version: items.version }).from(items).where(inArray(items.id, itemIds)))
            .filter((r) => r.version > (sentVersion.get(r.id) ?? Number.POSITIVE_INFINITY))
            .map((r) => r.id);
    const current = await currentSnapshotItems(tx, edited, cycle?.sizeWeeks ?? { XS: 0, S: 0, M: 0, L: 0, XL: 0 });
    const answered = insider ? null : await itemsAnsweredFor(tx, actor, itemIds);
    if (answered?.size === 0) throw new ForbiddenError("Only the meeting's attendees can open its pre-read.");
    const snapshot = answered
      ? { ...state.snapshot, items: state.snapshot.items.filter((i) => answered.has(i.id)) }
      : state.snapshot;

    if ((await attendeeRole(tx, meetingId, actor.id)) !== null) {
      await tx
        .insert(prereadReads)
        .values({ prereadId: state.preread.id, userId: actor.id, readAt: now.toISOString() })
        .onConflictDoNothing();
    }
    // Opening it is what its notifications asked (sent, updated, reminded): they are done.
    await completeTask(tx, tasks.readPreread(meetingId), actor.id, now);

    const byId = new Map(current.map((i) => [i.id, i]));
    const threads = await listThreads(
      tx,
      meeting,
      snapshot.items.map((i) => i.id),
      actor,
    );
    const views: PrereadItemView[] = snapshot.items.map((i) => ({
      ...i,
      changes: changesSince(i, byId.get(i.id)),
      questions: threads[i.id] ?? [],
    }));
    return {
      distributed: true,
      meeting: await header(tx, meeting),
      cycle: {
        id: snapshot.cycle.id,
        name: cycle?.name ?? snapshot.cycle.name,
        capacityWeeks: snapshot.cycle.capacityWeeks,
      },
      sentAt: state.preread.sentAt,
      late: state.preread.late,
      snapshotKey: state.snapshotKey,
      // An update's summary names the items that changed: for the meeting's people only.
      updates: answered ? [] : state.updates,
      capacity: capacitySummary(snapshot),
      sections: groupByTheme(snapshot, views),
      questions: {
        open: questionsOpen(meeting.questionsCloseAt, now),
        closedMessage: questionsClosedMessage(meeting.questionsCloseAt, actor.timeZone),
        canAsk: await canAskQuestion(tx, actor, meeting),
      },
      canSeeReceipts: canResolveQuestion(actor, meeting),
    };
  });
}

/**
 * The meeting whose pre-read `/cycles/[id]/preread` shows: the cycle's latest regular meeting
 * (by date) that has a pre-read, or null. 404 for an unknown cycle; people who cannot see
 * backlogs get 403 here unless they can see that meeting.
 */
export async function latestPrereadMeetingForCycle(actor: ActingUser, cycleId: number): Promise<number | null> {
  const cycle = first(await db.select({ id: cycles.id }).from(cycles).where(eq(cycles.id, cycleId)));
  if (!cycle) throw new NotFoundError('This cycle');
  const meeting = first(
    await db
      .select()
      .from(meetings)
      .innerJoin(prereads, eq(prereads.meetingId, meetings.id))
      .where(and(eq(meetings.cycleId, cycleId), eq(meetings.kind, 'regular')))
      .orderBy(desc(meetings.scheduledAt), desc(meetings.id))
      .limit(1),
  )?.meetings;
  if (can(actor, 'backlog.view')) return meeting?.id ?? null;
  if (meeting && (await canSeeMeeting(db, actor, meeting))) return meeting.id;
  throw new ForbiddenError();
}
