import { eq } from 'drizzle-orm';
import { makeUser } from '@/db/factories';
import { cycles, items, meetings } from '@/db/schema';
import { plannedMeeting } from '@/lib/meetings/test-helpers';
import { setAttendees } from '@/lib/meetings/attendees.server';
import { db, readItem, userWithRole } from '@/lib/testing/db';
import { addNote, recordDecision } from '@/lib/live-meeting/decisions.server';
import { moveAccepted } from '@/lib/live-meeting/ranking-moves.server';
import { endMeeting, goToItem, startMeeting } from '@/lib/live-meeting/session.server';
import { followUpAll } from '@/lib/live-meeting/test-ending';
import { castVote } from '@/lib/live-meeting/votes.server';
import { first } from '@/db/rows';

/**
 * A meeting of four items that ended: a and b accepted (b ranked first; with a capacity of 5 and
 * 3 weeks each, only b fits), c rejected with a reason, d deferred. Each item has its own people:
 * rosa requested a and b (and sponsors b herself), `sponsor` backs a, sam requested c (sponsored
 * by a deactivated leader), ted requested d. An observer (a requestor) attends without voting.
 */
export async function endedMeeting(opts: { undecided?: boolean } = {}) {
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
