import { eq } from 'drizzle-orm';
import { makeCycle, makeItem, makeScheduleEntry, type TestUser } from '@/db/factories';
import { itemCoPeople, notifications, outbox } from '@/db/schema';
import { countRows, db, userWithRole } from '@/lib/testing/db';
import { giveFeedback } from './feedback.server';
import { recordShownItem } from './record.server';
import { scheduleDemo } from './schedule.server';

/** Demo test set-up: real rows made through the factories. */

export const DAY = 86_400_000;
export const NOW = new Date('2027-02-01T09:00:00Z');
export const STARTS = '2027-02-10T14:00:00.000Z';

const TABLES = ['demos', 'demo_items', 'demo_invitees', 'demo_feedback', 'items', 'events', 'notifications', 'outbox'];

export async function demoRowCounts(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of TABLES) out[t] = await countRows(t);
  return out;
}

export const notificationsOf = (user: Pick<TestUser, 'id'>) =>
  db.select().from(notifications).where(eq(notifications.userId, user.id));
export const mailOf = (user: Pick<TestUser, 'id'>) => db.select().from(outbox).where(eq(outbox.toUserId, user.id));

/**
 * A cycle with two scheduled items (Alpha, owned by `owner`; Beta in delivery), one accepted item
 * not yet scheduled, and an item of another cycle. Alpha's requestor and sponsor are `requestor`
 * and `sponsor`; Beta's requestor is `requestor` too (so defaults must not repeat them) with
 * `coRequestor` as a co-requestor.
 */
export async function demoSetup() {
  const pm = await userWithRole('pm');
  const engineer = await userWithRole('engineer');
  const owner = await userWithRole('engineer');
  const requestor = await userWithRole('requestor');
  const sponsor = await userWithRole('leader');
  const coRequestor = await userWithRole('requestor');
  const outsider = await userWithRole('requestor');
  const cycle = await makeCycle(db);
  const other = await makeCycle(db);
  const base = { requestorId: requestor.id, departmentId: requestor.departmentId };
  const alpha = await makeItem(db, {
    ...base,
    cycleId: cycle.id,
    title: 'Alpha',
    status: 'scheduled',
    sponsorId: sponsor.id,
  });
  const beta = await makeItem(db, { ...base, cycleId: cycle.id, title: 'Beta', status: 'in_delivery' });
  const accepted = await makeItem(db, { ...base, cycleId: cycle.id, title: 'Accepted', status: 'accepted' });
  const foreign = await makeItem(db, { ...base, cycleId: other.id, title: 'Foreign', status: 'scheduled' });
  await makeScheduleEntry(db, { itemId: alpha.id, ownerId: owner.id });
  await db
    .insert(itemCoPeople)
    .values({ itemId: beta.id, userId: coRequestor.id, role: 'requestor', addedAt: NOW.toISOString() });
  return { pm, engineer, owner, requestor, sponsor, coRequestor, outsider, cycle, alpha, beta, accepted, foreign };
}
export type DemoSetup = Awaited<ReturnType<typeof demoSetup>>;

export const demoInput = (s: DemoSetup, over: Record<string, unknown> = {}) => ({
  title: 'Sprint 4 demo',
  startsAt: STARTS,
  timeZone: 'Europe/Berlin',
  durationMinutes: '45',
  presenterId: String(s.engineer.id),
  itemIds: [String(s.alpha.id), String(s.beta.id)],
  feedbackDays: '7',
  inviteeIds: [String(s.requestor.id), String(s.sponsor.id), String(s.coRequestor.id)],
  ...over,
});

/** A demo scheduled, shown and commented on through lib/: each of its notification kinds is sent. */
export async function demoNotificationScene() {
  const s = await demoSetup();
  const demo = await scheduleDemo(s.pm, s.cycle.id, demoInput(s));
  await recordShownItem(s.engineer, demo.id, s.alpha.id, { stage: 'v0', notes: '', links: '' });
  await giveFeedback(s.requestor, demo.id, s.alpha.id, { verdict: 'concern', comment: 'Too slow.' });
  return { ...s, demo };
}
