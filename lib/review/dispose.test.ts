import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { items, notifications } from '@/db/schema';
import { makeCycle } from '@/db/factories';
import { ConflictError, ForbiddenError } from '@/lib/errors';
import { db, eventsOf, readItem, rowCounts, userWithRole, validationErrorOf } from '@/lib/testing/db';
import { getRequest } from '@/lib/requests/requests.server';
import { closeCycle } from './close.server';
import { disposeUndelivered } from './dispose.server';
import { cycleReview } from './review.server';
import { recordDelivery } from './test-deliveries';
import { reviewedCycle } from './test-review';

async function closedCycle() {
  const s = await reviewedCycle();
  await closeCycle(s.pm, s.cycle.id);
  return s;
}

describe('disposeUndelivered', () => {
  it('carries over, drops and re-requests in one go, logging each and telling the dropped item’s requestor', async () => {
    const s = await closedCycle();
    const result = await disposeUndelivered(s.pm, s.cycle.id, {
      targetCycleId: String(s.next.id),
      choices: [
        { itemId: String(s.beta.id), choice: 'carry_over', reason: '' },
        { itemId: String(s.below.id), choice: 'drop', reason: 'The market moved on' },
        { itemId: String(s.undone.id), choice: 're_request', reason: '' },
      ],
    });
    expect(result).toEqual({ carriedOver: 1, dropped: 1, reRequested: 1 });

    const carried = await readItem(s.beta.id);
    expect([carried.cycleId, carried.status, carried.themeId, carried.rank]).toEqual([
      s.next.id,
      'curated',
      null,
      null,
    ]);
    expect((await eventsOf('item', s.beta.id)).at(-1)).toMatchObject({
      type: 'item.carried_over',
      actorId: s.pm.id,
      data: { cycleId: s.cycle.id, toCycleId: s.next.id, changes: { status: { from: 'in_delivery', to: 'curated' } } },
    });

    const dropped = await readItem(s.below.id);
    expect([dropped.status, dropped.decisionReason]).toEqual(['withdrawn', 'The market moved on']);
    const told = await db.select().from(notifications).where(eq(notifications.userId, s.requestor.id));
    expect(told.map((n) => [n.kind, n.link])).toEqual([['item.dropped', `/requests/${s.below.id}`]]);
    expect(told[0].body).toContain('The market moved on');
    // The link leads to a page the requestor may open.
    expect((await getRequest(s.requestor, s.below.id)).item).toMatchObject({ id: s.below.id, status: 'withdrawn' });

    const old = await readItem(s.undone.id);
    const reRequested = (await eventsOf('item', s.undone.id)).at(-1)!;
    expect(reRequested.type).toBe('item.re_requested');
    const fresh = await readItem(reRequested.data.newItemId as number);
    expect([old.status, fresh.status, fresh.cycleId, fresh.requestorId, fresh.title]).toEqual([
      'withdrawn',
      'submitted',
      null,
      s.requestor.id,
      'Invoice export',
    ]);
    expect(fresh.description).toContain(`#${s.undone.id}`);
    expect((await eventsOf('item', fresh.id)).map((e) => [e.type, e.data.reRequestOf])).toEqual([
      ['request.submitted', s.undone.id],
    ]);

    // The review still counts what it sent away, and offers nothing more.
    const review = await cycleReview(s.pm, s.cycle.id);
    if (review.state !== 'ready') throw new Error('expected a review');
    expect(review.totals.planned).toEqual({ items: 4, weeks: 11 });
    expect(review.undelivered).toEqual([]);
    expect(review.items.find((i) => i.id === s.beta.id)).toMatchObject({
      disposal: 'carry_over',
      themeId: s.growth.id,
    });
  });

  it('refuses an item delivered meanwhile and a target cycle not in planning, naming them, and writes nothing', async () => {
    const s = await closedCycle();
    await recordDelivery(db, { itemId: s.beta.id, kind: 'final', recordedBy: s.pm.id });
    const published = await makeCycle(db, { status: 'published' });
    const before = await rowCounts();
    const stale = await validationErrorOf(() =>
      disposeUndelivered(s.pm, s.cycle.id, {
        targetCycleId: String(s.next.id),
        choices: [
          { itemId: String(s.below.id), choice: 'carry_over', reason: '' },
          { itemId: String(s.beta.id), choice: 'carry_over', reason: '' },
        ],
      }),
    );
    expect(stale.fieldErrors[`choice_${s.beta.id}`]).toEqual([
      `“Partner portal” is no longer an undelivered item of ${s.cycle.name}: reload the review.`,
    ]);
    const target = await validationErrorOf(() =>
      disposeUndelivered(s.pm, s.cycle.id, {
        targetCycleId: String(published.id),
        choices: [{ itemId: String(s.below.id), choice: 'carry_over', reason: '' }],
      }),
    );
    expect(target.fieldErrors.targetCycleId![0]).toContain(`${published.name} is published`);
    const noReason = await validationErrorOf(() =>
      disposeUndelivered(s.pm, s.cycle.id, {
        targetCycleId: '',
        choices: [{ itemId: String(s.below.id), choice: 'drop', reason: ' ' }],
      }),
    );
    expect(noReason.fieldErrors[`reason_${s.below.id}`]![0]).toContain('“Dark mode”');
    await validationErrorOf(() =>
      disposeUndelivered(s.pm, s.cycle.id, { targetCycleId: '', choices: [{ itemId: 'x', choice: 'keep' }] }),
    );
    expect(await rowCounts()).toEqual(before);
    expect((await readItem(s.below.id)).status).toBe('accepted');
  });

  it('refuses before the cycle is closed, and anyone but a pm or an admin', async () => {
    const s = await reviewedCycle();
    const input = {
      targetCycleId: String(s.next.id),
      choices: [{ itemId: String(s.below.id), choice: 'carry_over', reason: '' }],
    };
    await expect(disposeUndelivered(s.pm, s.cycle.id, input)).rejects.toThrow(ConflictError);
    await closeCycle(s.pm, s.cycle.id);
    await expect(disposeUndelivered(await userWithRole('engineer'), s.cycle.id, input)).rejects.toThrow(ForbiddenError);
    expect((await db.select().from(items).where(eq(items.id, s.below.id)))[0].cycleId).toBe(s.cycle.id);
  });
});
