import { eq } from 'drizzle-orm';
import { makeCycle, makeItem, makeTheme } from '@/db/factories';
import { notifications, outbox } from '@/db/schema';
import { db, countRows, userWithRole } from '@/lib/testing/db';
import { generatePeriods } from './periods.server';
import type { TestUser } from '@/db/factories';

/** Schedule test set-up: real rows, and periods generated through the real lib/ function. */

const TABLES = [
  'schedule_periods',
  'schedule_entries',
  'schedule_publications',
  'schedule_flags',
  'items',
  'events',
  'notifications',
  'outbox',
] as const;

/** Row counts of the tables a schedule write touches, to assert that a refusal wrote nothing. */
export async function scheduleRowCounts(): Promise<Record<(typeof TABLES)[number], number>> {
  const counts: [string, number][] = [];
  for (const t of TABLES) counts.push([t, await countRows(t)]);
  return Object.fromEntries(counts) as Record<(typeof TABLES)[number], number>;
}

export const notificationsOf = async (user: Pick<TestUser, 'id'>) =>
  db.select().from(notifications).where(eq(notifications.userId, user.id));
export const mailOf = async (user: Pick<TestUser, 'id'>) =>
  db.select().from(outbox).where(eq(outbox.toUserId, user.id));

/**
 * 2027-Q1 (1 Jan to 31 Mar, 60 person-weeks) with its three months as periods and three accepted
 * items in rank order Alpha (M, 3 weeks), Beta (L, 6), Gamma (unestimated), requested by `requestor`
 * and sponsored by `sponsor`. Also a pm, an engineer, a leader and a second requestor.
 */
export async function scheduleSetup() {
  const pm = await userWithRole('pm');
  const engineer = await userWithRole('engineer');
  const leader = await userWithRole('leader');
  const requestor = await userWithRole('requestor');
  const other = await userWithRole('requestor');
  const sponsor = await userWithRole('leader');
  const cycle = await makeCycle(db, { startsOn: '2027-01-01', endsOn: '2027-03-31', capacityWeeks: 60 });
  const theme = await makeTheme(db, cycle.id, { name: 'Growth' });
  const item = (title: string, rank: string, estimateSize: 'M' | 'L' | null) =>
    makeItem(db, {
      cycleId: cycle.id,
      themeId: theme.id,
      title,
      status: 'accepted',
      rank,
      estimateSize,
      requestorId: requestor.id,
      sponsorId: sponsor.id,
      departmentId: requestor.departmentId,
    });
  // Created out of rank order, so reading in rank order is not an accident of ids.
  const gamma = await item('Gamma', 'a2', null);
  const alpha = await item('Alpha', 'a0', 'M');
  const beta = await item('Beta', 'a1', 'L');
  const [january, february, march] = await generatePeriods(pm, cycle.id, 'months');
  return {
    pm,
    engineer,
    leader,
    requestor,
    other,
    sponsor,
    cycle,
    theme,
    alpha,
    beta,
    gamma,
    january,
    february,
    march,
  };
}

/** The entry fields `setEntry` takes, as a form sends them. */
export const entry = (periodId: number | null, ownerId: number | null, kickoffOn: string | null, version = 0) => ({
  periodId: periodId === null ? '' : String(periodId),
  ownerId: ownerId === null ? '' : String(ownerId),
  kickoffOn: kickoffOn ?? '',
  version: String(version),
});

/** The final delivery form as sent for an item delivered today (no kickoff set, so any past day works). */
export const deliveredToday = () => ({
  deliveredOn: new Date().toISOString().slice(0, 10),
  releaseNotes: '',
  links: '',
});
