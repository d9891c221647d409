import type { Item } from '@/db/schema';
import { makeCycle, makeDepartment, makeItem, makeTheme } from '@/db/factories';
import { db, countRows, userWithRole } from '@/lib/testing/db';
import { setAgenda } from './agenda.server';
import { setAttendees } from './attendees.server';
import { createMeeting } from './meetings.server';
import type { TestUser } from '@/db/factories';

/** Meeting test set-up through the real lib/ functions, so the tests exercise what the pages call. */

export const DAY = 86_400_000;

const TABLES = [
  'meetings',
  'meeting_attendees',
  'agenda_items',
  'prereads',
  'preread_updates',
  'preread_reminders',
  'notifications',
  'outbox',
  'events',
  'cycles',
] as const;

/** Row counts of the tables a meeting write touches, to assert that a refusal wrote nothing. */
export async function meetingRowCounts(): Promise<Record<(typeof TABLES)[number], number>> {
  const counts: [string, number][] = [];
  for (const t of TABLES) counts.push([t, await countRows(t)]);
  return Object.fromEntries(counts) as Record<(typeof TABLES)[number], number>;
}

export const meetingInput = (facilitatorId: number, over: Record<string, unknown> = {}) => ({
  title: 'Q1 prioritisation',
  scheduledAt: new Date(Date.now() + 14 * DAY).toISOString(),
  durationMinutes: '90',
  location: 'Room 4',
  facilitatorId: String(facilitatorId),
  ...over,
});

/**
 * A cycle with two themes and curated items, a pm, leaders from two departments, and a meeting
 * `daysAhead` days out with those leaders attending and the items on its agenda.
 */
export async function plannedMeeting(opts: { daysAhead?: number; items?: number; attendees?: boolean } = {}) {
  const pm = await userWithRole('pm');
  const sales = await makeDepartment(db);
  const finance = await makeDepartment(db);
  const leaders: TestUser[] = [
    await userWithRole('leader', { departmentId: sales.id }),
    await userWithRole('leader', { departmentId: finance.id }),
  ];
  const cycle = await makeCycle(db, { capacityWeeks: 20 });
  const themes = [
    await makeTheme(db, cycle.id, { name: 'Growth' }),
    await makeTheme(db, cycle.id, { name: 'Reliability' }),
  ];
  const items: Item[] = [];
  for (let i = 0; i < (opts.items ?? 2); i++)
    items.push(
      await makeItem(db, {
        cycleId: cycle.id,
        themeId: themes[i % 2].id,
        title: `Agenda item ${i + 1}`,
        estimateSize: 'M',
        requestorId: pm.id,
        departmentId: i % 2 ? finance.id : sales.id,
        status: 'curated',
      }),
    );
  const scheduledAt = new Date(Date.now() + (opts.daysAhead ?? 14) * DAY).toISOString();
  const meeting = await createMeeting(pm, cycle.id, meetingInput(pm.id, { scheduledAt }));
  if (opts.attendees !== false)
    await setAttendees(
      pm,
      meeting.id,
      leaders.map((l) => ({ userId: l.id, role: 'voter' })),
    );
  if (items.length)
    await setAgenda(
      pm,
      meeting.id,
      items.map((i) => i.id),
    );
  return { pm, leaders, cycle, themes, items, meeting, departments: { sales, finance } };
}
