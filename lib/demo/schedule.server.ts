import type { Db } from '@/db/client';
import { makeCycle, makeItem, makeTheme } from '@/db/factories';
import { scheduleEntries, schedulePeriods, type ItemStatus, type Role, type Size } from '@/db/schema';
import { keyBetween } from '@/lib/ranking/fractional-index';

type Person = { id: number; role: Role; departmentId: number; name: string };

/** The current quarter's delivery schedule: [title, size, period (0-2), status, owner index]. */
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

/**
 * Cycle 2026-Q4, in delivery: three monthly periods, eight scheduled items in rank order with
 * owners and kickoff dates (some in delivery, one delivered) and one deferred item, so the
 * schedule and emergency re-prioritisation can be tried at once. Rosa Requestor asked for
 * "Order history search": moving it out tells her why.
 */
export function seedDeliverySchedule(db: Db, people: Map<string, Person>) {
  const cycle = makeCycle(db, {
    name: '2026-Q4',
    startsOn: '2026-10-05',
    endsOn: '2026-12-25',
    capacityWeeks: 30,
    status: 'published',
  });
  const theme = makeTheme(db, cycle.id, { name: 'Keep customers', keyOutcome: 'Fewer support tickets per order' });
  const months = [
    ['October', '2026-10-05', '2026-10-30'],
    ['November', '2026-11-02', '2026-11-27'],
    ['December', '2026-11-30', '2026-12-25'],
  ] as const;
  const periods = months.map(([name, startsOn, endsOn], position) =>
    db
      .insert(schedulePeriods)
      .values({ cycleId: cycle.id, name, startsOn, endsOn, capacityWeeks: 10, position })
      .returning()
      .get(),
  );
  const owners = [people.get('engineer@quorum.test')!, people.get('engineer2@quorum.test')!];
  const leaders = [...people.values()].filter((p) => p.role === 'leader');
  const rosa = people.get('requestor@quorum.test')!;
  let rank: string | null = null;
  SCHEDULED.forEach(([title, size, period, status, owner], i) => {
    const requestor = title === 'Order history search' ? rosa : leaders[i % leaders.length];
    rank = keyBetween(rank, null);
    const item = makeItem(db, {
      cycleId: cycle.id,
      themeId: theme.id,
      title,
      description: `${title}: agreed in the 2026-Q4 prioritisation.`,
      businessBenefit: 'Fewer support tickets and faster orders.',
      estimateSize: size,
      sme: owners[owner].name,
      sponsorId: leaders[(i + 1) % leaders.length].id,
      requestorId: requestor.id,
      departmentId: requestor.departmentId,
      status,
      rank,
    });
    db.insert(scheduleEntries)
      .values({
        itemId: item.id,
        periodId: periods[period].id,
        ownerId: owners[owner].id,
        kickoffOn: periods[period].startsOn,
      })
      .run();
  });
  const requestor = leaders[0];
  makeItem(db, {
    cycleId: cycle.id,
    themeId: theme.id,
    title: 'Gift cards',
    description: 'Sell and redeem gift cards at checkout.',
    businessBenefit: 'A new revenue stream for the holidays.',
    estimateSize: 'M',
    sme: owners[0].name,
    sponsorId: leaders[1].id,
    requestorId: requestor.id,
    departmentId: requestor.departmentId,
    status: 'deferred',
    decisionReason: 'Not this quarter: capacity.',
  });
  return cycle;
}
