import { describe, expect, it } from 'vitest';
import { setEmailPrefs } from '@/lib/notifications/prefs.server';
import { NOTIFICATION_KINDS } from '@/db/schema';
import { db, userWithRole } from '@/lib/testing/db';
import { makeItem } from '@/db/factories';
import { moveDelivery, setEntry } from '@/lib/schedule/entries.server';
import { periodsOf } from '@/lib/schedule/periods.server';
import { entry } from '@/lib/schedule/test-helpers';
import { markDelivered, recordMilestone, undoDelivery } from './records.server';
import { requestProgress } from './read.server';
import { giveFeedback } from '@/lib/demos/feedback.server';
import { recordShownItem } from '@/lib/demos/record.server';
import { scheduleDemo } from '@/lib/demos/schedule.server';
import {
  daysAgo,
  deliverySetup,
  feedbackOn,
  finalForm,
  mailSubjectsOf,
  milestoneForm,
  stageNewsOf,
} from './test-helpers';

describe('stage notifications', () => {
  it('tell the requestor and co-requestors at each stage, in-app and by e-mail', async () => {
    const s = await deliverySetup();
    // Alpha and Beta were scheduled before the schedule was published: the publication told them.
    expect(await stageNewsOf(s.requestor.id)).toEqual(['“Alpha” is in delivery']);
    await recordMilestone(s.engineer, s.alpha.id, milestoneForm());
    await markDelivered(s.engineer, s.alpha.id, finalForm());
    await moveDelivery(s.engineer, s.beta.id, 'in_delivery');
    const expected = [
      '“Alpha” is in delivery',
      'A milestone of “Alpha” is delivered',
      '“Alpha” is delivered',
      '“Beta” is in delivery',
    ];
    expect(await stageNewsOf(s.requestor.id)).toEqual(expected);
    // The co-requestor is on Alpha only.
    expect(await stageNewsOf(s.co.id)).toEqual(expected.slice(0, 3));
    const mail = await mailSubjectsOf(s.requestor.id);
    expect(mail).toContain(`[Quorum · ${s.cycle.name}] “Alpha” is delivered`);
    expect(mail).toContain(`[Quorum · ${s.cycle.name}] A milestone of “Alpha” is delivered`);
  });

  it('tells of a newly scheduled item once the schedule is published, but not its own actor', async () => {
    const s = await deliverySetup();
    const extra = await makeItem(db, {
      cycleId: s.cycle.id,
      title: 'Delta',
      status: 'accepted',
      requestorId: s.pm.id,
      departmentId: s.pm.departmentId,
    });
    const [period] = await periodsOf(db, s.cycle.id);
    await setEntry(s.pm, extra.id, entry(period.id, null, null));
    expect(await stageNewsOf(s.pm.id)).toEqual([]);
    await setEntry(s.pm, s.gamma.id, entry(period.id, null, null));
    expect(await stageNewsOf(s.requestor.id)).toContain('“Gamma” is scheduled');
  });

  it('keeps the in-app notice but sends no e-mail to someone who turned this kind off', async () => {
    const s = await deliverySetup();
    await setEmailPrefs(s.co, { kinds: NOTIFICATION_KINDS.filter((k) => k !== 'item.stage_changed') });
    const mailBefore = (await mailSubjectsOf(s.co.id)).length;
    await markDelivered(s.engineer, s.alpha.id, finalForm());
    expect(await stageNewsOf(s.co.id)).toContain('“Alpha” is delivered');
    expect(await mailSubjectsOf(s.co.id)).toHaveLength(mailBefore);
    expect(await mailSubjectsOf(s.requestor.id)).toContain(`[Quorum · ${s.cycle.name}] “Alpha” is delivered`);
  });

  it('tells nobody while the schedule is not published: the requestor cannot see the stage yet', async () => {
    const s = await deliverySetup({ published: false });
    await recordMilestone(s.engineer, s.alpha.id, milestoneForm());
    await markDelivered(s.engineer, s.alpha.id, finalForm());
    expect(await stageNewsOf(s.requestor.id)).toEqual([]);
    expect(await stageNewsOf(s.co.id)).toEqual([]);
  });
});

describe('requestProgress', () => {
  it('walks the requestor through the stages, listing the deliveries that stand with notes and links', async () => {
    const s = await deliverySetup();
    const stage = async () => (await requestProgress(s.requestor, s.alpha.id)).stage;
    expect((await requestProgress(s.requestor, s.beta.id)).stage).toBe('scheduled');
    expect((await requestProgress(s.requestor, s.gamma.id)).stage).toBe('decided');
    expect(await stage()).toBe('in_delivery');
    const { record: milestone } = await recordMilestone(s.engineer, s.alpha.id, milestoneForm());
    await markDelivered(s.engineer, s.alpha.id, finalForm({ deliveredOn: daysAgo(1) }));
    await undoDelivery(s.pm, milestone.id);
    const progress = await requestProgress(s.requestor, s.alpha.id);
    expect(progress.stage).toBe('delivered');
    expect(progress.records.map((r) => [r.kind, r.deliveredOn, r.releaseNotes, r.links])).toEqual([
      ['final', daysAgo(1), 'Shipped to everyone.', ['https://example.com/release/1']],
    ]);
    await feedbackOn(s.cycle.id, s.alpha.id, s.pm.id);
    expect(await stage()).toBe('feedback');
  });

  it('shows nothing of delivery while the schedule is unpublished, and only to those who may see the item', async () => {
    const s = await deliverySetup({ published: false });
    await markDelivered(s.engineer, s.alpha.id, finalForm());
    expect(await requestProgress(s.requestor, s.alpha.id)).toMatchObject({ stage: 'decided', records: [] });
    expect((await requestProgress(s.pm, s.alpha.id)).stage).toBe('delivered');
    await expect(requestProgress(await userWithRole('requestor'), s.alpha.id)).rejects.toThrow(
      'You do not have access to this item.',
    );
  });
});

describe('feedback from a demo', () => {
  it('brings a delivered item to its last stage: the requestor is told once and reads what was said', async () => {
    const s = await deliverySetup();
    await markDelivered(s.engineer, s.alpha.id, finalForm());
    const now = new Date();
    const demo = await scheduleDemo(
      s.pm,
      s.cycle.id,
      {
        title: 'Sprint 7 demo',
        startsAt: new Date(now.getTime() + 3_600_000).toISOString(),
        timeZone: 'UTC',
        durationMinutes: '30',
        presenterId: String(s.engineer.id),
        itemIds: [String(s.alpha.id), String(s.beta.id)],
        feedbackDays: '7',
        inviteeIds: [String(s.requestor.id), String(s.engineer.id)],
      },
      now,
    );
    const after = new Date(now.getTime() + 2 * 3_600_000);
    for (const item of [s.alpha, s.beta])
      await recordShownItem(s.engineer, demo.id, item.id, { stage: 'v1', notes: '', links: '' }, after);
    await giveFeedback(
      s.pm,
      demo.id,
      s.alpha.id,
      { verdict: 'looks_right', comment: 'Exactly what sales asked for.' },
      after,
    );
    await giveFeedback(
      s.engineer,
      demo.id,
      s.alpha.id,
      { verdict: 'concern', comment: 'Slow on big accounts.' },
      after,
    );
    // Beta is only scheduled: its feedback is listed, but it is not delivered, and nobody is told of a stage.
    await giveFeedback(s.pm, demo.id, s.beta.id, { verdict: 'concern', comment: 'Not yet.' }, after);
    const news = await stageNewsOf(s.requestor.id);
    expect(news.filter((n) => n.includes('has feedback'))).toEqual(['“Alpha” has feedback']);
    const alpha = await requestProgress(s.requestor, s.alpha.id);
    expect(alpha.stage).toBe('feedback');
    expect(alpha.steps.find((step) => step.stage === 'delivered')?.state).toBe('done');
    expect(alpha.feedback.map((f) => [f.verdict, f.authorName, f.demoTitle, f.comment])).toEqual(
      expect.arrayContaining([
        ['Looks right', s.pm.name, 'Sprint 7 demo', 'Exactly what sales asked for.'],
        ['Concern', s.engineer.name, 'Sprint 7 demo', 'Slow on big accounts.'],
      ]),
    );
    const beta = await requestProgress(s.requestor, s.beta.id);
    expect(beta.stage).toBe('scheduled');
    expect(beta.feedback.map((f) => f.comment)).toEqual(['Not yet.']);
  });
});
