import { beforeAll, describe, expect, it } from 'vitest';
import { makeCycle, makeDepartment, makeItem, makeModule, makeTheme } from '@/db/factories';
import type { ItemStatus } from '@/db/schema';
import { ForbiddenError, NotFoundError } from '@/lib/errors';
import { db, eventsOf, readItem, rowCounts, userWithRole, validationErrorOf } from '@/lib/testing/db';
import { createRequest, listMyRequests, listTriage, triageRequest, withdrawRequest } from './requests.server';
import type { TestUser } from '@/db/factories';
import { inOrder } from '@/lib/testing/in-order';

let pm: TestUser, leader: TestUser, alice: TestUser, bob: TestUser;
let departmentId: number;

beforeAll(async () => {
  departmentId = (await makeDepartment(db)).id;
  [pm, leader, alice, bob] = await inOrder(['pm', 'leader', 'requestor', 'requestor'] as const, async (role) =>
    userWithRole(role, { departmentId }),
  );
});

const requestInput = (over: Record<string, unknown> = {}) => ({
  title: 'Single sign-on for the partner portal',
  description: 'Partners log in with their own IdP.',
  businessBenefit: 'Fewer support tickets.',
  sponsorSuggestion: 'Head of partnerships',
  departmentId,
  ...over,
});

describe('createRequest', () => {
  it('records a submitted request owned by the actor, outside any cycle', async () => {
    // A requestorId in the input is ignored: the actor is always the requestor.
    const item = await createRequest(alice, requestInput({ requestorId: bob.id }));
    expect(await readItem(item.id)).toMatchObject({
      requestorId: alice.id,
      status: 'submitted',
      cycleId: null,
      themeId: null,
      departmentId,
      title: 'Single sign-on for the partner portal',
      sponsorSuggestion: 'Head of partnerships',
    });
    expect(await eventsOf('item', item.id)).toMatchObject([{ type: 'request.submitted', actorId: alice.id }]);
  });

  it.each([
    ['a missing title', { title: '' }, 'title'],
    ['an empty description', { description: '  ' }, 'description'],
    ['no department', { departmentId: '' }, 'departmentId'],
    ['an unknown department', { departmentId: 987_654 }, 'departmentId'],
    ['an over-long sponsor suggestion', { sponsorSuggestion: 's'.repeat(201) }, 'sponsorSuggestion'],
  ])('refuses %s with a field error and writes nothing', async (_label, over, field) => {
    const before = await rowCounts();
    const error = await validationErrorOf(() => createRequest(alice, requestInput(over)));
    expect(error.fieldErrors[field]).toHaveLength(1);
    expect(await rowCounts()).toEqual(before);
  });
});

describe('listMyRequests', () => {
  it("returns only the actor's own requests", async () => {
    const carol = await userWithRole('requestor', { departmentId });
    const dave = await userWithRole('requestor', { departmentId });
    const mine = [
      await createRequest(carol, requestInput({ title: 'Carol 1' })),
      await createRequest(carol, requestInput({ title: 'Carol 2' })),
    ];
    await createRequest(dave, requestInput({ title: 'Dave 1' }));

    const listed = await listMyRequests(carol);
    expect(listed.map((r) => r.id).sort()).toEqual(mine.map((r) => r.id).sort());
    expect((await listMyRequests(dave)).map((r) => r.title)).toEqual(['Dave 1']);
  });
});

describe('withdrawRequest', () => {
  const requestIn = async (owner: TestUser, status: ItemStatus) =>
    makeItem(db, { requestorId: owner.id, departmentId, cycleId: null, status });

  it('lets the owner withdraw and logs the status change', async () => {
    const item = await createRequest(alice, requestInput());
    const after = await withdrawRequest(alice, item.id);
    expect(after).toMatchObject({ status: 'withdrawn', version: 2 });
    const last = (await eventsOf('item', item.id)).at(-1)!;
    expect(last).toMatchObject({ type: 'item.status_changed', actorId: alice.id });
    expect(last.data.changes).toEqual({ status: { from: 'submitted', to: 'withdrawn' } });
  });

  it.each(['submitted', 'accepted'] as const)(
    'refuses another requestor (item %s) with ForbiddenError',
    async (status) => {
      const item = await requestIn(alice, status);
      await expect(withdrawRequest(bob, item.id)).rejects.toThrow(ForbiddenError);
      await expect(withdrawRequest(leader, item.id)).rejects.toThrow(ForbiddenError);
      expect((await readItem(item.id)).status).toBe(status);
    },
  );

  it.each(['accepted', 'rejected', 'scheduled', 'withdrawn'] as const)(
    'refuses the owner once the item is %s (ValidationError)',
    async (status) => {
      const item = await requestIn(alice, status);
      const error = await validationErrorOf(() => withdrawRequest(alice, item.id));
      expect(error.fieldErrors.status).toHaveLength(1);
      expect(await readItem(item.id)).toMatchObject({ status, version: 1 });
    },
  );

  it('404s an unknown request', async () => {
    await expect(withdrawRequest(alice, 987_654)).rejects.toThrow(NotFoundError);
  });
});

describe('listTriage', () => {
  it('is forbidden to requestors and leaders', async () => {
    await expect(listTriage(alice)).rejects.toThrow(ForbiddenError);
    await expect(listTriage(leader)).rejects.toThrow(ForbiddenError);
  });

  it('shows the pm submitted requests that are not in a cycle yet', async () => {
    const waiting = await createRequest(alice, requestInput({ title: 'Waiting for triage' }));
    const inCycle = await makeItem(db, {
      requestorId: alice.id,
      departmentId,
      cycleId: (await makeCycle(db)).id,
      status: 'submitted',
    });
    const withdrawn = await makeItem(db, { requestorId: alice.id, departmentId, cycleId: null, status: 'withdrawn' });
    const ids = (await listTriage(pm)).map((r) => r.id);
    expect(ids).toContain(waiting.id);
    expect(ids).not.toContain(inCycle.id);
    expect(ids).not.toContain(withdrawn.id);
  });
});

describe('triageRequest', () => {
  const triageInput = (cycleId: number, over: Record<string, unknown> = {}) => ({
    title: 'SSO for partners',
    description: 'OIDC and SAML.',
    businessBenefit: 'Fewer tickets.',
    estimate: 'L',
    sme: 'Ana',
    sponsorId: leader.id,
    requestorId: alice.id,
    departmentId,
    kind: 'feature',
    themeId: '',
    moduleIds: [],
    cycleId,
    ...over,
  });

  it('moves a request into a cycle as a curated item', async () => {
    const cycle = await makeCycle(db);
    const theme = await makeTheme(db, cycle.id);
    const mod = await makeModule(db);
    const request = await createRequest(alice, requestInput());
    const after = await triageRequest(
      pm,
      request.id,
      triageInput(cycle.id, { themeId: theme.id, moduleIds: [mod.id] }),
      request.version,
    );

    expect(await readItem(request.id)).toMatchObject({
      status: 'curated',
      cycleId: cycle.id,
      themeId: theme.id,
      estimateSize: 'L',
      sponsorId: leader.id,
      requestorId: alice.id,
      version: 2,
    });
    expect(after.status).toBe('curated');
    expect((await eventsOf('item', request.id)).map((e) => e.type)).toEqual([
      'request.submitted',
      'request.curated',
      'item.updated',
    ]);
    expect((await listTriage(pm)).map((r) => r.id)).not.toContain(request.id);
  });

  it('refuses a theme from another cycle and leaves the request untouched', async () => {
    const cycle = await makeCycle(db);
    const foreignTheme = await makeTheme(db, (await makeCycle(db)).id);
    const request = await createRequest(alice, requestInput());
    const before = await rowCounts();
    const error = await validationErrorOf(async () =>
      triageRequest(pm, request.id, triageInput(cycle.id, { themeId: foreignTheme.id }), request.version),
    );
    expect(error.fieldErrors.themeId).toEqual(['This theme belongs to another cycle.']);
    expect(await rowCounts()).toEqual(before);
    expect(await readItem(request.id)).toMatchObject({ status: 'submitted', cycleId: null, version: 1 });
  });

  it('refuses a requestor and a withdrawn request', async () => {
    const cycle = await makeCycle(db);
    const request = await createRequest(alice, requestInput());
    await expect(triageRequest(alice, request.id, triageInput(cycle.id), request.version)).rejects.toThrow(
      ForbiddenError,
    );
    const withdrawn = await withdrawRequest(alice, request.id);
    expect(
      (await validationErrorOf(async () => triageRequest(pm, request.id, triageInput(cycle.id), withdrawn.version)))
        .fieldErrors.status,
    ).toHaveLength(1);
    expect(await readItem(request.id)).toMatchObject({ status: 'withdrawn', cycleId: null });
  });

  it('never pulls a decided item of another cycle back through triage', async () => {
    const [a, b] = [await makeCycle(db), await makeCycle(db)];
    const accepted = await makeItem(db, {
      cycleId: a.id,
      status: 'accepted',
      requestorId: alice.id,
      departmentId: alice.departmentId,
    });
    expect(
      (await validationErrorOf(async () => triageRequest(pm, accepted.id, triageInput(b.id), accepted.version)))
        .fieldErrors.status,
    ).toEqual(['This request has already been triaged or withdrawn.']);
    expect(await readItem(accepted.id)).toMatchObject({ status: 'accepted', cycleId: a.id });
  });
});
