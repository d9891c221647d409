import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { demoFeedback, events, type Demo } from '@/db/schema';
import { first } from '@/db/rows';
import { ConflictError, ForbiddenError, NotFoundError } from '@/lib/errors';
import { listTriage } from '@/lib/requests/requests.server';
import { db, readItem, validationErrorOf } from '@/lib/testing/db';
import { giveFeedback, turnConcernIntoRequest } from './feedback.server';
import { getDemo } from './read.server';
import { recordShownItem, saveDemoNotes } from './record.server';
import { scheduleDemo } from './schedule.server';
import { DAY, NOW, STARTS, demoInput, demoRowCounts, demoSetup, notificationsOf, type DemoSetup } from './test-helpers';

let s: DemoSetup;
let demo: Demo;
/** The day after the demo: inside the seven-day feedback window. */
const AFTER = new Date(Date.parse(STARTS) + DAY);
const shown = {
  stage: 'prototype',
  notes: 'Clicked through the new flow',
  links: 'https://example.test/recording\n\n',
};

beforeEach(async () => {
  s = await demoSetup();
  demo = await scheduleDemo(s.pm, s.cycle.id, demoInput(s), NOW);
});

const itemEvents = async (itemId: number) =>
  (
    await db
      .select()
      .from(events)
      .where(and(eq(events.subjectType, 'item'), eq(events.subjectId, itemId)))
  ).map((e) => e.type);

describe('recording what was shown', () => {
  it('marks the item shown with its stage, notes and links, and logs it on the item', async () => {
    const row = await recordShownItem(s.engineer, demo.id, s.alpha.id, shown, AFTER);
    expect(row).toMatchObject({
      stage: 'prototype',
      links: ['https://example.test/recording'],
      shownAt: AFTER.toISOString(),
    });
    // Correcting it keeps the time it was first shown.
    const again = await recordShownItem(
      s.pm,
      demo.id,
      s.alpha.id,
      { ...shown, stage: 'v0' },
      new Date(AFTER.getTime() + 1000),
    );
    expect(again).toMatchObject({ stage: 'v0', shownAt: AFTER.toISOString() });
    expect(await itemEvents(s.alpha.id)).toContain('demo.item_shown');
    expect((await saveDemoNotes(s.engineer, demo.id, { notes: 'Good turnout' })).notes).toBe('Good turnout');
  });

  it('refuses bad links, a missing stage, someone else and an item not on the demo', async () => {
    const before = await demoRowCounts();
    const ftp = await validationErrorOf(() =>
      recordShownItem(s.engineer, demo.id, s.alpha.id, { ...shown, links: 'ftp://x.test/a' }),
    );
    expect(ftp.fieldErrors.links).toEqual(['Each link must be a full http:// or https:// address.']);
    const many = Array.from({ length: 11 }, (_, i) => `https://x.test/${i}`).join('\n');
    const tooMany = await validationErrorOf(() =>
      recordShownItem(s.engineer, demo.id, s.alpha.id, { ...shown, links: many }),
    );
    expect(tooMany.fieldErrors.links).toEqual(['At most 10 links.']);
    const stage = await validationErrorOf(() =>
      recordShownItem(s.engineer, demo.id, s.alpha.id, { ...shown, stage: 'v2' }),
    );
    expect(stage.fieldErrors.stage).toEqual(['Choose what stage was shown.']);
    await expect(recordShownItem(s.owner, demo.id, s.alpha.id, shown)).rejects.toThrow(ForbiddenError);
    await expect(recordShownItem(s.engineer, demo.id, s.foreign.id, shown)).rejects.toThrow(NotFoundError);
    expect(await demoRowCounts()).toEqual(before);
  });
});

describe('feedback', () => {
  it('reaches the item owner and the pms, and a second one replaces the first', async () => {
    await recordShownItem(s.engineer, demo.id, s.alpha.id, shown, AFTER);
    await giveFeedback(s.sponsor, demo.id, s.alpha.id, { verdict: 'looks_right', comment: '' }, AFTER);
    expect((await notificationsOf(s.owner)).map((n) => [n.kind, n.title])).toEqual([
      ['demo.feedback', 'Looks right: Alpha'],
    ]);
    expect((await notificationsOf(s.pm)).map((n) => n.kind)).toEqual(['demo.feedback']);
    await giveFeedback(s.sponsor, demo.id, s.alpha.id, { verdict: 'concern', comment: 'Totals are wrong' }, AFTER);
    const rows = await db.select().from(demoFeedback).where(eq(demoFeedback.demoId, demo.id));
    expect(rows.map((r) => [r.authorId, r.verdict, r.comment])).toEqual([
      [s.sponsor.id, 'concern', 'Totals are wrong'],
    ]);
    expect(await itemEvents(s.alpha.id)).toEqual(
      expect.arrayContaining(['demo.feedback_given', 'demo.feedback_changed']),
    );
  });

  it('is refused on an item not shown, after the window, from someone not invited, and for a bare concern', async () => {
    await recordShownItem(s.engineer, demo.id, s.alpha.id, shown, AFTER);
    const before = await demoRowCounts();
    const ok = { verdict: 'looks_right', comment: '' };
    await expect(giveFeedback(s.sponsor, demo.id, s.beta.id, ok, AFTER)).rejects.toThrow(
      '"Beta" was not shown at this demo',
    );
    await expect(giveFeedback(s.sponsor, demo.id, s.foreign.id, ok, AFTER)).rejects.toThrow(NotFoundError);
    const late = new Date(Date.parse(demo.feedbackClosesAt) + 1);
    await expect(giveFeedback(s.sponsor, demo.id, s.alpha.id, ok, late)).rejects.toThrow(
      /^Feedback closed on Wednesday 17 February 2027, 14:45 UTC\.$/,
    );
    await expect(giveFeedback(s.outsider, demo.id, s.alpha.id, ok, AFTER)).rejects.toThrow(
      'Only the people invited to this demo can give feedback on it.',
    );
    const bare = await validationErrorOf(() =>
      giveFeedback(s.sponsor, demo.id, s.alpha.id, { verdict: 'concern', comment: ' ' }, AFTER),
    );
    expect(bare.fieldErrors.comment).toEqual(['Say what the concern is.']);
    const long = await validationErrorOf(() =>
      giveFeedback(s.sponsor, demo.id, s.alpha.id, { verdict: 'concern', comment: 'x'.repeat(2001) }, AFTER),
    );
    expect(long.fieldErrors.comment).toEqual(['Comment must be at most 2,000 characters.']);
    expect(await demoRowCounts()).toEqual(before);
    // A pm may give feedback without being invited.
    await expect(giveFeedback(s.pm, demo.id, s.alpha.id, ok, AFTER)).resolves.toMatchObject({ authorId: s.pm.id });
  });

  it('shows an invitee only their own feedback, the organisers everyone’s', async () => {
    await recordShownItem(s.engineer, demo.id, s.alpha.id, shown, AFTER);
    await giveFeedback(s.sponsor, demo.id, s.alpha.id, { verdict: 'looks_right', comment: '' }, AFTER);
    await giveFeedback(s.requestor, demo.id, s.alpha.id, { verdict: 'concern', comment: 'Slow' }, AFTER);
    expect((await getDemo(s.sponsor, demo.id, AFTER)).feedback.map((f) => f.authorId)).toEqual([s.sponsor.id]);
    expect((await getDemo(s.pm, demo.id, AFTER)).feedback).toHaveLength(2);
    await expect(getDemo(s.outsider, demo.id, AFTER)).rejects.toThrow(ForbiddenError);
  });
});

describe('a concern becomes a request', () => {
  it('creates a submitted request in triage, linked both ways, once', async () => {
    await recordShownItem(s.engineer, demo.id, s.alpha.id, shown, AFTER);
    const concern = await giveFeedback(
      s.requestor,
      demo.id,
      s.alpha.id,
      { verdict: 'concern', comment: 'Export misses the totals' },
      AFTER,
    );
    await expect(turnConcernIntoRequest(s.sponsor, demo.id, concern.id)).rejects.toThrow(ForbiddenError);
    await expect(turnConcernIntoRequest(s.pm, demo.id + 1000, concern.id)).rejects.toThrow(NotFoundError);
    const request = await turnConcernIntoRequest(s.requestor, demo.id, concern.id, AFTER);
    expect(await readItem(request.id)).toMatchObject({
      title: 'Follow-up: Alpha',
      description: 'Export misses the totals',
      status: 'submitted',
      cycleId: null,
      requestorId: s.requestor.id,
    });
    expect(first(await db.select().from(demoFeedback).where(eq(demoFeedback.id, concern.id)))!.requestItemId).toBe(
      request.id,
    );
    expect(await itemEvents(request.id)).toEqual(['request.submitted']);
    expect(await itemEvents(s.alpha.id)).toContain('demo.concern_became_request');
    expect((await listTriage(s.pm)).map((r) => r.id)).toContain(request.id);
    await expect(turnConcernIntoRequest(s.pm, demo.id, concern.id)).rejects.toThrow(ConflictError);
    await expect(
      giveFeedback(s.requestor, demo.id, s.alpha.id, { verdict: 'looks_right', comment: '' }, AFTER),
    ).rejects.toThrow('already become a request');
  });

  it('refuses a "looks right"', async () => {
    await recordShownItem(s.engineer, demo.id, s.alpha.id, shown, AFTER);
    const fine = await giveFeedback(s.sponsor, demo.id, s.alpha.id, { verdict: 'looks_right', comment: '' }, AFTER);
    await expect(turnConcernIntoRequest(s.pm, demo.id, fine.id)).rejects.toThrow(
      'Only a concern can become a request.',
    );
    expect(first(await db.select().from(demoFeedback).where(eq(demoFeedback.id, fine.id)))!.requestItemId).toBeNull();
  });
});
