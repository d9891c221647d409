import { eq } from 'drizzle-orm';
import { makeCycle, makeItem, makeTheme } from '@/db/factories';
import { demoFeedback, demos, itemCoPeople, notifications, outbox } from '@/db/schema';
import { db, countRows, userWithRole } from '@/lib/testing/db';
import { moveDelivery, setEntry } from '@/lib/schedule/entries.server';
import { addDays } from '@/lib/schedule/dates';
import { generatePeriods } from '@/lib/schedule/periods.server';
import { publishSchedule } from '@/lib/schedule/publish.server';
import { entry } from '@/lib/schedule/test-helpers';

/**
 * Delivery test set-up. Delivery dates may not lie in the future, so the cycle is placed around
 * today (rather than on fixed dates): it started 40 days ago and its kickoffs were 10 days ago.
 */

export const today = () => new Date().toISOString().slice(0, 10);
export const daysAgo = (n: number) => addDays(today(), -n);

const TABLES = ['delivery_records', 'items', 'events', 'notifications', 'outbox'] as const;

/** Row counts of the tables a delivery write touches, to assert that a refusal wrote nothing. */
export async function deliveryRowCounts(): Promise<Record<(typeof TABLES)[number], number>> {
  const counts: [string, number][] = [];
  for (const t of TABLES) counts.push([t, await countRows(t)]);
  return Object.fromEntries(counts) as Record<(typeof TABLES)[number], number>;
}

export const stageNewsOf = async (userId: number) =>
  (await db.select().from(notifications).where(eq(notifications.userId, userId)))
    .filter((n) => n.kind === 'item.stage_changed')
    .map((n) => n.title);
export const mailSubjectsOf = async (userId: number) =>
  (await db.select().from(outbox).where(eq(outbox.toUserId, userId))).map((m) => m.subject);

/**
 * A cycle around today with its months as periods; "Alpha" scheduled (kickoff 10 days ago) and in
 * delivery, "Beta" scheduled, "Gamma" accepted but never scheduled. All requested by `requestor`,
 * with `co` as Alpha's co-requestor. The schedule is published unless `published` is false.
 */
export async function deliverySetup({ published = true } = {}) {
  const pm = await userWithRole('pm');
  const admin = await userWithRole('admin');
  const engineer = await userWithRole('engineer');
  const requestor = await userWithRole('requestor');
  const co = await userWithRole('requestor');
  const cycle = await makeCycle(db, { startsOn: daysAgo(40), endsOn: addDays(today(), 50), capacityWeeks: 60 });
  const theme = await makeTheme(db, cycle.id, { name: 'Growth' });
  const item = (title: string, rank: string) =>
    makeItem(db, {
      cycleId: cycle.id,
      themeId: theme.id,
      title,
      status: 'accepted',
      rank,
      estimateSize: 'M',
      requestorId: requestor.id,
      departmentId: requestor.departmentId,
    });
  const alpha = await item('Alpha', 'a0');
  const beta = await item('Beta', 'a1');
  const gamma = await item('Gamma', 'a2');
  await db
    .insert(itemCoPeople)
    .values({ itemId: alpha.id, userId: co.id, role: 'requestor', addedAt: new Date().toISOString() });
  const [period] = await generatePeriods(pm, cycle.id, 'months');
  const kickoffOn = daysAgo(10);
  await setEntry(pm, alpha.id, entry(period.id, engineer.id, kickoffOn));
  await setEntry(pm, beta.id, entry(period.id, engineer.id, kickoffOn));
  if (published) await publishSchedule(pm, cycle.id);
  await moveDelivery(engineer, alpha.id, 'in_delivery');
  return { pm, admin, engineer, requestor, co, cycle, alpha, beta, gamma, kickoffOn };
}

/** A demo of the cycle with one "looks right" feedback on the item. */
export async function feedbackOn(cycleId: number, itemId: number, authorId: number) {
  const at = new Date().toISOString();
  const [demo] = await db
    .insert(demos)
    .values({
      cycleId,
      title: 'Sprint demo',
      startsAt: at,
      durationMinutes: 30,
      timeZone: 'UTC',
      presenterId: authorId,
      createdBy: authorId,
      feedbackClosesAt: at,
      createdAt: at,
    })
    .returning();
  await db.insert(demoFeedback).values({ demoId: demo.id, itemId, authorId, verdict: 'looks_right', createdAt: at });
}

/** The final delivery form as a person fills it in. */
export const finalForm = (over: Record<string, unknown> = {}) => ({
  deliveredOn: today(),
  releaseNotes: 'Shipped to everyone.',
  links: 'https://example.com/release/1',
  actualWeeks: '',
  ...over,
});

export const milestoneForm = (over: Record<string, unknown> = {}) => ({
  name: 'Beta for two customers',
  deliveredOn: daysAgo(2),
  releaseNotes: 'Two customers use it.',
  links: '',
  ...over,
});
