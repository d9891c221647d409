import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { demos, events, type Demo } from '@/db/schema';
import { first } from '@/db/rows';
import { ConflictError, ForbiddenError } from '@/lib/errors';
import { db, validationErrorOf } from '@/lib/testing/db';
import { giveFeedback } from './feedback.server';
import { getDemo } from './read.server';
import { recordShownItem } from './record.server';
import { cancelDemo, reopenFeedback, scheduleDemo } from './schedule.server';
import {
  DAY,
  NOW,
  STARTS,
  demoInput,
  demoRowCounts,
  demoSetup,
  mailOf,
  notificationsOf,
  type DemoSetup,
} from './test-helpers';

let s: DemoSetup;
let demo: Demo;
/** Three weeks after the demo: its seven-day window has closed. */
const LATE = new Date(Date.parse(STARTS) + 21 * DAY);
const ok = { verdict: 'looks_right', comment: '' };

beforeEach(async () => {
  s = await demoSetup();
  demo = await scheduleDemo(s.pm, s.cycle.id, demoInput(s), NOW);
  await recordShownItem(s.engineer, demo.id, s.alpha.id, { stage: 'v0', notes: '', links: '' }, NOW);
});

const closesAt = async () => first(await db.select().from(demos).where(eq(demos.id, demo.id)))!.feedbackClosesAt;

describe('reopenFeedback', () => {
  it('opens feedback again for the days asked, counted from now, and logs the old and new close', async () => {
    // The requestor gave feedback in time; the sponsor and the co-requestor did not.
    await giveFeedback(s.requestor, demo.id, s.alpha.id, ok, new Date(Date.parse(STARTS) + DAY));
    await expect(giveFeedback(s.sponsor, demo.id, s.alpha.id, ok, LATE)).rejects.toThrow(/^Feedback closed on /);
    expect((await getDemo(s.pm, demo.id, LATE)).can.reopenFeedback).toBe(true);
    const before = await closesAt();

    const after = await reopenFeedback(s.pm, demo.id, { feedbackDays: '3' }, LATE);
    expect(after.feedbackClosesAt).toBe(new Date(LATE.getTime() + 3 * DAY).toISOString());
    const view = await getDemo(s.sponsor, demo.id, LATE);
    expect([view.feedbackOpen, view.can.giveFeedback]).toEqual([true, true]);
    await giveFeedback(s.sponsor, demo.id, s.alpha.id, ok, LATE);

    // Those who gave no feedback yet are told until when, in-app and by e-mail; the requestor is not.
    const told = async (u: { id: number }) => [
      (await notificationsOf(u)).filter((n) => n.title === 'Feedback open again: Sprint 4 demo').length,
      (await mailOf(u)).filter((m) => m.subject.includes('Feedback open again: Sprint 4 demo')).length,
    ];
    expect([await told(s.sponsor), await told(s.coRequestor), await told(s.requestor)]).toEqual([
      [1, 1],
      [1, 1],
      [0, 0],
    ]);
    const [mail] = (await mailOf(s.sponsor)).filter((m) => m.subject.includes('Feedback open again'));
    expect(mail.text).toContain('until Saturday 6 March 2027, 14:00 UTC.');
    expect(mail.ics).toBeNull();
    // Closed again once the new window has passed.
    const later = new Date(LATE.getTime() + 3 * DAY + 1);
    await expect(giveFeedback(s.coRequestor, demo.id, s.alpha.id, ok, later)).rejects.toThrow(ConflictError);

    const logged = first(
      await db
        .select()
        .from(events)
        .where(and(eq(events.subjectType, 'demo'), eq(events.type, 'demo.feedback_reopened'))),
    );
    expect(logged).toMatchObject({
      actorId: s.pm.id,
      subjectId: demo.id,
      data: { before: { feedbackClosesAt: before }, after: { feedbackClosesAt: after.feedbackClosesAt } },
    });
  });

  it('counts from the end of a demo still under way', async () => {
    const during = new Date(Date.parse(STARTS) + 10 * 60_000);
    const after = await reopenFeedback(s.engineer, demo.id, { feedbackDays: '1' }, during);
    expect(after.feedbackClosesAt).toBe(new Date(Date.parse(STARTS) + 45 * 60_000 + DAY).toISOString());
  });

  it('refuses bad days, an upcoming or cancelled demo, and anyone who does not organise demos, writing nothing', async () => {
    const counts = await demoRowCounts();
    const before = await closesAt();
    for (const [days, message] of [
      ['0', 'Feedback window must be between 1 and 60 days.'],
      ['61', 'Feedback window must be between 1 and 60 days.'],
      ['2.5', 'Feedback window must be a whole number of days.'],
      ['soon', 'Feedback window must be a number of days.'],
    ]) {
      const refused = await validationErrorOf(() => reopenFeedback(s.pm, demo.id, { feedbackDays: days }, LATE));
      expect(refused.fieldErrors.feedbackDays).toEqual([message]);
    }
    await expect(reopenFeedback(s.sponsor, demo.id, { feedbackDays: '3' }, LATE)).rejects.toThrow(ForbiddenError);
    await expect(reopenFeedback(s.requestor, demo.id, { feedbackDays: '3' }, LATE)).rejects.toThrow(ForbiddenError);
    await expect(reopenFeedback(s.pm, demo.id, { feedbackDays: '3' }, NOW)).rejects.toThrow(
      'This demo has not started yet: set its feedback window under “Change the demo”.',
    );
    expect((await getDemo(s.pm, demo.id, NOW)).can.reopenFeedback).toBe(false);
    expect(await demoRowCounts()).toEqual(counts);
    expect(await closesAt()).toBe(before);

    await cancelDemo(s.pm, demo.id, NOW);
    await expect(reopenFeedback(s.pm, demo.id, { feedbackDays: '3' }, LATE)).rejects.toThrow(ConflictError);
    expect(await closesAt()).toBe(before);
    expect((await getDemo(s.pm, demo.id, LATE)).can.reopenFeedback).toBe(false);
  });
});
