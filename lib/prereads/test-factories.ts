import { asc, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { makeMeeting as makePlannedMeeting } from '@/db/factories';
import {
  agendaItems,
  cycles,
  meetings,
  prereadUpdates,
  prereads,
  themes,
  users,
  type AttendeeRole,
  type PrereadSnapshot,
} from '@/db/schema';
import { currentSnapshotItems } from '@/lib/meetings/snapshot-items.server';
import { first } from '@/db/rows';

/**
 * Test set-up for pre-read tests: a meeting with attendees and an agenda, and its pre-read as
 * if it had been distributed, written straight to the tables (the distribution code lives
 * elsewhere; these tests must not depend on it).
 */
const DAY = 86_400_000;

export type MeetingOpts = {
  cycleId: number;
  facilitatorId: number;
  attendees?: { userId: number; role?: AttendeeRole }[];
  itemIds?: number[];
  scheduledAt?: Date;
  questionsCloseAt?: Date;
  title?: string;
  kind?: 'regular' | 'emergency';
};

/** db/factories' meeting with these tests' defaults: its title and room, and dates as Date objects. */
export async function makeMeeting(db: Db, opts: MeetingOpts) {
  const scheduledAt = opts.scheduledAt ?? new Date(Date.now() + 14 * DAY);
  return makePlannedMeeting(db, {
    ...opts,
    title: opts.title ?? 'Prioritisation meeting',
    location: 'Room 4',
    scheduledAt: scheduledAt.toISOString(),
    questionsCloseAt: opts.questionsCloseAt?.toISOString(),
  });
}

/** The snapshot a distribution would freeze now for these items. */
export async function buildSnapshot(db: Db, meetingId: number, itemIds: number[]): Promise<PrereadSnapshot> {
  const meeting = first(await db.select().from(meetings).where(eq(meetings.id, meetingId)))!;
  const cycle = first(await db.select().from(cycles).where(eq(cycles.id, meeting.cycleId)))!;
  const facilitator = first(
    await db.select({ name: users.name }).from(users).where(eq(users.id, meeting.facilitatorId)),
  )!.name;
  return {
    meeting: {
      title: meeting.title,
      scheduledAt: meeting.scheduledAt,
      durationMinutes: meeting.durationMinutes,
      location: meeting.location,
      facilitator,
    },
    cycle: { id: cycle.id, name: cycle.name, capacityWeeks: cycle.capacityWeeks },
    themes: await db
      .select({ id: themes.id, name: themes.name, keyOutcome: themes.keyOutcome })
      .from(themes)
      .where(eq(themes.cycleId, cycle.id))
      .orderBy(asc(themes.position)),
    items: await currentSnapshotItems(db, itemIds, cycle.sizeWeeks),
  };
}

export async function distributePreread(
  db: Db,
  meetingId: number,
  opts: { sentBy: number; itemIds?: number[]; late?: boolean; sentAt?: Date },
) {
  const itemIds =
    opts.itemIds ??
    (
      await db
        .select({ id: agendaItems.itemId })
        .from(agendaItems)
        .where(eq(agendaItems.meetingId, meetingId))
        .orderBy(asc(agendaItems.position))
    ).map((r) => r.id);
  return (
    await db
      .insert(prereads)
      .values({
        meetingId,
        sentAt: (opts.sentAt ?? new Date()).toISOString(),
        sentBy: opts.sentBy,
        late: opts.late ?? false,
        snapshot: await buildSnapshot(db, meetingId, itemIds),
      })
      .returning()
  )[0];
}

/** A meeting with its pre-read already sent. */
export async function makeDistributedPreread(db: Db, opts: MeetingOpts & { sentBy?: number; late?: boolean }) {
  const meeting = await makeMeeting(db, opts);
  const preread = await distributePreread(db, meeting.id, {
    sentBy: opts.sentBy ?? opts.facilitatorId,
    late: opts.late,
  });
  return { meeting, preread };
}

/** An update sent after the pre-read, freezing the items' current values. */
export async function sendPrereadUpdate(
  db: Db,
  prereadId: number,
  meetingId: number,
  opts: { sentBy: number; itemIds: number[]; summary: string[] },
) {
  return (
    await db
      .insert(prereadUpdates)
      .values({
        prereadId,
        sentAt: new Date().toISOString(),
        sentBy: opts.sentBy,
        summary: opts.summary,
        snapshot: await buildSnapshot(db, meetingId, opts.itemIds),
      })
      .returning()
  )[0];
}
