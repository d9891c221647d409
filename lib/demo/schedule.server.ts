import type { Db } from '@/db/client';
import { appendEvent } from '@/db/event-chain';
import { makeCycle, makeItem, makeMeeting, makeTheme } from '@/db/factories';
import {
  decisions,
  meetingItemState,
  meetings,
  outcomePublications,
  prereadReads,
  prereads,
  scheduleEntries,
  schedulePeriods,
  schedulePublications,
  votes,
  type Item,
  type ItemStatus,
  type Role,
  type Size,
  type DecisionOutcome,
  type VoteChoice,
} from '@/db/schema';
import type { NewEvent } from '@/db/event-chain';
import { eq } from 'drizzle-orm';
import { buildMeetingSnapshot } from '@/lib/meetings/snapshot.server';
import { keyBetween } from '@/lib/ranking/fractional-index';

type Person = { id: number; role: Role; departmentId: number; name: string };

/** The quarter's delivery schedule, in rank order: [title, size, period (0-2), status now, owner index]. */
const SCHEDULED: [string, Size, number, ItemStatus, number][] = [
  ['Faster checkout page load', 'M', 0, 'delivered', 0],
  ['Export invoices to the accounting system', 'S', 0, 'in_delivery', 1],
  ['Two-factor sign-in for admins', 'M', 0, 'in_delivery', 0],
  ['Order history search', 'S', 1, 'scheduled', 1],
  ['Refunds from the support console', 'M', 1, 'scheduled', 0],
  ['Partner API rate limits', 'S', 1, 'scheduled', 1],
  ['Quarterly usage report for customers', 'L', 2, 'scheduled', 0],
  ['Warehouse stock sync every hour', 'M', 2, 'scheduled', 1],
];

const MONTHS = [
  ['October', '2026-10-05', '2026-10-30'],
  ['November', '2026-11-02', '2026-11-27'],
  ['December', '2026-11-30', '2026-12-25'],
] as const;

/** The days of the story (UTC). */
const DAY = {
  asked: '2026-08-17T10:00:00.000Z',
  planned: '2026-09-07T09:00:00.000Z',
  preread: '2026-09-14T09:00:00.000Z',
  meeting: '2026-09-23T13:00:00.000Z',
  ended: '2026-09-23T14:45:00.000Z',
  outcome: '2026-09-24T09:00:00.000Z',
  scheduled: '2026-09-30T10:00:00.000Z',
  schedulePublished: '2026-10-01T09:00:00.000Z',
  deliveryStarted: '2026-10-05T08:00:00.000Z',
  delivered: '2026-10-28T16:00:00.000Z',
};
const GIFT_REASON = 'Not this quarter: capacity.';

/**
 * 2026-Q4, the quarter in delivery, as one story a newcomer can follow (the README tells it):
 * - 17 August: the items are asked for, and curated into the cycle;
 * - 14 September: the pm sends the pre-read of "2026-Q4 prioritisation"; the leaders read it;
 * - 23 September: the meeting: the leaders vote, eight items are accepted and "Gift cards" deferred;
 * - 24 September: the pm publishes the outcome; 30 September: the pm schedules the eight items over
 *   October, November and December (owners, kickoffs); 1 October: the pm publishes the schedule;
 * - from 5 October: three items go into delivery; "Faster checkout page load" is delivered on 28 October.
 * So the cycle is listed as published, and so are its outcome and schedule; the moves into delivery
 * since are not published yet, which the schedule page lists for the pm to publish. Every step is in
 * the items' history on its day. Rosa Requestor asked for "Order history search".
 */
export async function seedDeliverySchedule(db: Db, people: Map<string, Person>) {
  const pm = people.get('pm@quorum.test')!;
  const leaders = [...people.values()].filter((p) => p.role === 'leader');
  const owners = [people.get('engineer@quorum.test')!, people.get('engineer2@quorum.test')!];
  const rosa = people.get('requestor@quorum.test')!;

  const cycle = await makeCycle(db, {
    name: '2026-Q4',
    startsOn: '2026-10-05',
    endsOn: '2026-12-25',
    capacityWeeks: 30,
    status: 'published',
    createdAt: '2026-08-10T09:00:00.000Z',
  });
  const theme = await makeTheme(db, cycle.id, {
    name: 'Keep customers',
    keyOutcome: 'Fewer support tickets per order',
  });
  const periods = await db
    .insert(schedulePeriods)
    .values(
      MONTHS.map(([name, startsOn, endsOn], position) => ({
        cycleId: cycle.id,
        name,
        startsOn,
        endsOn,
        capacityWeeks: 10,
        position,
      })),
    )
    .returning();
  periods.sort((x, y) => x.position - y.position);

  // The items as they stand today; their history is written below, each step on its day.
  const history: NewEvent[] = [];
  const log = (at: string, actorId: number, subjectId: number, type: string, data: Record<string, unknown>) =>
    history.push({ at, actorId, type, subjectType: 'item', subjectId, data });
  let rank: string | null = null;
  const scheduled: {
    item: Item;
    entry: { periodId: number; ownerId: number; kickoffOn: string };
    period: (typeof periods)[number];
    owner: Person;
  }[] = [];
  for (const [i, [title, size, p, status, o]] of SCHEDULED.entries()) {
    const requestor = title === 'Order history search' ? rosa : leaders[i % leaders.length];
    rank = keyBetween(rank, null);
    const item = await makeItem(db, {
      cycleId: cycle.id,
      themeId: theme.id,
      title,
      description: `${title}: agreed in the 2026-Q4 prioritisation.`,
      businessBenefit: 'Fewer support tickets and faster orders.',
      estimateSize: size,
      sme: owners[o].name,
      sponsorId: leaders[(i + 1) % leaders.length].id,
      requestorId: requestor.id,
      departmentId: requestor.departmentId,
      status,
      rank,
      createdAt: DAY.asked,
      updatedAt: { scheduled: DAY.scheduled, in_delivery: DAY.deliveryStarted }[status as string] ?? DAY.delivered,
    });
    const entry = { periodId: periods[p].id, ownerId: owners[o].id, kickoffOn: periods[p].startsOn };
    await db.insert(scheduleEntries).values({ itemId: item.id, ...entry });
    scheduled.push({ item, entry, period: periods[p], owner: owners[o] });
  }
  const gift = await makeItem(db, {
    cycleId: cycle.id,
    themeId: theme.id,
    title: 'Gift cards',
    description: 'Sell and redeem gift cards at checkout.',
    businessBenefit: 'A new revenue stream for the holidays.',
    estimateSize: 'M',
    sme: owners[0].name,
    sponsorId: leaders[1].id,
    requestorId: leaders[0].id,
    departmentId: leaders[0].departmentId,
    status: 'deferred',
    decisionReason: GIFT_REASON,
    createdAt: DAY.asked,
    updatedAt: DAY.meeting,
  });
  const agenda: Item[] = [...scheduled.map((s) => s.item), gift];

  // The meeting, its pre-read (frozen as the items were then: curated, unranked), and its reading.
  const meeting = await makeMeeting(db, {
    cycleId: cycle.id,
    facilitatorId: pm.id,
    title: '2026-Q4 prioritisation',
    scheduledAt: DAY.meeting,
    durationMinutes: 120,
    location: 'Board room and video call',
    attendees: leaders.map((l) => ({ userId: l.id })),
    itemIds: agenda.map((i) => i.id),
  });
  await db
    .update(meetings)
    .set({ status: 'closed', startedAt: DAY.meeting, endedAt: DAY.ended, createdAt: DAY.planned })
    .where(eq(meetings.id, meeting.id));
  const preread = (
    await db
      .insert(prereads)
      .values({
        meetingId: meeting.id,
        sentAt: DAY.preread,
        sentBy: pm.id,
        snapshot: await buildMeetingSnapshot(db, meeting, cycle),
      })
      .returning()
  )[0];
  await db
    .insert(prereadReads)
    .values(
      leaders.map((l, i) => ({ prereadId: preread.id, userId: l.id, readAt: `2026-09-1${5 + (i % 3)}T08:30:00.000Z` })),
    );

  // The meeting: five of the six leaders accept each scheduled item (a different one defers each
  // time); four defer the gift cards. Each decision follows its tally, ten minutes apart.
  for (const [i, item] of agenda.entries()) {
    const isGift = item.id === gift.id;
    const at = new Date(Date.parse(DAY.meeting) + (i + 1) * 10 * 60_000).toISOString();
    const choice = (v: number): VoteChoice =>
      isGift ? (v < 2 ? 'accept' : 'defer') : v === i % leaders.length ? 'defer' : 'accept';
    await db
      .insert(votes)
      .values(leaders.map((l, v) => ({ meetingId: meeting.id, itemId: item.id, userId: l.id, choice: choice(v), at })));
    const outcome: DecisionOutcome = isGift ? 'deferred' : 'accepted';
    const reason = isGift ? GIFT_REASON : '';
    await db.insert(decisions).values({
      meetingId: meeting.id,
      itemId: item.id,
      outcome,
      reason,
      suggested: outcome,
      decidedBy: pm.id,
      decidedAt: at,
    });
    await db
      .insert(meetingItemState)
      .values({ meetingId: meeting.id, itemId: item.id, votingClosed: true, revealed: true });
    log(at, pm.id, item.id, 'item.status_changed', {
      changes: isGift
        ? { status: { from: 'curated', to: 'deferred' }, decisionReason: { from: null, to: GIFT_REASON } }
        : { status: { from: 'curated', to: 'accepted' }, rank: { from: null, to: item.rank } },
    });
  }
  await db.insert(outcomePublications).values({ meetingId: meeting.id, publishedAt: DAY.outcome, publishedBy: pm.id });

  // The schedule: each item given its period, owner and kickoff, and so scheduled; then published.
  for (const { item, entry, period } of scheduled) {
    const before = { periodId: null, ownerId: null, kickoffOn: null, period: null };
    log(DAY.scheduled, pm.id, item.id, 'item.schedule_changed', { before, after: { ...entry, period: period.name } });
    log(DAY.scheduled, pm.id, item.id, 'item.status_changed', {
      changes: { status: { from: 'accepted', to: 'scheduled' } },
    });
  }
  await db.insert(schedulePublications).values({
    cycleId: cycle.id,
    publishedAt: DAY.schedulePublished,
    publishedBy: pm.id,
    summary: [],
    snapshot: scheduled.map(({ item, entry, period, owner }) => ({
      itemId: item.id,
      title: item.title,
      rank: item.rank,
      status: 'scheduled',
      period: period.name,
      owner: owner.name,
      kickoffOn: entry.kickoffOn,
    })),
  });

  // Delivery since: what is in delivery started on the first kickoff; one item is delivered.
  for (const { item } of scheduled) {
    if (item.status === 'scheduled') continue;
    log(DAY.deliveryStarted, pm.id, item.id, 'item.status_changed', {
      changes: { status: { from: 'scheduled', to: 'in_delivery' } },
    });
    if (item.status === 'delivered')
      log(DAY.delivered, pm.id, item.id, 'item.status_changed', {
        changes: { status: { from: 'in_delivery', to: 'delivered' } },
      });
  }
  // Appended in time order, so the audit log reads as the story happened.
  for (const e of history.sort((a, b) => (a.at! < b.at! ? -1 : a.at! > b.at! ? 1 : 0))) await appendEvent(db, e);
  return cycle;
}
