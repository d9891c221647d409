import { eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { makeCycle, makeDepartment, makeItem, makeMeeting, makeTheme, type TestUser } from '@/db/factories';
import { appendEvent } from '@/db/event-chain';
import { statementCount, transaction } from '@/db/client';
import { webhookDeliveries, webhooks } from '@/db/schema';
import { createItem, setItemStatus } from '@/lib/backlog/items.server';
import { db, execute, userWithRole } from '@/lib/testing/db';
import { encryptSecret } from '@/lib/security/secrets.server';
import { logEvent } from './log.server';

let pm: TestUser;
let departmentId: number;
beforeAll(async () => {
  departmentId = (await makeDepartment(db)).id;
  pm = await userWithRole('pm', { departmentId });
});
beforeEach(async () => {
  await execute('delete from webhook_deliveries');
  await execute('delete from webhooks');
});

async function hook(eventTypes: string[], opts: { format?: 'json' | 'slack'; active?: boolean } = {}) {
  const now = Date.now();
  const [row] = await db
    .insert(webhooks)
    .values({
      name: 'Receiver',
      url: 'http://127.0.0.1:9/hook',
      format: opts.format ?? 'json',
      eventTypes,
      secretCiphertext: encryptSecret('whsec_test'),
      active: opts.active ?? true,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  return row;
}
const deliveries = () => db.select().from(webhookDeliveries).orderBy(webhookDeliveries.id);
const itemForm = (over: Record<string, unknown> = {}) => ({
  title: 'Export the backlog to CSV',
  description: '',
  businessBenefit: '',
  estimate: 'M',
  sme: '',
  sponsorId: '',
  requestorId: pm.id,
  departmentId,
  kind: 'feature',
  themeId: '',
  moduleIds: [],
  ...over,
});

describe('fan-out into the webhooks outbox', () => {
  it('queues one delivery per subscribed active webhook, with names as well as ids', async () => {
    const cycle = await makeCycle(db, { name: 'Q3 2027' });
    const theme = await makeTheme(db, cycle.id, { name: 'Self-service' });
    const json = await hook(['item.created']);
    const slack = await hook(['item.created'], { format: 'slack' });
    await hook(['cycle.created']); // not subscribed to this event
    await hook(['item.created'], { active: false });
    const item = await createItem(pm, cycle.id, itemForm({ themeId: theme.id }));
    const rows = await deliveries();
    expect(rows.map((r) => [r.webhookId, r.eventType, r.status])).toEqual([
      [json.id, 'item.created', 'pending'],
      [slack.id, 'item.created', 'pending'],
    ]);
    const body = JSON.parse(rows[0].payload);
    expect(body).toMatchObject({
      type: 'item.created',
      data: {
        actor: { id: pm.id, name: pm.name },
        item: {
          id: item.id,
          title: 'Export the backlog to CSV',
          status: 'curated',
          cycle: { id: cycle.id, name: 'Q3 2027' },
          theme: { id: theme.id, name: 'Self-service' },
        },
      },
    });
    expect(body.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(body.data.item.url).toMatch(new RegExp(`/items/${item.id}$`));
    const text = JSON.parse(rows[1].payload).text as string;
    expect(Object.keys(JSON.parse(rows[1].payload))).toEqual(['text']);
    expect(text).toContain('“Export the backlog to CSV”');
    expect(text).toContain(`/items/${item.id}|`);
    expect(text).toContain(`by ${pm.name}`);
  });

  it('enqueues nothing when the change is rolled back', async () => {
    await hook(['cycle.created']);
    const cycle = await makeCycle(db);
    await expect(
      transaction(async (tx) => {
        await logEvent(tx, {
          actorId: pm.id,
          type: 'cycle.created',
          subjectType: 'cycle',
          subjectId: cycle.id,
          data: {},
        });
        expect((await tx.select().from(webhookDeliveries)).length).toBe(1); // inside, it is there
        throw new Error('the change fails after the event');
      }),
    ).rejects.toThrow('the change fails');
    expect(await deliveries()).toEqual([]);
  });

  it('a decision outside a meeting is item.decided, with its reason; other moves are item.status_changed', async () => {
    const decided = await hook(['item.decided', 'item.status_changed']);
    const moves = await hook(['item.status_changed']);
    const cycle = await makeCycle(db);
    const item = await makeItem(db, { cycleId: cycle.id, requestorId: pm.id, departmentId, status: 'curated' });
    await setItemStatus(pm, item.id, 'rejected', undefined, 'Out of scope this year.');
    const rows = await deliveries();
    expect(rows.map((r) => [r.webhookId, r.eventType])).toEqual([
      [decided.id, 'item.decided'],
      [moves.id, 'item.status_changed'],
    ]);
    expect(JSON.parse(rows[0].payload).data).toMatchObject({
      decision: 'rejected',
      reason: 'Out of scope this year.',
      item: { id: item.id, status: 'rejected' },
    });
    expect(JSON.parse(rows[1].payload).data).toMatchObject({ from: 'curated', to: 'rejected' });
  });

  it('a status change made by recording a decision in a live meeting leaves item.decided to that decision', async () => {
    const decided = await hook(['item.decided']);
    const cycle = await makeCycle(db);
    const item = await makeItem(db, { cycleId: cycle.id, requestorId: pm.id, departmentId, status: 'curated' });
    const meeting = await makeMeeting(db, {
      cycleId: cycle.id,
      facilitatorId: pm.id,
      itemIds: [item.id],
      title: 'Q3 vote',
    });
    await execute(`update meetings set status = 'live' where id = ${meeting.id}`);
    await transaction(async (tx) => {
      await logEvent(tx, {
        actorId: pm.id,
        type: 'item.status_changed',
        subjectType: 'item',
        subjectId: item.id,
        data: { changes: { status: { from: 'curated', to: 'accepted' } } },
      });
      await logEvent(tx, {
        actorId: pm.id,
        type: 'live.decision_recorded',
        subjectType: 'meeting',
        subjectId: meeting.id,
        data: { itemId: item.id, outcome: 'accepted', reason: '', notes: '' },
      });
    });
    const rows = await deliveries();
    expect(rows.map((r) => [r.webhookId, r.eventType])).toEqual([[decided.id, 'item.decided']]);
    expect(JSON.parse(rows[0].payload).data).toMatchObject({
      decision: 'accepted',
      meeting: { id: meeting.id, name: 'Q3 vote' },
      item: { id: item.id, title: item.title },
    });
  });

  it('costs nothing for an internal event, and one query for a public one when no webhook exists', async () => {
    const cycle = await makeCycle(db);
    const input = { actorId: pm.id, subjectType: 'cycle' as const, subjectId: cycle.id, data: {} };
    const cost = async (fn: (tx: Parameters<Parameters<typeof transaction>[0]>[0]) => Promise<unknown>) => {
      const before = statementCount();
      await transaction(async (tx) => void (await fn(tx)));
      return statementCount() - before;
    };
    const bare = await cost((tx) => appendEvent(tx, { ...input, type: 'cycle.updated' }));
    expect(await cost((tx) => logEvent(tx, { ...input, type: 'cycle.updated' }))).toBe(bare);
    expect(await cost((tx) => logEvent(tx, { ...input, type: 'cycle.created' }))).toBe(bare + 1);
    expect(await deliveries()).toEqual([]);
    const [row] = await db.select().from(webhooks).where(eq(webhooks.active, true));
    expect(row).toBeUndefined();
  });
});
