import { eq, sql } from 'drizzle-orm';
import type { Db } from './client';
import { appendEvent } from './event-chain';
import {
  mapSlices,
  DEFAULT_SLICES,
  agendaItems,
  cycles,
  departments,
  itemModules,
  items,
  meetingAttendees,
  meetings,
  modules,
  scheduleEntries,
  schedulePeriods,
  themes,
  users,
  type AttendeeRole,
  type Kind,
  type ItemStatus,
  type Role,
  type Size,
} from './schema';
import { first } from './rows';

/**
 * Builders shared by the demo seed and the tests, so both create data the same way.
 * They write rows directly (no permission checks): callers are set-up code, not users.
 */
let counter = 0;
// Time, process and a counter: unique across the processes that write one database (tests in parallel workers).
const unique = () => `${Date.now().toString(36)}${process.pid.toString(36)}${(counter++).toString(36)}`;
const nowIso = () => new Date().toISOString();

export async function makeDepartment(db: Db, name = `Dept ${unique()}`) {
  return (
    await db
      .insert(departments)
      .values({ name })
      .onConflictDoUpdate({ target: departments.name, set: { name } })
      .returning()
  )[0];
}

export async function makeModule(db: Db, name = `Module ${unique()}`) {
  return (
    await db.insert(modules).values({ name }).onConflictDoUpdate({ target: modules.name, set: { name } }).returning()
  )[0];
}

/**
 * A user row, plus its department's name so that it can act as an ActingUser in tests. The seed
 * passes a `passwordHash` made by lib/auth/password.server.ts: db/ imports nothing from lib/.
 */
export async function makeUser(
  db: Db,
  opts: {
    role?: Role;
    name?: string;
    email?: string;
    departmentId?: number;
    passwordHash?: string;
    active?: boolean;
  } = {},
) {
  const tag = unique();
  const departmentId = opts.departmentId ?? (await makeDepartment(db)).id;
  const passwordHash = opts.passwordHash ?? null;
  const department = first(
    await db.select({ name: departments.name }).from(departments).where(eq(departments.id, departmentId)),
  );
  const row = (
    await db
      .insert(users)
      .values({
        name: opts.name ?? `User ${tag}`,
        email: (opts.email ?? `user-${tag}@example.test`).toLowerCase(),
        role: opts.role ?? 'requestor',
        departmentId,
        active: opts.active ?? true,
        passwordHash,
        createdAt: nowIso(),
      })
      .returning()
  )[0];
  return { ...row, departmentName: department?.name ?? '' };
}

/** A cycle, with the three slices its story map starts with (as lib/cycles' createCycle makes them). */
export async function makeCycle(db: Db, opts: Partial<typeof cycles.$inferInsert> = {}) {
  const cycle = (
    await db
      .insert(cycles)
      .values({
        name: `Cycle ${unique()}`,
        cadence: 'quarter',
        startsOn: '2027-01-01',
        endsOn: '2027-03-31',
        capacityWeeks: 60,
        sizeWeeks: { XS: 0.5, S: 1, M: 3, L: 6, XL: 12 },
        createdAt: nowIso(),
        ...opts,
      })
      .returning()
  )[0];
  await db.insert(mapSlices).values(DEFAULT_SLICES.map((s, position) => ({ cycleId: cycle.id, ...s, position })));
  return cycle;
}

export async function makeTheme(db: Db, cycleId: number, opts: { name?: string; keyOutcome?: string } = {}) {
  const max = first(
    await db
      .select({ m: sql<number | null>`max(${themes.position})` })
      .from(themes)
      .where(eq(themes.cycleId, cycleId)),
  );
  return (
    await db
      .insert(themes)
      .values({
        cycleId,
        name: opts.name ?? `Theme ${unique()}`,
        keyOutcome: opts.keyOutcome ?? 'A measurable outcome',
        position: (max?.m ?? -1) + 1,
      })
      .returning()
  )[0];
}

export type ItemOpts = Partial<typeof items.$inferInsert> & {
  requestorId: number;
  departmentId: number;
  moduleIds?: number[];
};

export async function makeItem(db: Db, opts: ItemOpts) {
  const { moduleIds = [], ...rest } = opts;
  const at = nowIso();
  const item = (
    await db
      .insert(items)
      .values({
        title: `Item ${unique()}`,
        kind: 'feature' as Kind,
        status: 'curated' as ItemStatus,
        createdAt: at,
        updatedAt: at,
        ...rest,
      })
      .returning()
  )[0];
  if (moduleIds.length)
    await db.insert(itemModules).values(moduleIds.map((moduleId) => ({ itemId: item.id, moduleId })));
  await appendEvent(db, {
    at: item.createdAt,
    actorId: opts.requestorId,
    type: 'item.created',
    subjectType: 'item',
    subjectId: item.id,
    data: { after: { title: item.title, status: item.status, cycleId: item.cycleId }, seeded: true },
  });
  return item;
}

export const SIZE_LIST: Size[] = ['XS', 'S', 'M', 'L', 'XL'];

/** What makeUser returns: a user row that can act as an ActingUser in tests. */
export type TestUser = Awaited<ReturnType<typeof makeUser>>;

/**
 * A meeting of a cycle, as planned (not started, no pre-read sent), with its attendees and its agenda
 * in the order given. Questions close a day before the meeting unless said otherwise.
 */
export async function makeMeeting(
  db: Db,
  opts: {
    cycleId: number;
    facilitatorId: number;
    kind?: 'regular' | 'emergency';
    title?: string;
    scheduledAt?: string;
    questionsCloseAt?: string;
    durationMinutes?: number;
    location?: string;
    attendees?: { userId: number; role?: AttendeeRole }[];
    itemIds?: number[];
  },
) {
  const scheduledAt = opts.scheduledAt ?? new Date(Date.now() + 14 * 86_400_000).toISOString();
  const meeting = (
    await db
      .insert(meetings)
      .values({
        cycleId: opts.cycleId,
        kind: opts.kind ?? 'regular',
        title: opts.title ?? `Meeting ${unique()}`,
        scheduledAt,
        durationMinutes: opts.durationMinutes ?? 90,
        location: opts.location ?? 'Board room',
        facilitatorId: opts.facilitatorId,
        questionsCloseAt: opts.questionsCloseAt ?? new Date(Date.parse(scheduledAt) - 86_400_000).toISOString(),
        createdAt: nowIso(),
      })
      .returning()
  )[0];
  if (opts.attendees?.length) {
    await db
      .insert(meetingAttendees)
      .values(opts.attendees.map((a) => ({ meetingId: meeting.id, userId: a.userId, role: a.role ?? 'voter' })));
  }
  if (opts.itemIds?.length) {
    await db
      .insert(agendaItems)
      .values(opts.itemIds.map((itemId, position) => ({ meetingId: meeting.id, itemId, position })));
  }
  return meeting;
}

/** A period of a cycle's delivery schedule (a sprint or a month), placed after the cycle's last one. */
export async function makeSchedulePeriod(
  db: Db,
  cycleId: number,
  opts: { name?: string; startsOn: string; endsOn: string; capacityWeeks?: number },
) {
  const max = first(
    await db
      .select({ m: sql<number | null>`max(${schedulePeriods.position})` })
      .from(schedulePeriods)
      .where(eq(schedulePeriods.cycleId, cycleId)),
  );
  return (
    await db
      .insert(schedulePeriods)
      .values({
        cycleId,
        name: opts.name ?? `Period ${unique()}`,
        startsOn: opts.startsOn,
        endsOn: opts.endsOn,
        capacityWeeks: opts.capacityWeeks ?? 10,
        position: (max?.m ?? -1) + 1,
      })
      .returning()
  )[0];
}

/** Where, when and by whom an item is delivered: its one entry in the schedule. */
export async function makeScheduleEntry(db: Db, opts: typeof scheduleEntries.$inferInsert) {
  return (await db.insert(scheduleEntries).values(opts).returning())[0];
}
