import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { scheduleFlags, users } from '@/db/schema';
import { ConflictError, ForbiddenError, NotFoundError } from '@/lib/errors';
import { db, eventsOf, userWithRole, validationErrorOf } from '@/lib/testing/db';
import { ScheduleNotPublishedError } from './access.server';
import { raiseFlag, resolveFlag } from './flags.server';
import { publishSchedule } from './publish.server';
import { getSchedule } from './schedule.server';
import { moveDelivery, setEntry } from '@/lib/schedule/entries.server';
import { markDelivered } from '@/lib/delivery/records.server';
import { deliveredToday, entry, mailOf, notificationsOf, scheduleRowCounts, scheduleSetup } from './test-helpers';

/** Alpha scheduled in January, owned by the engineer, and the schedule published; a second pm and a former pm. */
async function published() {
  const s = await scheduleSetup();
  const pm2 = await userWithRole('pm');
  const formerPm = await userWithRole('pm');
  await db.update(users).set({ active: false }).where(eq(users.id, formerPm.id));
  await setEntry(s.pm, s.alpha.id, entry(s.january.id, s.engineer.id, '2027-01-04'));
  await publishSchedule(s.pm, s.cycle.id);
  return { ...s, pm2, formerPm };
}

const flagged = async (u: { id: number }) => (await notificationsOf(u)).filter((n) => n.kind === 'schedule.flagged');

describe('raiseFlag', () => {
  it('lets a requestor flag a problem on a published schedule; the owner and the active pms are told', async () => {
    const s = await published();
    const flag = await raiseFlag(
      s.requestor,
      s.alpha.id,
      { kind: 'flag', body: '  This date collides with our audit  ' },
      new Date('2027-01-02T10:00:00Z'),
    );
    expect(flag).toMatchObject({
      itemId: s.alpha.id,
      authorId: s.requestor.id,
      kind: 'flag',
      body: 'This date collides with our audit',
      createdAt: '2027-01-02T10:00:00.000Z',
      resolvedAt: null,
    });
    for (const user of [s.engineer, s.pm, s.pm2]) {
      expect(await flagged(user)).toHaveLength(1);
      expect((await flagged(user))[0]).toMatchObject({
        title: `${s.requestor.name} flagged a problem on “Alpha”`,
        body: 'This date collides with our audit',
        link: `/cycles/${s.cycle.id}/schedule#item-${s.alpha.id}`,
      });
    }
    for (const user of [s.requestor, s.formerPm, s.leader]) expect(await flagged(user)).toEqual([]);
    expect((await eventsOf('item', s.alpha.id)).at(-1)).toMatchObject({
      type: 'schedule.flag_raised',
      actorId: s.requestor.id,
      data: { flagId: flag.id, kind: 'flag' },
    });
    expect((await getSchedule(s.requestor, s.cycle.id)).items[0].openFlags).toBe(1);
  });

  it('does not tell the author, and keeps markup as text (escaped in e-mail)', async () => {
    const s = await published();
    await raiseFlag(s.pm, s.alpha.id, { kind: 'question', body: '<b>Is</b> this <script>x</script> on time?' });
    expect(await flagged(s.pm)).toEqual([]);
    expect((await flagged(s.engineer))[0]).toMatchObject({
      title: `${s.pm.name} asked a question on “Alpha”`,
      body: '<b>Is</b> this <script>x</script> on time?',
    });
    const [mail] = await mailOf(s.engineer);
    expect(mail.html).toContain('&lt;b&gt;Is&lt;/b&gt; this &lt;script&gt;x&lt;/script&gt; on time?');
    expect(mail.html).not.toContain('<script>');
  });

  it('names the field at fault and writes nothing', async () => {
    const s = await published();
    const before = await scheduleRowCounts();
    expect(
      (await validationErrorOf(() => raiseFlag(s.leader, s.alpha.id, { kind: 'note', body: '   ' }))).fieldErrors,
    ).toEqual({
      kind: ['Choose whether you ask a question or flag a problem.'],
      body: ['Write your question or the problem.'],
    });
    expect(
      (await validationErrorOf(() => raiseFlag(s.leader, s.alpha.id, { kind: 'flag', body: 'x'.repeat(2001) })))
        .fieldErrors,
    ).toEqual({ body: ['The text must be at most 2,000 characters.'] });
    expect((await raiseFlag(s.leader, s.alpha.id, { kind: 'flag', body: 'x'.repeat(2000) })).body).toHaveLength(2000);
    expect((await scheduleRowCounts()).schedule_flags).toBe(before.schedule_flags + 1);
  });

  it('is for scheduled items and items in delivery, seen by whoever may see the schedule', async () => {
    const s = await scheduleSetup();
    await setEntry(s.pm, s.alpha.id, entry(s.january.id, null, null));
    await expect(raiseFlag(s.requestor, s.alpha.id, { kind: 'question', body: 'When?' })).rejects.toThrow(
      ScheduleNotPublishedError,
    );
    expect((await raiseFlag(s.leader, s.alpha.id, { kind: 'question', body: 'When?' })).kind).toBe('question');
    await expect(raiseFlag(s.leader, s.gamma.id, { kind: 'question', body: 'When?' })).rejects.toThrow(
      new ConflictError('Questions and flags are for scheduled items and items in delivery; “Gamma” is not one.'),
    );
    await moveDelivery(s.pm, s.alpha.id, 'in_delivery');
    expect((await raiseFlag(s.engineer, s.alpha.id, { kind: 'flag', body: 'Blocked' })).kind).toBe('flag');
    await markDelivered(s.pm, s.alpha.id, deliveredToday());
    await expect(raiseFlag(s.engineer, s.alpha.id, { kind: 'flag', body: 'Late' })).rejects.toThrow(ConflictError);
    await expect(raiseFlag(s.engineer, 999_999, { kind: 'flag', body: 'Late' })).rejects.toThrow(NotFoundError);
  });
});

describe('resolveFlag', () => {
  it('lets the owner resolve with a note, shown with the flag; an event records it', async () => {
    const s = await published();
    const flag = await raiseFlag(s.requestor, s.alpha.id, { kind: 'flag', body: 'Audit week' });
    const resolved = await resolveFlag(
      s.engineer,
      flag.id,
      { note: ' Moved the kickoff a week later. ' },
      new Date('2027-01-03T08:00:00Z'),
    );
    expect(resolved).toMatchObject({
      resolvedAt: '2027-01-03T08:00:00.000Z',
      resolvedBy: s.engineer.id,
      resolutionNote: 'Moved the kickoff a week later.',
    });
    expect((await getSchedule(s.requestor, s.cycle.id)).flags).toEqual([
      expect.objectContaining({
        id: flag.id,
        resolvedBy: s.engineer.name,
        resolutionNote: 'Moved the kickoff a week later.',
        canResolve: false,
      }),
    ]);
    expect((await getSchedule(s.requestor, s.cycle.id)).items[0].openFlags).toBe(0);
    expect((await eventsOf('item', s.alpha.id)).at(-1)).toMatchObject({
      type: 'schedule.flag_resolved',
      actorId: s.engineer.id,
      data: { flagId: flag.id, note: 'Moved the kickoff a week later.' },
    });
  });

  it('lets a pm or an admin resolve too, never twice, and always with a note', async () => {
    const s = await published();
    const first = await raiseFlag(s.requestor, s.alpha.id, { kind: 'question', body: 'Which week?' });
    const second = await raiseFlag(s.requestor, s.alpha.id, { kind: 'question', body: 'Who?' });
    expect((await validationErrorOf(() => resolveFlag(s.pm2, first.id, { note: '  ' }))).fieldErrors).toEqual({
      note: ['Write a note saying how it was resolved.'],
    });
    await resolveFlag(s.pm2, first.id, { note: 'The second week.' });
    await resolveFlag(await userWithRole('admin'), second.id, { note: 'Erik.' });
    const before = await scheduleRowCounts();
    await expect(resolveFlag(s.pm, first.id, { note: 'Again' })).rejects.toThrow(
      new ConflictError('This was already resolved; its note is shown with it.'),
    );
    expect(await scheduleRowCounts()).toEqual(before);
    expect((await db.select().from(scheduleFlags).where(eq(scheduleFlags.id, first.id)))[0]).toMatchObject({
      resolvedBy: s.pm2.id,
      resolutionNote: 'The second week.',
    });
  });

  it('is refused to the author, other engineers and leaders; an unknown flag is not found', async () => {
    const s = await published();
    const flag = await raiseFlag(s.requestor, s.alpha.id, { kind: 'flag', body: 'Audit week' });
    const otherEngineer = await userWithRole('engineer');
    for (const user of [s.requestor, otherEngineer, s.leader])
      await expect(resolveFlag(user, flag.id, { note: 'Fine' })).rejects.toThrow(ForbiddenError);
    await expect(resolveFlag(s.pm, 999_999, { note: 'Fine' })).rejects.toThrow(NotFoundError);
  });
});
