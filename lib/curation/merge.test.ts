import { beforeAll, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { makeCycle, makeDepartment, makeItem, makeModule, makeTheme, type TestUser } from '@/db/factories';
import { itemCoPeople, itemMerges, notifications, outbox, type Item } from '@/db/schema';
import { ConflictError, ForbiddenError, ValidationError } from '@/lib/errors';
import { moduleIdsOf } from '@/lib/backlog/items.server';
import { countsAgainstCapacity } from '@/lib/estimates/estimates';
import { setEmailPrefs } from '@/lib/notifications/prefs.server';
import { countRows, db, eventsOf, readItem, rowCounts, userWithRole } from '@/lib/testing/db';
import { inOrder } from '@/lib/testing/in-order';
import { mergeItems } from './merge.server';

let pm: TestUser, pm2: TestUser, engineer: TestUser, ann: TestUser, ben: TestUser, cat: TestUser, sam: TestUser;
let departmentId: number, cycleId: number, otherCycleId: number, themeId: number;

beforeAll(async () => {
  departmentId = (await makeDepartment(db)).id;
  [pm, pm2, engineer, ann, ben, cat, sam] = await inOrder(
    ['pm', 'pm', 'engineer', 'requestor', 'requestor', 'requestor', 'leader'] as const,
    async (role) => userWithRole(role, { departmentId }),
  );
  cycleId = (await makeCycle(db)).id;
  otherCycleId = (await makeCycle(db)).id;
  themeId = (await makeTheme(db, cycleId)).id;
});

const item = (over: Partial<Item> & { moduleIds?: number[] } = {}) =>
  makeItem(db, { cycleId, departmentId, requestorId: ann.id, status: 'curated', ...over });

const confirm = (survivor: Item, merged: Item, over: Record<string, unknown> = {}) => ({
  survivorId: survivor.id,
  mergedId: merged.id,
  survivorVersion: survivor.version,
  mergedVersion: merged.version,
  ...over,
});

const coPeople = async (itemId: number) =>
  (
    await db
      .select({ userId: itemCoPeople.userId, role: itemCoPeople.role, via: itemCoPeople.viaItemId })
      .from(itemCoPeople)
      .where(eq(itemCoPeople.itemId, itemId))
      .orderBy(asc(itemCoPeople.role), asc(itemCoPeople.userId))
  ).map((r) => ({ ...r }));

describe('mergeItems', () => {
  it('gives the survivor the chosen fields, the people and the modules, and closes the duplicate', async () => {
    const [m1, m2, m3] = [await makeModule(db), await makeModule(db), await makeModule(db)];
    const survivor = await item({
      title: 'SSO for partners',
      description: 'Short',
      sponsorId: sam.id,
      moduleIds: [m1.id, m2.id],
    });
    const merged = await item({
      title: 'Partner single sign-on',
      description: 'Partners log in with their own identity provider, as agreed with sales.',
      requestorId: ben.id,
      sponsorId: cat.id,
      estimateSize: 'L',
      themeId,
      moduleIds: [m2.id, m3.id],
    });

    const result = await mergeItems(pm, confirm(survivor, merged, { description: 'merged', sponsor: 'merged' }));

    const after = await readItem(survivor.id);
    expect(after).toMatchObject({
      title: 'SSO for partners', // kept
      description: merged.description, // taken
      sponsorId: cat.id, // taken
      estimateSize: null, // kept (not chosen)
      themeId: null, // kept
      status: 'curated',
      version: survivor.version + 1,
    });
    expect(result.survivor.id).toBe(survivor.id);
    expect(await moduleIdsOf(db, survivor.id)).toEqual([m1.id, m2.id, m3.id].sort((a, b) => a - b));
    // Ben requested the duplicate; Sam sponsored the survivor until it took Cat from the duplicate.
    expect(await coPeople(survivor.id)).toEqual([
      { userId: ben.id, role: 'requestor', via: merged.id },
      { userId: sam.id, role: 'sponsor', via: merged.id },
    ]);
    expect(await readItem(merged.id)).toMatchObject({ status: 'merged', mergedIntoId: survivor.id });
    // Its work is the survivor's now: it no longer counts against the cycle's capacity.
    expect(countsAgainstCapacity('merged')).toBe(false);
    const [row] = await db.select().from(itemMerges).where(eq(itemMerges.mergedId, merged.id));
    expect(row).toMatchObject({ survivorId: survivor.id, fieldsTaken: ['description', 'sponsor'], mergedBy: pm.id });

    const survivorEvents = await eventsOf('item', survivor.id);
    expect(survivorEvents.map((e) => e.type)).toContain('item.merged');
    const mergedEvent = survivorEvents.find((e) => e.type === 'item.merged')!;
    expect(mergedEvent.data).toMatchObject({
      mergedId: merged.id,
      fieldsTaken: ['description', 'sponsor'],
      coRequestorIds: [ben.id],
    });
    const lost = (await eventsOf('item', merged.id)).at(-1)!;
    expect(lost).toMatchObject({ type: 'item.merged_into', actorId: pm.id });
    expect(lost.data).toMatchObject({
      survivorId: survivor.id,
      changes: { status: { from: 'curated', to: 'merged' } },
    });
  });

  it('tells the duplicate’s requestor and co-requestors where it went, by e-mail unless they turned it off', async () => {
    const first = await item({ requestorId: cat.id });
    const second = await item({ requestorId: ben.id });
    await mergeItems(pm, confirm(first, second)); // Ben becomes a co-requestor of `first`
    const survivor = await item({ title: 'The one that stays' });
    await setEmailPrefs(ben, { kinds: [] });
    const mailsBefore = await countRows('outbox');
    const benMails = (await db.select().from(outbox).where(eq(outbox.toUserId, ben.id))).length;

    await mergeItems(pm, confirm(survivor, await readItem(first.id)));

    for (const who of [cat, ben]) {
      const note = (
        await db.select().from(notifications).where(eq(notifications.userId, who.id)).orderBy(asc(notifications.id))
      ).at(-1)!;
      expect(note).toMatchObject({ kind: 'request.triaged', link: `/requests/${survivor.id}` });
      expect(note.title).toContain('The one that stays');
    }
    const mails = await db.select().from(outbox).where(eq(outbox.toUserId, cat.id)).orderBy(asc(outbox.id));
    expect(mails.at(-1)!.text).toContain(`/requests/${survivor.id}`);
    // Ben turned e-mail off for this kind: he is told in the app only.
    expect(await db.select().from(outbox).where(eq(outbox.toUserId, ben.id))).toHaveLength(benMails);
    expect((await countRows('outbox')) - mailsBefore).toBe(1);
    // Ben, a co-requestor of the merged item, follows the survivor too.
    expect((await coPeople(survivor.id)).map((p) => [p.userId, p.role])).toEqual(
      expect.arrayContaining([
        [cat.id, 'requestor'],
        [ben.id, 'requestor'],
      ]),
    );
  });

  it('merges two untriaged requests', async () => {
    const a = await item({ cycleId: null, status: 'submitted' });
    const b = await item({ cycleId: null, status: 'submitted', requestorId: ben.id });
    await mergeItems(pm, confirm(a, b, { title: 'merged' }));
    expect((await readItem(a.id)).title).toBe(b.title);
    expect((await readItem(b.id)).status).toBe('merged');
  });
});

describe('mergeItems refuses, writing nothing', () => {
  const snapshot = async () => ({
    ...(await rowCounts()),
    merges: await countRows('item_merges'),
    co: await countRows('item_co_people'),
    notes: await countRows('notifications'),
  });
  const refused = async (call: () => Promise<unknown>, kind: new (...a: never[]) => Error, message: RegExp) => {
    const before = await snapshot();
    const error = await call().then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(kind);
    expect((error as Error).message).toMatch(message);
    expect(await snapshot()).toEqual(before);
  };

  it('an item with itself', async () => {
    const a = await item();
    await refused(() => mergeItems(pm, confirm(a, a)), ValidationError, /cannot be merged with itself/);
  });

  it('items of different cycles, or a new request with a backlog item', async () => {
    const a = await item();
    const other = await item({ cycleId: otherCycleId });
    await refused(() => mergeItems(pm, confirm(a, other)), ValidationError, /different cycles/);
    const request = await item({ cycleId: null, status: 'submitted' });
    await refused(() => mergeItems(pm, confirm(a, request)), ValidationError, /new request/);
  });

  it.each([
    'accepted',
    'rejected',
    'deferred',
    'scheduled',
    'in_delivery',
    'delivered',
    'withdrawn',
    'needs_info',
  ] as const)('a %s item, on either side', async (status) => {
    const open = await item();
    const closed = await item({ status });
    await refused(() => mergeItems(pm, confirm(open, closed)), ValidationError, /only submitted or curated/);
    await refused(() => mergeItems(pm, confirm(closed, open)), ValidationError, /only submitted or curated/);
  });

  it('an item merged already, saying into what and by whom', async () => {
    const a = await item({ title: 'Keeper' });
    const b = await item();
    await mergeItems(pm2, confirm(a, b));
    const c = await item();
    await refused(
      () => mergeItems(pm, confirm(c, { ...b, version: b.version + 1 })),
      ConflictError,
      new RegExp(`was just merged into “Keeper” by ${pm2.name}`),
    );
  });

  it('a merge reviewed before one of the items changed', async () => {
    const a = await item();
    const b = await item();
    await refused(
      () => mergeItems(pm, confirm(a, b, { mergedVersion: b.version + 1 })),
      ConflictError,
      /changed since you reviewed/,
    );
  });

  it('anyone without triage rights, and a malformed choice', async () => {
    const a = await item();
    const b = await item();
    await refused(() => mergeItems(engineer, confirm(a, b)), ForbiddenError, /permission/);
    await refused(() => mergeItems(pm, confirm(a, b, { title: 'both' })), ValidationError, /Some fields/);
  });

  it('two pms merging the same pair at once: one wins, the other is told who merged it', async () => {
    const a = await item({ title: 'Alpha' });
    const b = await item({ title: 'Beta' });
    const results = await Promise.allSettled([mergeItems(pm, confirm(a, b)), mergeItems(pm2, confirm(b, a))]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0].reason).toBeInstanceOf(ConflictError);
    expect(lost[0].reason.message).toMatch(/was just merged into “(Alpha|Beta)” by /);
    const merges = await db
      .select()
      .from(itemMerges)
      .where(eq(itemMerges.survivorId, results[0].status === 'fulfilled' ? a.id : b.id));
    expect(merges).toHaveLength(1);
  });
});
