import { transaction } from '@/db/client';
import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { makeCycle, makeDepartment, makeItem, makeModule, makeTheme } from '@/db/factories';
import { prereadReads, type Cycle, type Item } from '@/db/schema';
import { loadItem, patchItem, replaceModules } from '@/lib/backlog/items.server';
import { ForbiddenError, NotFoundError } from '@/lib/errors';
import { db, userWithRole } from '@/lib/testing/db';
import { latestPrereadMeetingForCycle, openPreread, type PrereadView } from './read.server';
import { readReceipts } from './receipts.server';
import { makeDistributedPreread, makeMeeting, sendPrereadUpdate } from './test-factories';
import type { TestUser } from '@/db/factories';
import { inOrder } from '@/lib/testing/in-order';

let pm: TestUser,
  admin: TestUser,
  leader: TestUser,
  observer: TestUser,
  sponsor: TestUser,
  outsider: TestUser,
  requestor: TestUser;
let cycle: Cycle, growth: Item, sso: Item, audit: Item, loose: Item;
let departmentId: number;

const receiptsOf = async (prereadId: number, userId: number) =>
  db
    .select()
    .from(prereadReads)
    .where(and(eq(prereadReads.prereadId, prereadId), eq(prereadReads.userId, userId)));
const distributed = (view: PrereadView) => {
  if (!view.distributed) throw new Error('expected a distributed pre-read');
  return view;
};
const itemView = (view: PrereadView, id: number) =>
  distributed(view)
    .sections.flatMap((s) => s.items)
    .find((i) => i.id === id)!;
const edit = (itemId: number, patch: Partial<Item>) =>
  transaction(async (tx) => patchItem(tx, pm, await loadItem(tx, itemId), patch));

beforeAll(async () => {
  departmentId = (await makeDepartment(db, 'Operations')).id;
  [pm, admin, leader, observer, sponsor, outsider, requestor] = await inOrder(
    ['pm', 'admin', 'leader', 'leader', 'leader', 'leader', 'requestor'] as const,
    async (role) => userWithRole(role, { departmentId }),
  );
  cycle = await makeCycle(db, { capacityWeeks: 10, sizeWeeks: { XS: 0.5, S: 1, M: 3, L: 6, XL: 12 } });
  const first = await makeTheme(db, cycle.id, { name: 'Grow revenue', keyOutcome: 'Conversion up' });
  const second = await makeTheme(db, cycle.id, { name: 'Enterprise', keyOutcome: 'Close deals' });
  const billing = await makeModule(db, 'Billing');
  const base = { cycleId: cycle.id, requestorId: requestor.id, departmentId };
  sso = await makeItem(db, {
    ...base,
    themeId: second.id,
    title: 'SSO',
    estimateSize: 'M',
    sponsorId: sponsor.id,
    moduleIds: [billing.id],
  });
  growth = await makeItem(db, { ...base, themeId: first.id, title: 'Annual plans', estimateSize: 'L' });
  audit = await makeItem(db, { ...base, themeId: second.id, title: 'Audit log', estimateWeeks: 2.5 });
  loose = await makeItem(db, { ...base, title: 'No theme yet' });
});

async function freshMeeting(opts: { distribute?: boolean } = {}) {
  const args = {
    cycleId: cycle.id,
    facilitatorId: pm.id,
    itemIds: [sso.id, growth.id, audit.id, loose.id],
    attendees: [
      { userId: leader.id, role: 'voter' as const },
      { userId: observer.id, role: 'observer' as const },
    ],
  };
  return opts.distribute === false
    ? { meeting: await makeMeeting(db, args), preread: null }
    : makeDistributedPreread(db, args);
}

describe('openPreread', () => {
  it('records a read receipt the first time an attendee opens it, and only once', async () => {
    const { meeting, preread } = await freshMeeting();
    const first = new Date('2030-01-01T10:00:00Z');
    await openPreread(leader, meeting.id, first);
    await openPreread(leader, meeting.id, new Date('2030-01-02T10:00:00Z'));
    await openPreread(observer, meeting.id, first);
    expect(await receiptsOf(preread!.id, leader.id)).toEqual([
      { prereadId: preread!.id, userId: leader.id, readAt: first.toISOString() },
    ]);
    expect(await receiptsOf(preread!.id, observer.id)).toHaveLength(1);
  });

  it('lets pm and admin read without being recorded as readers', async () => {
    const { meeting, preread } = await freshMeeting();
    expect((await openPreread(admin, meeting.id)).distributed).toBe(true);
    expect(distributed(await openPreread(pm, meeting.id)).canSeeReceipts).toBe(true);
    expect(await receiptsOf(preread!.id, admin.id)).toHaveLength(0);
    expect(await receiptsOf(preread!.id, pm.id)).toHaveLength(0);
  });

  it('refuses a non-attendee (403), before and after distribution', async () => {
    const { meeting } = await freshMeeting({ distribute: false });
    await expect(openPreread(outsider, meeting.id)).rejects.toThrow(ForbiddenError);
    await expect(openPreread(requestor, (await freshMeeting()).meeting.id)).rejects.toThrow(ForbiddenError);
    await expect(openPreread(leader, 987_654)).rejects.toThrow(NotFoundError);
  });

  it('lets a sponsor outside the meeting open it to answer questions, without asking or a receipt', async () => {
    const { meeting, preread } = await freshMeeting();
    const view = distributed(await openPreread(sponsor, meeting.id));
    expect(view.questions.canAsk).toBe(false);
    expect(view.canSeeReceipts).toBe(false);
    expect(await receiptsOf(preread!.id, sponsor.id)).toHaveLength(0);
  });

  it('shows a sponsor or SME outside the meeting only the items they answer for', async () => {
    const { meeting } = await freshMeeting();
    const titles = (view: PrereadView) =>
      distributed(view)
        .sections.flatMap((s) => s.items)
        .map((i) => i.title);
    // The sponsor of SSO, a leader who is not invited.
    const sponsorView = distributed(await openPreread(sponsor, meeting.id));
    expect(titles(sponsorView)).toEqual(['SSO']);
    expect(sponsorView.capacity).toMatchObject({ totalWeeks: 3 });
    expect(sponsorView.updates).toEqual([]);
    // A requestor named (in free text) as the SME of one item.
    await edit(audit.id, { sme: requestor.name });
    try {
      expect(titles(await openPreread(requestor, meeting.id))).toEqual(['Audit log']);
    } finally {
      await edit(audit.id, { sme: '' });
    }
    // The meeting's own people read it whole.
    for (const reader of [leader, observer, pm, admin]) {
      expect(titles(await openPreread(reader, meeting.id)).sort()).toEqual([
        'Annual plans',
        'Audit log',
        'No theme yet',
        'SSO',
      ]);
    }
  });

  it('says when the pre-read has not been distributed yet', async () => {
    const { meeting } = await freshMeeting({ distribute: false });
    expect(await openPreread(leader, meeting.id)).toMatchObject({
      distributed: false,
      meeting: { id: meeting.id, facilitator: pm.name },
    });
  });

  it('groups items by theme in snapshot order and sums the capacity', async () => {
    const view = distributed(await openPreread(leader, (await freshMeeting()).meeting.id));
    expect(view.sections.map((s) => [s.name, s.keyOutcome, s.items.map((i) => i.title)])).toEqual([
      ['Grow revenue', 'Conversion up', ['Annual plans']],
      ['Enterprise', 'Close deals', ['SSO', 'Audit log']],
      ['No theme', '', ['No theme yet']],
    ]);
    expect(view.capacity).toMatchObject({ totalWeeks: 11.5, capacityWeeks: 10, overBy: 1.5, unestimated: 1 });
    expect(view.capacity.themes.map((t) => [t.name, t.weeks])).toEqual([
      ['Grow revenue', 6],
      ['Enterprise', 5.5],
      ['No theme', 0],
    ]);
    expect(itemView(view, sso.id)).toMatchObject({
      sponsor: sponsor.name,
      modules: ['Billing'],
      estimate: 'M',
      changes: [],
      questions: [],
    });
  });

  it('shows what changed on an item after distribution, before and after', async () => {
    const { meeting } = await freshMeeting();
    expect(itemView(await openPreread(leader, meeting.id), sso.id).changes).toEqual([]);
    await edit(sso.id, { estimateSize: 'L', sponsorId: null });
    const changes = itemView(await openPreread(leader, meeting.id), sso.id).changes;
    expect(changes).toEqual([
      { field: 'estimate', label: 'Estimate', before: 'M', after: 'L' },
      { field: 'sponsor', label: 'Sponsor', before: sponsor.name, after: '—' },
    ]);
    expect(itemView(await openPreread(leader, meeting.id), growth.id).changes).toEqual([]);
    await edit(sso.id, { estimateSize: 'M', sponsorId: sponsor.id });
  });

  it('notices a module change and ignores a status change', async () => {
    const { meeting } = await freshMeeting();
    await transaction(async (tx) => replaceModules(tx, pm, audit.id, [(await makeModule(db, 'Reporting')).id]));
    await edit(growth.id, { status: 'deferred' });
    const view = await openPreread(leader, meeting.id);
    expect(itemView(view, audit.id).changes).toEqual([
      { field: 'modules', label: 'Modules', before: '—', after: 'Reporting' },
    ]);
    expect(itemView(view, growth.id).changes).toEqual([]);
  });

  it('compares with the latest update sent, and lists the updates', async () => {
    const { meeting, preread } = await freshMeeting();
    await edit(loose.id, { title: 'Now with a better title' });
    await sendPrereadUpdate(db, preread!.id, meeting.id, {
      sentBy: pm.id,
      itemIds: [sso.id, loose.id],
      summary: ['Removed Annual plans', 'Changed Now with a better title'],
    });
    const view = distributed(await openPreread(leader, meeting.id));
    expect(view.updates).toEqual([
      { sentAt: expect.any(String), summary: ['Removed Annual plans', 'Changed Now with a better title'] },
    ]);
    expect(view.sections.flatMap((s) => s.items.map((i) => i.title))).toEqual(['SSO', 'Now with a better title']);
    expect(itemView(view, loose.id).changes).toEqual([]);
  });
});

describe('readReceipts', () => {
  it('lists every attendee with when they read it, for the pm and the facilitator only', async () => {
    const { meeting } = await freshMeeting();
    const at = new Date('2030-02-01T08:00:00Z');
    await openPreread(leader, meeting.id, at);
    const { distributed: sent, receipts } = await readReceipts(pm, meeting.id);
    expect(sent).toBe(true);
    expect(receipts.map((r) => [r.userId, r.role, r.readAt])).toEqual(
      expect.arrayContaining([
        [leader.id, 'voter', at.toISOString()],
        [observer.id, 'observer', null],
      ]),
    );
    expect(receipts).toHaveLength(2);
    await expect(readReceipts(leader, meeting.id)).rejects.toThrow(ForbiddenError);
  });
});

describe('latestPrereadMeetingForCycle', () => {
  it('is the latest regular meeting with a pre-read, or null', async () => {
    const other = await makeCycle(db);
    expect(await latestPrereadMeetingForCycle(leader, other.id)).toBeNull();
    const day = 86_400_000;
    const base = { cycleId: other.id, facilitatorId: pm.id, attendees: [{ userId: leader.id }] };
    const early = (await makeDistributedPreread(db, { ...base, scheduledAt: new Date(Date.now() + 10 * day) })).meeting;
    await makeMeeting(db, { ...base, scheduledAt: new Date(Date.now() + 20 * day) });
    await makeDistributedPreread(db, { ...base, kind: 'emergency', scheduledAt: new Date(Date.now() + 30 * day) });
    expect(await latestPrereadMeetingForCycle(leader, other.id)).toBe(early.id);
    await expect(latestPrereadMeetingForCycle(requestor, other.id)).rejects.toThrow(ForbiddenError);
    await expect(latestPrereadMeetingForCycle(leader, 987_654)).rejects.toThrow(NotFoundError);
  });
});
