import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { deliveryRecords } from '@/db/schema';
import { ConflictError, ForbiddenError, NotFoundError } from '@/lib/errors';
import { db, eventsOf, readItem, userWithRole, validationErrorOf } from '@/lib/testing/db';
import { addDays, formatDay } from '@/lib/schedule/dates';
import { getSchedule } from '@/lib/schedule/schedule.server';
import { markDelivered, recordMilestone, undoDelivery } from './records.server';
import { deliveryRecordsOf } from './read.server';
import { daysAgo, deliveryRowCounts, deliverySetup, finalForm, milestoneForm, today } from './test-helpers';

const typesOf = async (itemId: number) => (await eventsOf('item', itemId)).map((e) => e.type);

describe('markDelivered', () => {
  it('records the final delivery with notes, links and actual effort, and makes the item delivered, all logged', async () => {
    const s = await deliverySetup();
    const before = (await eventsOf('item', s.alpha.id)).length;
    const { record, status } = await markDelivered(
      s.engineer,
      s.alpha.id,
      finalForm({ links: 'https://example.com/a\n\n https://example.com/b ', actualWeeks: '4.5' }),
    );
    expect(status).toBe('delivered');
    expect(record).toMatchObject({
      kind: 'final',
      deliveredOn: today(),
      releaseNotes: 'Shipped to everyone.',
      links: ['https://example.com/a', 'https://example.com/b'],
      recordedBy: s.engineer.id,
      undoneAt: null,
    });
    const item = await readItem(s.alpha.id);
    expect(item).toMatchObject({ status: 'delivered', actualWeeks: 4.5 });
    // The schedule shows the actual effort beside the estimate.
    const row = (await getSchedule(s.pm, s.cycle.id)).items.find((i) => i.id === s.alpha.id);
    expect([row?.weeks, row?.actualWeeks]).toEqual([3, 4.5]);
    const added = (await eventsOf('item', s.alpha.id)).slice(before);
    expect(added.map((e) => e.type)).toEqual(['item.delivered', 'item.status_changed', 'item.actual_effort_set']);
    expect(added[0].data).toMatchObject({ recordId: record.id, deliveredOn: today() });
    expect(added[2].data).toEqual({ changes: { actualWeeks: { from: null, to: 4.5 } } });
  });

  it('leaves the actual effort unrecorded when it is left blank', async () => {
    const s = await deliverySetup();
    await markDelivered(s.pm, s.alpha.id, finalForm({ deliveredOn: s.kickoffOn }));
    expect((await readItem(s.alpha.id)).actualWeeks).toBeNull();
    expect(await typesOf(s.alpha.id)).not.toContain('item.actual_effort_set');
  });

  it('refuses an item never scheduled, one not yet in delivery, and delivering twice, writing nothing', async () => {
    const s = await deliverySetup();
    const counts = await deliveryRowCounts();
    await expect(markDelivered(s.engineer, s.gamma.id, finalForm())).rejects.toThrow(
      new ConflictError('“Gamma” was never scheduled (it is accepted): only a scheduled item can be delivered.'),
    );
    await expect(markDelivered(s.engineer, s.beta.id, finalForm())).rejects.toThrow(
      new ConflictError('“Beta” is scheduled but not in delivery yet: start its delivery first.'),
    );
    expect(await deliveryRowCounts()).toEqual(counts);
    await markDelivered(s.engineer, s.alpha.id, finalForm());
    const delivered = await deliveryRowCounts();
    await expect(markDelivered(s.engineer, s.alpha.id, finalForm())).rejects.toThrow(/is already delivered/);
    expect(await deliveryRowCounts()).toEqual(delivered);
  });

  it('refuses a date before the kickoff (naming it) or beyond tomorrow, and accepts tomorrow', async () => {
    const s = await deliverySetup();
    const counts = await deliveryRowCounts();
    const early = await validationErrorOf(() =>
      markDelivered(s.engineer, s.alpha.id, finalForm({ deliveredOn: addDays(s.kickoffOn, -1) })),
    );
    expect(early.fieldErrors).toEqual({
      deliveredOn: [`The delivery date cannot be before the kickoff on ${formatDay(s.kickoffOn)}.`],
    });
    const future = await validationErrorOf(() =>
      markDelivered(s.engineer, s.alpha.id, finalForm({ deliveredOn: addDays(today(), 2) })),
    );
    expect(future.fieldErrors).toEqual({ deliveredOn: ['The delivery date cannot be in the future.'] });
    expect(await deliveryRowCounts()).toEqual(counts);
    const { record } = await markDelivered(s.engineer, s.alpha.id, finalForm({ deliveredOn: addDays(today(), 1) }));
    expect(record.deliveredOn).toBe(addDays(today(), 1));
  });

  it('validates every field with a message naming it', async () => {
    const s = await deliverySetup();
    const counts = await deliveryRowCounts();
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ deliveredOn: '2026-02-30' }, 'deliveredOn', /real date/],
      [{ deliveredOn: 'yesterday' }, 'deliveredOn', /real date/],
      [{ releaseNotes: 'x'.repeat(10_001) }, 'releaseNotes', /at most 10,000 characters/],
      [{ links: 'javascript:alert(1)' }, 'links', /http:\/\/ or https:\/\//],
      [{ links: 'ftp://example.com/file' }, 'links', /http:\/\/ or https:\/\//],
      [{ links: `https://example.com/${'a'.repeat(2_000)}` }, 'links', /at most 2,000 characters/],
      [{ links: Array.from({ length: 11 }, (_, i) => `https://example.com/${i}`) }, 'links', /at most 10 links/],
      [{ actualWeeks: '0' }, 'actualWeeks', /more than 0/],
      [{ actualWeeks: '521' }, 'actualWeeks', /at most 520/],
      [{ actualWeeks: 'lots' }, 'actualWeeks', /as a number/],
    ];
    for (const [over, field, message] of cases) {
      const error = await validationErrorOf(() => markDelivered(s.engineer, s.alpha.id, finalForm(over)));
      expect(Object.keys(error.fieldErrors), JSON.stringify(over).slice(0, 60)).toEqual([field]);
      expect(error.fieldErrors[field].join(' ')).toMatch(message);
    }
    // Ten links are allowed.
    const ten = Array.from({ length: 10 }, (_, i) => `https://example.com/${i}`);
    expect(await deliveryRowCounts()).toEqual(counts);
    expect((await markDelivered(s.engineer, s.alpha.id, finalForm({ links: ten }))).record.links).toEqual(ten);
  });

  it('is refused to requestors and leaders, and to an unknown item', async () => {
    const s = await deliverySetup();
    for (const user of [s.requestor, await userWithRole('leader')])
      await expect(markDelivered(user, s.alpha.id, finalForm())).rejects.toThrow(ForbiddenError);
    await expect(markDelivered(s.pm, 999_999, finalForm())).rejects.toThrow(NotFoundError);
  });
});

describe('recordMilestone', () => {
  it('records a partial delivery with its own date; the item stays in delivery', async () => {
    const s = await deliverySetup();
    const { record: first } = await recordMilestone(s.engineer, s.alpha.id, milestoneForm());
    await recordMilestone(s.pm, s.alpha.id, milestoneForm({ name: 'Everyone in Europe', deliveredOn: daysAgo(1) }));
    expect(first).toMatchObject({ kind: 'milestone', name: 'Beta for two customers', deliveredOn: daysAgo(2) });
    expect((await readItem(s.alpha.id)).status).toBe('in_delivery');
    const records = await deliveryRecordsOf(db, s.alpha.id);
    expect(records.map((r) => [r.name, r.deliveredOn, r.recordedByName])).toEqual([
      ['Beta for two customers', daysAgo(2), s.engineer.name],
      ['Everyone in Europe', daysAgo(1), s.pm.name],
    ]);
    const logged = (await eventsOf('item', s.alpha.id)).filter((e) => e.type === 'item.milestone_delivered');
    expect(logged.map((e) => e.data.name)).toEqual(['Beta for two customers', 'Everyone in Europe']);
  });

  it('needs a name, and refuses items not in delivery and dates before the kickoff', async () => {
    const s = await deliverySetup();
    expect(
      (await validationErrorOf(() => recordMilestone(s.engineer, s.alpha.id, milestoneForm({ name: ' ' }))))
        .fieldErrors,
    ).toEqual({ name: ['Name the milestone.'] });
    await expect(recordMilestone(s.engineer, s.gamma.id, milestoneForm())).rejects.toThrow(/never scheduled/);
    await expect(recordMilestone(s.engineer, s.beta.id, milestoneForm())).rejects.toThrow(/start its delivery first/);
    const early = await validationErrorOf(() =>
      recordMilestone(s.engineer, s.alpha.id, milestoneForm({ deliveredOn: daysAgo(11) })),
    );
    expect(early.fieldErrors.deliveredOn).toEqual([
      `The delivery date cannot be before the kickoff on ${formatDay(s.kickoffOn)}.`,
    ]);
    await markDelivered(s.engineer, s.alpha.id, finalForm());
    await expect(recordMilestone(s.engineer, s.alpha.id, milestoneForm())).rejects.toThrow(/already delivered/);
    expect(await deliveryRecordsOf(db, s.alpha.id)).toHaveLength(1);
  });
});

describe('undoDelivery', () => {
  it('lets a pm undo: the record is kept and marked, the item is back in delivery, logged; it can be delivered again', async () => {
    const s = await deliverySetup();
    const { record } = await markDelivered(s.engineer, s.alpha.id, finalForm({ actualWeeks: '3' }));
    const { record: undone, status } = await undoDelivery(s.pm, record.id);
    expect(status).toBe('in_delivery');
    expect(undone).toMatchObject({ id: record.id, undoneBy: s.pm.id });
    expect(undone.undoneAt).not.toBeNull();
    expect(await readItem(s.alpha.id)).toMatchObject({ status: 'in_delivery', actualWeeks: null });
    const events = await eventsOf('item', s.alpha.id);
    expect(events.at(-2)).toMatchObject({ type: 'item.delivery_undone', actorId: s.pm.id });
    expect(events.at(-2)?.data).toMatchObject({ recordId: record.id, kind: 'final' });
    expect(events.at(-1)?.data).toMatchObject({ changes: { status: { from: 'delivered', to: 'in_delivery' } } });
    await expect(undoDelivery(s.pm, record.id)).rejects.toThrow(new ConflictError('This delivery was already undone.'));
    const again = await markDelivered(s.engineer, s.alpha.id, finalForm());
    expect(again.status).toBe('delivered');
    const rows = await db.select().from(deliveryRecords).where(eq(deliveryRecords.itemId, s.alpha.id));
    expect(rows.map((r) => r.undoneAt === null)).toEqual([false, true]);
  });

  it('lets an admin undo a milestone, which leaves the status alone', async () => {
    const s = await deliverySetup();
    const { record: milestone } = await recordMilestone(s.engineer, s.alpha.id, milestoneForm());
    expect((await undoDelivery(s.admin, milestone.id)).status).toBe('in_delivery');
    expect((await readItem(s.alpha.id)).status).toBe('in_delivery');
    expect((await deliveryRecordsOf(db, s.alpha.id))[0].undoneByName).toBe(s.admin.name);
  });

  it('is refused to engineers and requestors, and for an unknown record', async () => {
    const s = await deliverySetup();
    const { record } = await markDelivered(s.engineer, s.alpha.id, finalForm());
    const counts = await deliveryRowCounts();
    for (const user of [s.engineer, s.requestor])
      await expect(undoDelivery(user, record.id)).rejects.toThrow(ForbiddenError);
    await expect(undoDelivery(s.pm, 999_999)).rejects.toThrow(NotFoundError);
    expect(await deliveryRowCounts()).toEqual(counts);
    expect((await readItem(s.alpha.id)).status).toBe('delivered');
  });
});
