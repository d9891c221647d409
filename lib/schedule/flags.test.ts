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
import { entry, mailOf, notificationsOf, scheduleRowCounts, scheduleSetup } from './test-helpers';

/** Alpha scheduled in January, owned by the engineer, and the schedule published; a second pm and a former pm. */
async function published() {
  const s = await scheduleSetup();
  const pm2 = await userWithRole('pm');
  const formerPm = await userWithRole('pm');
  db.update(users).set({ active: false }).where(eq(users.id, formerPm.id)).run();
  setEntry(s.pm, s.alpha.id, entry(s.january.id, s.engineer.id, '2027-01-04'));
  publishSchedule(s.pm, s.cycle.id);
  return { ...s, pm2, formerPm };
}

const flagged = (u: { id: number }) => notificationsOf(u).filter((n) => n.kind === 'schedule.flagged');

describe('raiseFlag', () => {
  it('lets a requestor flag a problem on a published schedule; the owner and the active pms are told', async () => {
    const s = await published();
    const flag = raiseFlag(
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
      expect(flagged(user)).toHaveLength(1);
      expect(flagged(user)[0]).toMatchObject({
        title: `${s.requestor.name} flagged a problem on “Alpha”`,
        body: 'This date collides with our audit',
        link: `/cycles/${s.cycle.id}/schedule#item-${s.alpha.id}`,
      });
    }
    for (const user of [s.requestor, s.formerPm, s.leader]) expect(flagged(user)).toEqual([]);
    expect(eventsOf('item', s.alpha.id).at(-1)).toMatchObject({
      type: 'schedule.flag_raised',
      actorId: s.requestor.id,
      data: { flagId: flag.id, kind: 'flag' },
    });
    expect(getSchedule(s.requestor, s.cycle.id).items[0].openFlags).toBe(1);
  });

  it('does not tell the author, and keeps markup as text (escaped in e-mail)', async () => {
    const s = await published();
    raiseFlag(s.pm, s.alpha.id, { kind: 'question', body: '<b>Is</b> this <script>x</script> on time?' });
    expect(flagged(s.pm)).toEqual([]);
    expect(flagged(s.engineer)[0]).toMatchObject({
      title: `${s.pm.name} asked a question on “Alpha”`,
      body: '<b>Is</b> this <script>x</script> on time?',
    });
    const [mail] = mailOf(s.engineer);
    expect(mail.html).toContain('&lt;b&gt;Is&lt;/b&gt; this &lt;script&gt;x&lt;/script&gt; on time?');
    expect(mail.html).not.toContain('<script>');
  });

  it('names the field at fault and writes nothing', async () => {
    const s = await published();
    const before = scheduleRowCounts();
    expect(validationErrorOf(() => raiseFlag(s.leader, s.alpha.id, { kind: 'note', body: '   ' })).fieldErrors).toEqual(
      {
        kind: ['Choose whether you ask a question or flag a problem.'],
        body: ['Write your question or the problem.'],
      },
    );
    expect(
      validationErrorOf(() => raiseFlag(s.leader, s.alpha.id, { kind: 'flag', body: 'x'.repeat(2001) })).fieldErrors,
    ).toEqual({ body: ['The text must be at most 2,000 characters.'] });
    expect(raiseFlag(s.leader, s.alpha.id, { kind: 'flag', body: 'x'.repeat(2000) }).body).toHaveLength(2000);
    expect(scheduleRowCounts().schedule_flags).toBe(before.schedule_flags + 1);
  });

  it('is for scheduled items and items in delivery, seen by whoever may see the schedule', async () => {
    const s = await scheduleSetup();
    setEntry(s.pm, s.alpha.id, entry(s.january.id, null, null));
    expect(() => raiseFlag(s.requestor, s.alpha.id, { kind: 'question', body: 'When?' })).toThrow(
      ScheduleNotPublishedError,
    );
    expect(raiseFlag(s.leader, s.alpha.id, { kind: 'question', body: 'When?' }).kind).toBe('question');
    expect(() => raiseFlag(s.leader, s.gamma.id, { kind: 'question', body: 'When?' })).toThrow(
      new ConflictError('Questions and flags are for scheduled items and items in delivery; “Gamma” is not one.'),
    );
    moveDelivery(s.pm, s.alpha.id, 'in_delivery');
    expect(raiseFlag(s.engineer, s.alpha.id, { kind: 'flag', body: 'Blocked' }).kind).toBe('flag');
    moveDelivery(s.pm, s.alpha.id, 'delivered');
    expect(() => raiseFlag(s.engineer, s.alpha.id, { kind: 'flag', body: 'Late' })).toThrow(ConflictError);
    expect(() => raiseFlag(s.engineer, 999_999, { kind: 'flag', body: 'Late' })).toThrow(NotFoundError);
  });
});

describe('resolveFlag', () => {
  it('lets the owner resolve with a note, shown with the flag; an event records it', async () => {
    const s = await published();
    const flag = raiseFlag(s.requestor, s.alpha.id, { kind: 'flag', body: 'Audit week' });
    const resolved = resolveFlag(
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
    expect(getSchedule(s.requestor, s.cycle.id).flags).toEqual([
      expect.objectContaining({
        id: flag.id,
        resolvedBy: s.engineer.name,
        resolutionNote: 'Moved the kickoff a week later.',
        canResolve: false,
      }),
    ]);
    expect(getSchedule(s.requestor, s.cycle.id).items[0].openFlags).toBe(0);
    expect(eventsOf('item', s.alpha.id).at(-1)).toMatchObject({
      type: 'schedule.flag_resolved',
      actorId: s.engineer.id,
      data: { flagId: flag.id, note: 'Moved the kickoff a week later.' },
    });
  });

  it('lets a pm or an admin resolve too, never twice, and always with a note', async () => {
    const s = await published();
    const first = raiseFlag(s.requestor, s.alpha.id, { kind: 'question', body: 'Which week?' });
    const second = raiseFlag(s.requestor, s.alpha.id, { kind: 'question', body: 'Who?' });
    expect(validationErrorOf(() => resolveFlag(s.pm2, first.id, { note: '  ' })).fieldErrors).toEqual({
      note: ['Write a note saying how it was resolved.'],
    });
    resolveFlag(s.pm2, first.id, { note: 'The second week.' });
    resolveFlag(await userWithRole('admin'), second.id, { note: 'Erik.' });
    const before = scheduleRowCounts();
    expect(() => resolveFlag(s.pm, first.id, { note: 'Again' })).toThrow(
      new ConflictError('This was already resolved; its note is shown with it.'),
    );
    expect(scheduleRowCounts()).toEqual(before);
    expect(db.select().from(scheduleFlags).where(eq(scheduleFlags.id, first.id)).get()).toMatchObject({
      resolvedBy: s.pm2.id,
      resolutionNote: 'The second week.',
    });
  });

  it('is refused to the author, other engineers and leaders; an unknown flag is not found', async () => {
    const s = await published();
    const flag = raiseFlag(s.requestor, s.alpha.id, { kind: 'flag', body: 'Audit week' });
    const otherEngineer = await userWithRole('engineer');
    for (const user of [s.requestor, otherEngineer, s.leader])
      expect(() => resolveFlag(user, flag.id, { note: 'Fine' })).toThrow(ForbiddenError);
    expect(() => resolveFlag(s.pm, 999_999, { note: 'Fine' })).toThrow(NotFoundError);
  });
});
