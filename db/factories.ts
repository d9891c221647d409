import { eq, sql } from 'drizzle-orm';
import type { Db } from './client';
import { appendEvent } from './event-chain';
import {
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

/**
 * Builders shared by the demo seed and the tests, so both create data the same way.
 * They write rows directly (no permission checks): callers are set-up code, not users.
 */
let counter = 0;
// Time, process and a counter: unique across the processes that write one database (tests in parallel workers).
const unique = () => `${Date.now().toString(36)}${process.pid.toString(36)}${(counter++).toString(36)}`;
const nowIso = () => new Date().toISOString();

export function makeDepartment(db: Db, name = `Dept ${unique()}`) {
  return db
    .insert(departments)
    .values({ name })
    .onConflictDoUpdate({ target: departments.name, set: { name } })
    .returning()
    .get();
}

export function makeModule(db: Db, name = `Module ${unique()}`) {
  return db
    .insert(modules)
    .values({ name })
    .onConflictDoUpdate({ target: modules.name, set: { name } })
    .returning()
    .get();
}

/**
 * A user row, plus its department's name so that it can act as an ActingUser in tests. The seed
 * passes a `passwordHash` made by lib/auth/password.server.ts: db/ imports nothing from lib/.
 */
export function makeUser(
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
  const departmentId = opts.departmentId ?? makeDepartment(db).id;
  const passwordHash = opts.passwordHash ?? null;
  const department = db
    .select({ name: departments.name })
    .from(departments)
    .where(eq(departments.id, departmentId))
    .get();
  const row = db
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
    .get();
  return { ...row, departmentName: department?.name ?? '' };
}

export function makeCycle(db: Db, opts: Partial<typeof cycles.$inferInsert> = {}) {
  return db
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
    .get();
}

export function makeTheme(db: Db, cycleId: number, opts: { name?: string; keyOutcome?: string } = {}) {
  const max = db
    .select({ m: sql<number | null>`max(${themes.position})` })
    .from(themes)
    .where(eq(themes.cycleId, cycleId))
    .get();
  return db
    .insert(themes)
    .values({
      cycleId,
      name: opts.name ?? `Theme ${unique()}`,
      keyOutcome: opts.keyOutcome ?? 'A measurable outcome',
      position: (max?.m ?? -1) + 1,
    })
    .returning()
    .get();
}

export type ItemOpts = Partial<typeof items.$inferInsert> & {
  requestorId: number;
  departmentId: number;
  moduleIds?: number[];
};

export function makeItem(db: Db, opts: ItemOpts) {
  const { moduleIds = [], ...rest } = opts;
  const at = nowIso();
  const item = db
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
    .get();
  if (moduleIds.length)
    db.insert(itemModules)
      .values(moduleIds.map((moduleId) => ({ itemId: item.id, moduleId })))
      .run();
  appendEvent(db, {
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
export type TestUser = ReturnType<typeof makeUser>;

/**
 * A meeting of a cycle, as planned (not started, no pre-read sent), with its attendees and its agenda
 * in the order given. Questions close a day before the meeting unless said otherwise.
 */
export function makeMeeting(
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
  const meeting = db
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
    .get();
  if (opts.attendees?.length) {
    db.insert(meetingAttendees)
      .values(opts.attendees.map((a) => ({ meetingId: meeting.id, userId: a.userId, role: a.role ?? 'voter' })))
      .run();
  }
  if (opts.itemIds?.length) {
    db.insert(agendaItems)
      .values(opts.itemIds.map((itemId, position) => ({ meetingId: meeting.id, itemId, position })))
      .run();
  }
  return meeting;
}

/** A period of a cycle's delivery schedule (a sprint or a month), placed after the cycle's last one. */
export function makeSchedulePeriod(
  db: Db,
  cycleId: number,
  opts: { name?: string; startsOn: string; endsOn: string; capacityWeeks?: number },
) {
  const max = db
    .select({ m: sql<number | null>`max(${schedulePeriods.position})` })
    .from(schedulePeriods)
    .where(eq(schedulePeriods.cycleId, cycleId))
    .get();
  return db
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
    .get();
}

/** Where, when and by whom an item is delivered: its one entry in the schedule. */
export function makeScheduleEntry(db: Db, opts: typeof scheduleEntries.$inferInsert) {
  return db.insert(scheduleEntries).values(opts).returning().get();
}
