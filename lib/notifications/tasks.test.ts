import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { makeItem } from '@/db/factories';
import { items, notifications } from '@/db/schema';
import { declineChangeRequest } from '@/lib/changes/decide.server';
import { raiseChangeRequest } from '@/lib/changes/requests.server';
import { conveneSession, respond } from '@/lib/changes/sessions.server';
import { changeInput, seedScheduledCycle } from '@/lib/changes/test-helpers';
import { distributePreread } from '@/lib/meetings/distribute.server';
import { remindUnread } from '@/lib/meetings/reminders.server';
import { DAY, plannedMeeting } from '@/lib/meetings/test-helpers';
import { openPreread } from '@/lib/prereads/read.server';
import { answerQuestion, askQuestion, resolveQuestion } from '@/lib/questions/questions.server';
import { raiseFlag, resolveFlag } from '@/lib/schedule/flags.server';
import { entry, scheduleSetup } from '@/lib/schedule/test-helpers';
import { setEntry } from '@/lib/schedule/entries.server';
import { publishSchedule } from '@/lib/schedule/publish.server';
import { db, userWithRole } from '@/lib/testing/db';
import { completeTask, tasks } from './tasks.server';
import { inOrder } from '@/lib/testing/in-order';

/** Whether each of `userIds` still has an unread notification of `kind` linking to `link`. */
const unread = (kind: string, link: string, userIds: number[]) =>
  inOrder(
    userIds,
    async (userId) =>
      (
        await db
          .select({ readAt: notifications.readAt })
          .from(notifications)
          .where(and(eq(notifications.userId, userId), eq(notifications.kind, kind), eq(notifications.link, link)))
      ).filter((n) => n.readAt === null).length,
  );

describe('notifications that clear themselves once done', () => {
  it('opening the pre-read clears its notifications (sent and reminded) for the one who opened it', async () => {
    const { pm, leaders, meeting } = await plannedMeeting({ daysAhead: 14 });
    const link = `/meetings/${meeting.id}/preread`;
    await distributePreread(pm, meeting.id, {}, new Date(Date.now() - 2 * DAY));
    await remindUnread(pm, meeting.id);
    expect(await unread('preread.distributed', link, [leaders[0].id, leaders[1].id])).toEqual([1, 1]);
    expect(await unread('preread.reminder', link, [leaders[0].id, leaders[1].id])).toEqual([1, 1]);

    await openPreread(leaders[0], meeting.id);
    expect(await unread('preread.distributed', link, [leaders[0].id, leaders[1].id])).toEqual([0, 1]);
    expect(await unread('preread.reminder', link, [leaders[0].id, leaders[1].id])).toEqual([0, 1]);
  });

  it('answering a question clears the answerer’s; resolving it clears everyone’s', async () => {
    const { pm, leaders, meeting, items: agenda } = await plannedMeeting({ daysAhead: 14 });
    const sponsor = await userWithRole('leader');
    await db.update(items).set({ sponsorId: sponsor.id }).where(eq(items.id, agenda[0].id));
    await distributePreread(pm, meeting.id);
    const link = `/meetings/${meeting.id}/preread#item-${agenda[0].id}`;
    const question = await askQuestion(leaders[0], meeting.id, agenda[0].id, 'Which banks fail?');
    expect(await unread('question.asked', link, [sponsor.id, pm.id])).toEqual([1, 1]);

    await answerQuestion(sponsor, question.id, 'Two of them, both in Germany.');
    expect(await unread('question.asked', link, [sponsor.id, pm.id])).toEqual([0, 1]);
    await resolveQuestion(pm, question.id);
    expect(await unread('question.asked', link, [sponsor.id, pm.id])).toEqual([0, 0]);
  });

  it('responding clears the leader’s invitation to an emergency session; deciding clears everyone’s', async () => {
    const s = await seedScheduledCycle(db, { items: 6, periods: 3, leaders: 3 });
    const cr = (await raiseChangeRequest(s.leaders[0], s.cycle.id, changeInput(s))).changeRequest;
    const session = await conveneSession(s.pm, cr.id, { mode: 'live', inviteeIds: s.leaders.map((l) => l.id) });
    const ids = s.leaders.map((l) => l.id);
    const link = `/changes/${cr.id}`;
    expect(await unread('change.session_convened', link, ids)).toEqual([1, 1, 1]);

    await respond(s.leaders[1], session.id, { response: 'assent', comment: '' });
    expect(await unread('change.session_convened', link, ids)).toEqual([1, 0, 1]);
    await declineChangeRequest(s.pm, cr.id, { reason: 'Fixed by the bank.' });
    expect(await unread('change.session_convened', link, ids)).toEqual([0, 0, 0]);
  });

  it('resolving a question or flag on the schedule clears it for the owner and the pms', async () => {
    const s = await scheduleSetup();
    await setEntry(s.pm, s.alpha.id, entry(s.january.id, s.engineer.id, '2027-01-04'));
    await publishSchedule(s.pm, s.cycle.id);
    const flag = await raiseFlag(s.requestor, s.alpha.id, { kind: 'flag', body: 'This collides with our audit.' });
    const link = `/cycles/${s.cycle.id}/schedule#item-${s.alpha.id}`;
    expect(await unread('schedule.flagged', link, [s.engineer.id, s.pm.id])).toEqual([1, 1]);
    await resolveFlag(s.engineer, flag.id, { note: 'Moved the kickoff a week.' });
    expect(await unread('schedule.flagged', link, [s.engineer.id, s.pm.id])).toEqual([0, 0]);
  });

  it('leaves notifications that ask for nothing, and other people’s, alone', async () => {
    const [me, someoneElse] = [await userWithRole('leader'), await userWithRole('leader')];
    const item = await makeItem(db, { title: 'Unrelated', requestorId: me.id, departmentId: me.departmentId });
    const at = new Date().toISOString();
    const rows = [
      { userId: me.id, kind: 'outcome.published', title: 'News', link: `/items/${item.id}`, createdAt: at },
      {
        userId: someoneElse.id,
        kind: 'preread.distributed',
        title: 'Read',
        link: '/x',
        task: 'preread:999',
        createdAt: at,
      },
      { userId: me.id, kind: 'preread.distributed', title: 'Read', link: '/x', task: 'preread:999', createdAt: at },
    ];
    await db.insert(notifications).values(rows);
    expect(await completeTask(db, tasks.readPreread(999), me.id)).toBe(1);
    expect(await completeTask(db, tasks.readPreread(999), me.id)).toBe(0);
    const left = await db
      .select({ userId: notifications.userId, kind: notifications.kind, readAt: notifications.readAt })
      .from(notifications)
      .where(eq(notifications.createdAt, at));
    expect(left.filter((n) => n.readAt === null).map((n) => [n.userId, n.kind])).toEqual([
      [me.id, 'outcome.published'],
      [someoneElse.id, 'preread.distributed'],
    ]);
  });
});
