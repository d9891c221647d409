/**
 * What one cell of the authorization matrix stands on: fresh records of its own (a new World, so no
 * two cells share anything a write could change), the person acting (`me`, null for nobody signed
 * in), and a pm of the test who arranges, through the app itself, what cannot simply be inserted
 * (a distributed pre-read, a live meeting, a change request).
 */
import { eq } from 'drizzle-orm';
import { makeItem, makeMeeting, makeScheduleEntry, makeSchedulePeriod, makeTheme } from '../../db/factories';
import {
  agendaItems,
  comments,
  items as items_,
  notifications,
  scheduleFlags,
  type Item,
  type ItemStatus,
  type Role,
} from '../../db/schema';
import type { Person, World } from '../fixtures/world';
import type { Client } from './http';

export type Who = 'anonymous' | Role;
export const EVERYONE: readonly Who[] = ['anonymous', 'admin', 'pm', 'leader', 'engineer', 'requestor'];

export type Scene = {
  world: World;
  who: Who;
  me: Person | null;
  /** The test's pm (signed in), who arranges what goes through the app. */
  pm: Person;
  pmClient: Client;
};

let people = 0;
/** Another person of the scene, nobody who acts in the cell. */
export async function other(s: Scene, role: Role): Promise<Person> {
  people += 1;
  return s.world.person(role, { name: `Other ${role} ${people}` });
}

/** `me` when someone is signed in, otherwise another person of that role (anonymous has nothing of their own). */
export async function meOr(s: Scene, role: Role): Promise<Person> {
  return s.me ?? (await other(s, role));
}

export function cycle(s: Scene, opts: Parameters<World['cycle']>[0] = {}) {
  return s.world.cycle({ capacityWeeks: 40, ...opts });
}

export async function item(
  s: Scene,
  opts: { cycleId: number | null; requestor?: Person; status?: ItemStatus; sme?: string; sponsorId?: number },
): Promise<Item> {
  const requestor = opts.requestor ?? (await other(s, 'leader'));
  return makeItem(s.world.db, {
    cycleId: opts.cycleId,
    requestorId: requestor.id,
    departmentId: requestor.departmentId,
    status: opts.status ?? 'curated',
    title: s.world.named(`Item ${Math.random().toString(36).slice(2, 8)}`),
    description: 'What it is.',
    businessBenefit: 'Why it matters.',
    estimateSize: 'M',
    sme: opts.sme ?? requestor.name,
    sponsorId: opts.sponsorId ?? null,
  });
}

const VOTERS: readonly Role[] = ['leader', 'pm', 'admin'];

/** A planned meeting of a new cycle, facilitated by the test's pm, with `attendees` as voters and two items. */
export async function meeting(s: Scene, attendees: Person[], opts: { sme?: string } = {}) {
  const c = await cycle(s);
  const items = [await item(s, { cycleId: c.id, sme: opts.sme }), await item(s, { cycleId: c.id })];
  const m = await makeMeeting(s.world.db, {
    cycleId: c.id,
    facilitatorId: s.pm.id,
    title: s.world.named('Meeting'),
    // Only leaders, pms and admins may vote: anyone else attends as an observer, as the app would have it.
    attendees: attendees.map((a) => ({ userId: a.id, role: VOTERS.includes(a.role) ? 'voter' : 'observer' })),
    itemIds: items.map((i) => i.id),
  });
  return { cycle: c, items, meeting: m };
}

/** Sends the meeting's pre-read through the app, as its pm would. */
export async function distribute(s: Scene, meetingId: number) {
  await expectOk(
    s.pmClient.action('distributeAction', { meetingId: String(meetingId), confirmLate: 'on' }),
    'distribute',
  );
}

/** Starts the meeting through the app (confirming a start without a pre-read or ahead of its time). */
export async function startLive(s: Scene, meetingId: number) {
  await expectOk(
    s.pmClient.api('POST', `/api/meetings/${meetingId}/live`, {
      action: 'start',
      votesVisibility: 'live',
      weighted: false,
      confirm: ['no_preread', 'early'],
    }),
    'start the meeting',
  );
}

/** Runs the meeting from start to end and publishes its outcome, through the app, as its pm would. */
export async function endAndPublish(s: Scene, meetingId: number, cycleId: number) {
  await startLive(s, meetingId);
  // Nothing was decided: every agenda item is kept for a follow-up, as ending requires a choice per item.
  const undecided = (
    await s.world.db
      .select({ itemId: agendaItems.itemId })
      .from(agendaItems)
      .where(eq(agendaItems.meetingId, meetingId))
  ).map(({ itemId }) => ({ itemId, disposition: 'follow_up' }));
  await expectOk(
    s.pmClient.api('POST', `/api/meetings/${meetingId}/live`, { action: 'end', undecided }),
    'end the meeting',
  );
  await expectOk(
    s.pmClient.action('publishOutcomeAction', { cycleId: String(cycleId) }, `/cycles/${cycleId}/outcome`),
    'publish the outcome',
  );
}

/** Publishes the cycle's delivery schedule through the app, as its pm would. */
export async function publishSchedule(s: Scene, cycleId: number) {
  await expectOk(
    s.pmClient.action('publishScheduleAction', { cycleId: String(cycleId) }, `/cycles/${cycleId}/schedule`),
    'publish the schedule',
  );
}

/** A question on the meeting's pre-read, asked by `asker`. */
export async function question(s: Scene, meetingId: number, itemId: number, asker: Person) {
  return (
    await s.world.db
      .insert(comments)
      .values({
        itemId,
        meetingId,
        authorId: asker.id,
        kind: 'question',
        body: 'How long will it take?',
        createdAt: new Date().toISOString(),
      })
      .returning()
  )[0];
}

/**
 * A cycle in delivery: published, two periods, two scheduled items (the second one requested by
 * `requestor`), each with an owner; `owner` owns the first.
 */
export async function delivery(s: Scene, opts: { owner?: Person; requestor?: Person } = {}) {
  const { db } = s.world;
  const c = await cycle(s, { startsOn: '2026-10-05', endsOn: '2027-03-26', status: 'published' });
  await makeTheme(db, c.id, { name: s.world.named('Theme') });
  const periods = [
    await makeSchedulePeriod(db, c.id, {
      name: 'First',
      startsOn: '2026-10-05',
      endsOn: '2026-12-25',
      capacityWeeks: 20,
    }),
    await makeSchedulePeriod(db, c.id, {
      name: 'Second',
      startsOn: '2027-01-04',
      endsOn: '2027-03-26',
      capacityWeeks: 20,
    }),
  ];
  const owner = opts.owner ?? (await other(s, 'engineer'));
  const items = [
    await item(s, { cycleId: c.id, status: 'scheduled' }),
    await item(s, { cycleId: c.id, status: 'scheduled', requestor: opts.requestor }),
  ];
  await db.update(items_).set({ rank: 'a0' }).where(eq(items_.id, items[0].id));
  await db.update(items_).set({ rank: 'a1' }).where(eq(items_.id, items[1].id));
  for (const [i, it] of items.entries())
    await makeScheduleEntry(db, {
      itemId: it.id,
      periodId: periods[i].id,
      ownerId: owner.id,
      kickoffOn: periods[i].startsOn,
    });
  return { cycle: c, periods, items, owner };
}

/** A flag (a question or a problem) on a scheduled item, raised by `author`. */
export async function flag(s: Scene, itemId: number, author: Person) {
  return (
    await s.world.db
      .insert(scheduleFlags)
      .values({
        itemId,
        authorId: author.id,
        kind: 'flag',
        body: 'Blocked on the vendor.',
        createdAt: new Date().toISOString(),
      })
      .returning()
  )[0];
}

/** A notification for `recipient` that links to `link`. */
export async function notification(s: Scene, recipient: Person, link: string) {
  return (
    await s.world.db
      .insert(notifications)
      .values({
        userId: recipient.id,
        kind: 'preread',
        title: 'Something for you',
        link,
        createdAt: new Date().toISOString(),
      })
      .returning()
  )[0];
}

/** Throws when arranging a scene through the app did not succeed. */
export async function expectOk(answer: Promise<{ kind: string }>, what: string) {
  const a = await answer;
  if (a.kind !== 'ok') throw new Error(`Arranging the scene failed (${what}): ${JSON.stringify(a)}`);
}
