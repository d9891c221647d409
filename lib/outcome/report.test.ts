import { describe, expect, it } from 'vitest';
import { followUpAll } from '@/lib/live-meeting/ending-test-helpers';
import { and, eq } from 'drizzle-orm';
import { makeCycle, makeUser } from '@/db/factories';
import { cycles, items, meetings, notifications, outbox } from '@/db/schema';
import { ConflictError, ForbiddenError, NotFoundError } from '@/lib/errors';
import { meetingRowCounts, plannedMeeting } from '@/lib/meetings/test-helpers';
import { setAttendees } from '@/lib/meetings/attendees.server';
import { setEmailPrefs } from '@/lib/notifications/prefs.server';
import { listMyRequests } from '@/lib/requests/requests.server';
import { db, eventsOf, readItem, countRows, userWithRole } from '@/lib/testing/db';
import { addNote, recordDecision } from '@/lib/live-meeting/decisions.server';
import { cycleOutcome, NOT_PUBLISHED, OutcomeNotPublishedError } from './report.server';
import { outcomeTable } from './export';
import { outcomeMarkdown } from '@/lib/outcome/markdown';
import { ALREADY_PUBLISHED, NO_MEETING_ENDED, publishOutcome } from './publish.server';
import { moveAccepted } from '@/lib/live-meeting/ranking-moves.server';
import { endMeeting, goToItem, startMeeting } from '@/lib/live-meeting/session.server';
import { castVote } from '@/lib/live-meeting/votes.server';
import type { TestUser } from '@/db/factories';
import { first } from '@/db/rows';

/**
 * A meeting of four items that ended: a and b accepted (b ranked first; with a capacity of 5 and
 * 3 weeks each, only b fits), c rejected with a reason, d deferred. Each item has its own people:
 * rosa requested a and b (and sponsors b herself), `sponsor` backs a, sam requested c (sponsored
 * by a deactivated leader), ted requested d. An observer (a requestor) attends without voting.
 */
async function endedMeeting(opts: { undecided?: boolean } = {}) {
  // With `undecided`, a fifth agenda item is never reached.
  const setup = await plannedMeeting({ items: opts.undecided ? 5 : 4 });
  const { pm, leaders, meeting, cycle, departments } = setup;
  const [a, b, c, d] = setup.items;
  const rosa = await userWithRole('requestor', { departmentId: departments.sales.id });
  const sam = await userWithRole('requestor', { departmentId: departments.finance.id });
  const ted = await userWithRole('requestor');
  const sponsor = await userWithRole('leader', { departmentId: departments.sales.id });
  const former = await makeUser(db, { role: 'leader', active: false });
  const observer = await userWithRole('requestor');
  const people: [number, number, number | null][] = [
    [a.id, rosa.id, sponsor.id],
    [b.id, rosa.id, rosa.id],
    [c.id, sam.id, former.id],
    [d.id, ted.id, null],
  ];
  for (const [id, requestorId, sponsorId] of people)
    await db.update(items).set({ requestorId, sponsorId }).where(eq(items.id, id));
  await db.update(cycles).set({ capacityWeeks: 5 }).where(eq(cycles.id, cycle.id));
  await setAttendees(pm, meeting.id, [
    ...leaders.map((l) => ({ userId: l.id, role: 'voter' })),
    { userId: observer.id, role: 'observer' },
  ]);

  await startMeeting(pm, meeting.id, { votesVisibility: 'live', weighted: false, confirm: ['no_preread', 'early'] });
  const next = async () =>
    goToItem(
      pm,
      meeting.id,
      'next',
      first(await db.select().from(meetings).where(eq(meetings.id, meeting.id)))!.version,
    );
  await castVote(leaders[0], meeting.id, a.id, { choice: 'accept' });
  await castVote(leaders[1], meeting.id, a.id, { choice: 'accept' });
  await addNote(pm, meeting.id, a.id, 'Needs the billing rewrite first');
  await recordDecision(pm, meeting.id, a.id, { outcome: 'accepted' });
  await next();
  await castVote(leaders[0], meeting.id, b.id, { choice: 'accept' });
  await recordDecision(pm, meeting.id, b.id, { outcome: 'accepted' });
  await next();
  await castVote(leaders[0], meeting.id, c.id, { choice: 'reject' });
  await castVote(leaders[1], meeting.id, c.id, { choice: 'reject' });
  await recordDecision(pm, meeting.id, c.id, { outcome: 'rejected', reason: 'No budget, this quarter' });
  await next();
  await recordDecision(pm, meeting.id, d.id, { outcome: 'deferred', reason: 'Wait for the audit' });
  await moveAccepted(pm, meeting.id, b.id, 0, (await readItem(b.id)).version);
  await endMeeting(pm, meeting.id, await followUpAll(meeting.id));
  return { ...setup, a, b, c, d, rosa, sam, ted, sponsor, former, observer };
}

const outcomeRows = () => countRows('outcome_publications');
const writes = async () => ({ ...(await meetingRowCounts()), outcome_publications: await outcomeRows() });
const mine = async (user: TestUser) =>
  db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, user.id), eq(notifications.kind, 'outcome.published')));
const mail = async (user: TestUser) => db.select().from(outbox).where(eq(outbox.toUserId, user.id));

async function ready(actor: TestUser, cycleId: number) {
  const outcome = await cycleOutcome(actor, cycleId);
  if (outcome.state !== 'ready') throw new Error('expected an outcome');
  return outcome;
}

describe('cycleOutcome', () => {
  it('shows the ranking with its cut line, key outcomes per theme, every decision with its tally, and attendance', async () => {
    const s = await endedMeeting();
    const o = await ready(s.pm, s.cycle.id);
    expect(o.cycle).toEqual({ id: s.cycle.id, name: s.cycle.name, capacityWeeks: 5 });
    expect(o.meeting).toMatchObject({
      id: s.meeting.id,
      title: s.meeting.title,
      facilitator: s.pm.name,
      weighted: false,
    });
    expect(o.meeting.startedAt && o.meeting.endedAt).toBeTruthy();

    expect(o.ranking.items).toEqual([
      { itemId: s.b.id, position: 1, title: 'Agenda item 2', theme: 'Reliability', weeks: 3, aboveCut: true },
      { itemId: s.a.id, position: 2, title: 'Agenda item 1', theme: 'Growth', weeks: 3, aboveCut: false },
    ]);
    expect(o.ranking.summary).toBe('1 fit, 2 accepted — 3 of 5 person-weeks');

    expect(o.decisions.map((d) => [d.itemId, d.outcome, d.position, d.aboveCut])).toEqual([
      [s.a.id, 'accepted', 2, false],
      [s.b.id, 'accepted', 1, true],
      [s.c.id, 'rejected', null, null],
      [s.d.id, 'deferred', null, null],
    ]);
    const [a, , c, d] = o.decisions;
    expect(a).toMatchObject({
      notes: 'Needs the billing rewrite first',
      suggested: 'accepted',
      decidedBy: s.pm.name,
      weeks: 3,
    });
    expect(a.tally.counts).toEqual({ accept: 2, reject: 0, defer: 0 });
    expect(c).toMatchObject({ reason: 'No budget, this quarter', suggested: 'rejected', requestor: s.sam.name });
    expect(c.tally.byDepartment.map((x) => [x.departmentName, x.counts.reject, x.voted]).sort()).toEqual(
      [
        [s.departments.finance.name, 1, 1],
        [s.departments.sales.name, 1, 1],
      ].sort(),
    );
    expect(d).toMatchObject({ suggested: null, reason: 'Wait for the audit' });
    expect(d.tally.total).toBe(0);
    expect(o.undecided).toEqual([]);

    expect(
      o.themes.map((t) => [
        t.name,
        t.accepted.map((x) => x.itemId),
        t.rejected.map((x) => x.itemId),
        t.deferred.map((x) => x.itemId),
      ]),
    ).toEqual([
      ['Growth', [s.a.id], [s.c.id], []],
      ['Reliability', [s.b.id], [], [s.d.id]],
    ]);
    expect(o.themes[0].keyOutcome).toBe('A measurable outcome');

    const who = o.attendance.flatMap((dept) =>
      dept.attendees.map((x) => [dept.departmentName, x.name, x.role, x.voted]),
    );
    expect(who).toHaveLength(3);
    expect(who).toContainEqual([s.departments.sales.name, s.leaders[0].name, 'voter', true]);
    expect(who).toContainEqual([s.departments.finance.name, s.leaders[1].name, 'voter', true]);
    expect(who.find((x) => x[1] === s.observer.name)).toMatchObject([
      expect.any(String),
      s.observer.name,
      'observer',
      false,
    ]);
    expect(o.published).toBeNull();
    expect(o.canPublish).toBe(true);
  });

  it('keeps accepted items that went on into delivery in the prioritised list, in their rank', async () => {
    const s = await endedMeeting();
    await db.update(items).set({ status: 'scheduled' }).where(eq(items.id, s.b.id));
    await db.update(items).set({ status: 'delivered' }).where(eq(items.id, s.a.id));
    const o = await ready(s.pm, s.cycle.id);
    expect(o.ranking.items.map((i) => [i.itemId, i.position])).toEqual([
      [s.b.id, 1],
      [s.a.id, 2],
    ]);
    expect(o.decisions.find((d) => d.itemId === s.a.id)).toMatchObject({
      outcome: 'accepted',
      position: 2,
    });
  });

  it('exports what the page shows: every agenda item in rank order with its people, the Markdown with the cut line', async () => {
    const s = await endedMeeting({ undecided: true });
    const o = await ready(s.pm, s.cycle.id);
    const { sales, finance } = s.departments;
    expect(outcomeTable(o).rows.map((r) => [r[0], r[1], r[2], r[3], r[4], r[6], r[7], r[8]])).toEqual([
      [1, 'Agenda item 2', 'Reliability', 'Accepted', 'yes', s.rosa.name, s.rosa.name, finance.name],
      [2, 'Agenda item 1', 'Growth', 'Accepted', 'no', s.rosa.name, s.sponsor.name, sales.name],
      [null, 'Agenda item 3', 'Growth', 'Rejected', null, s.sam.name, s.former.name, sales.name],
      [null, 'Agenda item 4', 'Reliability', 'Deferred', null, s.ted.name, '', finance.name],
      [null, 'Agenda item 5', 'Growth', 'Not decided', null, s.pm.name, '', sales.name],
    ]);
    expect(outcomeTable(o).rows[2][9]).toBe('No budget, this quarter');
    expect(outcomeMarkdown(o)).toContain(
      '**Cut line: the 1 item above fits the capacity of 5 person-weeks; the 1 item below does not.**',
    );
  });

  it('says no meeting has ended yet, naming the one to come; 404 for an unknown cycle', async () => {
    const { pm, cycle, meeting, leaders } = await plannedMeeting();
    expect(await cycleOutcome(pm, cycle.id)).toEqual({
      state: 'none',
      canPublish: false,
      cycle: { id: cycle.id, name: cycle.name, capacityWeeks: 20 },
      pending: { id: meeting.id, title: meeting.title, status: 'scheduled' },
    });
    expect((await cycleOutcome(leaders[0], cycle.id)).state).toBe('none');
    await expect(cycleOutcome(pm, 987_654)).rejects.toThrow(NotFoundError);
  });

  it('lets backlog roles and attendees read it before publication; requestors and strangers only after', async () => {
    const s = await endedMeeting();
    const engineer = await userWithRole('engineer');
    const stranger = await userWithRole('requestor');
    for (const reader of [s.pm, s.leaders[0], s.sponsor, engineer, s.observer])
      expect((await ready(reader, s.cycle.id)).published).toBeNull();
    for (const reader of [s.rosa, stranger]) {
      await expect(cycleOutcome(reader, s.cycle.id)).rejects.toThrow(OutcomeNotPublishedError);
      await expect(cycleOutcome(reader, s.cycle.id)).rejects.toThrow(NOT_PUBLISHED);
    }
    expect((await ready(engineer, s.cycle.id)).canPublish).toBe(false);

    await publishOutcome(s.pm, s.cycle.id);
    for (const reader of [s.rosa, stranger, engineer]) {
      expect(await ready(reader, s.cycle.id)).toMatchObject({ published: { by: s.pm.name }, canPublish: false });
    }
    expect((await ready(s.pm, s.cycle.id)).canPublish).toBe(false);
  });

  it('refuses a requestor when nothing has ended (nothing is published)', async () => {
    const { cycle } = await plannedMeeting();
    const requestor = await userWithRole('requestor');
    await expect(cycleOutcome(requestor, cycle.id)).rejects.toThrow(ForbiddenError);
  });
});

describe('publishOutcome', () => {
  it("records it, logs the event and tells each requestor and sponsor their item's fate once, with the reason for a rejection", async () => {
    const s = await endedMeeting();
    await setEmailPrefs(s.ted, { kinds: [] }); // ted reads in-app only
    expect(await publishOutcome(s.pm, s.cycle.id)).toEqual({ meetingId: s.meeting.id, items: 4, people: 4 });

    const rosa = (await mine(s.rosa)).sort((x, y) => x.id - y.id);
    expect(rosa.map((n) => [n.title, n.link])).toEqual([
      ['Your request "Agenda item 1" was accepted', `/requests/${s.a.id}`],
      ['Your request "Agenda item 2" was accepted', `/requests/${s.b.id}`], // she sponsors it too: told once
    ]);
    expect(rosa[0].body).toBe(
      'Accepted, ranked 2 of 2: below the cut line, it does not fit the capacity of 5 person-weeks unless items above it drop out.',
    );
    expect(rosa[1].body).toBe('Accepted, ranked 1 of 2: above the cut line, it fits the capacity of 5 person-weeks.');
    expect(await mine(s.sponsor)).toMatchObject([
      {
        title: '"Agenda item 1", which you sponsor, was accepted',
        link: `/cycles/${s.cycle.id}/outcome#decision-${s.a.id}`,
      },
    ]);
    expect(await mine(s.sam)).toMatchObject([
      { title: 'Your request "Agenda item 3" was rejected', body: 'Rejected. Reason: No budget, this quarter' },
    ]);
    expect(await mine(s.ted)).toMatchObject([{ body: 'Deferred to a later cycle. Reason: Wait for the audit' }]);
    expect(await mine(s.former)).toEqual([]);

    expect(await mail(s.rosa)).toHaveLength(2);
    expect(await mail(s.sponsor)).toHaveLength(1);
    expect(await mail(s.sam)).toMatchObject([
      { subject: `[Quorum · ${s.cycle.name}] Your request "Agenda item 3" was rejected` },
    ]);
    expect((await mail(s.sam))[0].text).toContain('Reason: No budget, this quarter');
    expect((await mail(s.sam))[0].text).toContain(`/requests/${s.c.id}`);
    expect(await mail(s.ted)).toEqual([]);
    expect(await mail(s.former)).toEqual([]);

    expect((await eventsOf('meeting', s.meeting.id)).at(-1)).toMatchObject({
      type: 'outcome.published',
      actorId: s.pm.id,
      data: {
        cycleId: s.cycle.id,
        items: 4,
        recipientIds: [s.rosa.id, s.sam.id, s.ted.id, s.sponsor.id].sort((x, y) => x - y),
      },
    });
  });

  it('refuses a second publication without writing or notifying again', async () => {
    const s = await endedMeeting();
    await publishOutcome(s.pm, s.cycle.id);
    const before = await writes();
    const admin = await userWithRole('admin');
    await expect(publishOutcome(admin, s.cycle.id)).rejects.toThrow(ConflictError);
    await expect(publishOutcome(s.pm, s.cycle.id)).rejects.toThrow(ALREADY_PUBLISHED);
    expect(await writes()).toEqual(before);
    expect(await mine(s.rosa)).toHaveLength(2);
  });

  it('refuses with no ended meeting, someone who is not a pm or admin, and an unknown cycle, writing nothing', async () => {
    const { pm, cycle, leaders } = await plannedMeeting();
    const empty = await makeCycle(db);
    const before = await writes();
    await expect(publishOutcome(pm, cycle.id)).rejects.toThrow(NO_MEETING_ENDED);
    await expect(publishOutcome(pm, empty.id)).rejects.toThrow(ConflictError);
    await expect(publishOutcome(leaders[0], cycle.id)).rejects.toThrow(ForbiddenError);
    await expect(publishOutcome(pm, 987_654)).rejects.toThrow(NotFoundError);
    expect(await writes()).toEqual(before);
  });
});

describe('listMyRequests after a meeting', () => {
  it('names the meeting that decided a request, and links the outcome, once it is published', async () => {
    const s = await endedMeeting();
    const find = async () => (await listMyRequests(s.rosa)).find((r) => r.id === s.a.id)!;
    // Until publication the requestor, who was not in the meeting, is told nothing of the decision.
    expect(await find()).toMatchObject({ status: 'under_review', decisionReason: null, decidedIn: null });
    await publishOutcome(s.pm, s.cycle.id);
    expect(await find()).toMatchObject({ status: 'accepted' });
    expect((await find()).decidedIn).toEqual({
      meetingTitle: s.meeting.title,
      outcomePath: `/cycles/${s.cycle.id}/outcome`,
    });
    expect((await listMyRequests(s.ted)).find((r) => r.id === s.d.id)).toMatchObject({
      status: 'deferred',
      decisionReason: 'Wait for the audit',
    });
    const undecided = await userWithRole('requestor');
    expect(await listMyRequests(undecided)).toEqual([]);
  });
});
