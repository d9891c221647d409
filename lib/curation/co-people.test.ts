import { beforeAll, describe, expect, it } from 'vitest';
import { makeCycle, makeDepartment, makeItem, type TestUser } from '@/db/factories';
import { ForbiddenError } from '@/lib/errors';
import { getItemForViewer } from '@/lib/backlog/items.server';
import { outcomeAudience } from '@/lib/outcome/audience.server';
import { decision } from '@/lib/outcome/test-report';
import type { OutcomeReport } from '@/lib/outcome/types';
import { getRequest, listMyRequests } from '@/lib/requests/requests.server';
import { coPeopleNames } from '@/lib/backlog/co-people.server';
import { db, userWithRole } from '@/lib/testing/db';
import { inOrder } from '@/lib/testing/in-order';
import { itemCoPeople } from '@/db/schema';
import { setEntry } from '@/lib/schedule/entries.server';
import { publishSchedule } from '@/lib/schedule/publish.server';
import { entry, notificationsOf, scheduleSetup } from '@/lib/schedule/test-helpers';
import { mergeItems } from './merge.server';

let pm: TestUser, ann: TestUser, ben: TestUser, cat: TestUser, dan: TestUser, stranger: TestUser;
let departmentId: number, cycleId: number;

beforeAll(async () => {
  departmentId = (await makeDepartment(db)).id;
  [pm, ann, ben, cat, dan, stranger] = await inOrder(
    ['pm', 'requestor', 'requestor', 'leader', 'leader', 'requestor'] as const,
    async (role) => userWithRole(role, { departmentId }),
  );
  cycleId = (await makeCycle(db)).id;
});

/** Ann's item survives; Ben's duplicate, sponsored by Dan, is merged into it. */
async function mergedPair() {
  const survivor = await makeItem(db, { cycleId, departmentId, requestorId: ann.id, sponsorId: cat.id });
  const merged = await makeItem(db, { cycleId, departmentId, requestorId: ben.id, sponsorId: dan.id });
  await mergeItems(pm, {
    survivorId: survivor.id,
    mergedId: merged.id,
    survivorVersion: survivor.version,
    mergedVersion: merged.version,
  });
  return { survivor, merged };
}

describe('co-requestors and co-sponsors follow the survivor', () => {
  it('lets a co-requestor open the survivor, and nobody else who could not before', async () => {
    const { survivor } = await mergedPair();
    expect((await getItemForViewer(ben, survivor.id)).id).toBe(survivor.id);
    expect((await getRequest(ben, survivor.id)).history?.map((e) => e.type)).toContain('item.merged');
    expect(await coPeopleNames(survivor.id)).toEqual({ requestors: [ben.name], sponsors: [dan.name] });
    await expect(getItemForViewer(stranger, survivor.id)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('lists the survivor in the co-requestor’s "My requests", beside their merged request', async () => {
    const { survivor, merged } = await mergedPair();
    const mine = await listMyRequests(ben);
    expect(mine.map((r) => [r.id, r.status])).toEqual(
      expect.arrayContaining([
        [survivor.id, 'curated'],
        [merged.id, 'merged'],
      ]),
    );
    expect((await listMyRequests(stranger)).map((r) => r.id)).not.toContain(survivor.id);
  });

  it('tells co-requestors and co-sponsors at publish, each once, counted as such', async () => {
    const { survivor } = await mergedPair();
    const report = {
      meeting: { id: 2_000_000_000 },
      decisions: [decision({ itemId: survivor.id, title: survivor.title, outcome: 'accepted' })],
      undecided: [],
    } as unknown as OutcomeReport;
    const audience = await outcomeAudience(db, report);
    const as = (userId: number) => audience.recipients.get(userId)?.map((e) => e.as);
    expect(as(ann.id)).toEqual(['requestor']);
    expect(as(ben.id)).toEqual(['requestor']);
    expect(as(cat.id)).toEqual(['sponsor']);
    expect(as(dan.id)).toEqual(['sponsor']);
    expect(audience).toMatchObject({ requestors: 2, sponsors: 2 });
    expect(audience.recipients.has(stranger.id)).toBe(false);
  });
});

describe('co-people hear of the delivery schedule', () => {
  it('tells a co-requestor and a co-sponsor of a scheduled item when the schedule is published', async () => {
    const s = await scheduleSetup();
    const [coRequestor, coSponsor] = [await userWithRole('requestor'), await userWithRole('leader')];
    const addedAt = new Date().toISOString();
    await db.insert(itemCoPeople).values([
      { itemId: s.alpha.id, userId: coRequestor.id, role: 'requestor', viaItemId: null, addedAt },
      { itemId: s.alpha.id, userId: coSponsor.id, role: 'sponsor', viaItemId: null, addedAt },
    ]);
    await setEntry(s.pm, s.alpha.id, entry(s.january.id, s.engineer.id, '2027-01-04'));
    await publishSchedule(s.pm, s.cycle.id);
    for (const who of [coRequestor, coSponsor]) {
      const [note] = await notificationsOf(who);
      expect(note?.kind).toBe('schedule.published');
    }
  });
});
