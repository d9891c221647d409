import { beforeAll, describe, expect, it } from 'vitest';
import { makeCycle, makeItem } from '@/db/factories';
import { ITEM_STATUSES, ROLES, type ItemStatus, type Role } from '@/db/schema';
import { ForbiddenError } from '@/lib/errors';
import { db, userWithRole } from '@/lib/testing/db';
import { ACTIONS, assertCan, can, canViewItem, canWithdraw, type Action } from './permissions';
import type { TestUser } from '@/db/factories';

/**
 * The product rules, written out by hand: admin and pm manage cycles, curate and triage;
 * only admin manages people; leaders and engineers see the backlog and its history; engineers also
 * add items and estimate, but neither edit every field nor move status; everyone, requestors
 * included, may submit a request.
 */
const T = true,
  F = false;
const EXPECTED: Record<Role, Record<Action, boolean>> = {
  admin: {
    'backlog.view': T,
    'cycle.manage': T,
    'item.create': T,
    'item.edit': T,
    'item.estimate': T,
    'item.setStatus': T,
    'request.create': T,
    'request.triage': T,
    'history.view': T,
    'user.manage': T,
    'sso.manage': T,
    'meeting.manage': T,
    'outbox.view': T,
    'schedule.edit': T,
    'schedule.publish': T,
    'change.raise': T,
    'change.decide': T,
    'audit.view': T,
    'webhook.manage': T,
    'demo.manage': T,
    'map.edit': T,
  },
  pm: {
    'backlog.view': T,
    'cycle.manage': T,
    'item.create': T,
    'item.edit': T,
    'item.estimate': T,
    'item.setStatus': T,
    'request.create': T,
    'request.triage': T,
    'history.view': T,
    'user.manage': F,
    'sso.manage': F,
    'meeting.manage': T,
    'outbox.view': F,
    'schedule.edit': T,
    'schedule.publish': T,
    'change.raise': T,
    'change.decide': T,
    'audit.view': F,
    'webhook.manage': F,
    'demo.manage': T,
    'map.edit': T,
  },
  leader: {
    'backlog.view': T,
    'cycle.manage': F,
    'item.create': F,
    'item.edit': F,
    'item.estimate': F,
    'item.setStatus': F,
    'request.create': T,
    'request.triage': F,
    'history.view': T,
    'user.manage': F,
    'sso.manage': F,
    'meeting.manage': F,
    'outbox.view': F,
    'schedule.edit': F,
    'schedule.publish': F,
    'change.raise': T,
    'change.decide': F,
    'audit.view': F,
    'webhook.manage': F,
    'demo.manage': F,
    'map.edit': F,
  },
  engineer: {
    'backlog.view': T,
    'cycle.manage': F,
    'item.create': T,
    'item.edit': F,
    'item.estimate': T,
    'item.setStatus': F,
    'request.create': T,
    'request.triage': F,
    'history.view': T,
    'user.manage': F,
    'sso.manage': F,
    'meeting.manage': F,
    'outbox.view': F,
    'schedule.edit': T,
    'schedule.publish': F,
    'change.raise': F,
    'change.decide': F,
    'audit.view': F,
    'webhook.manage': F,
    'demo.manage': T,
    'map.edit': T,
  },
  requestor: {
    'backlog.view': F,
    'cycle.manage': F,
    'item.create': F,
    'item.edit': F,
    'item.estimate': F,
    'item.setStatus': F,
    'request.create': T,
    'request.triage': F,
    'history.view': F,
    'user.manage': F,
    'sso.manage': F,
    'meeting.manage': F,
    'outbox.view': F,
    'schedule.edit': F,
    'schedule.publish': F,
    'change.raise': F,
    'change.decide': F,
    'audit.view': F,
    'webhook.manage': F,
    'demo.manage': F,
    'map.edit': F,
  },
};

const CASES = ROLES.flatMap((role) => ACTIONS.map((action) => ({ role, action, allowed: EXPECTED[role][action] })));

const actors = {} as Record<Role, TestUser>;
beforeAll(async () => {
  for (const role of ROLES) actors[role] = await userWithRole(role);
});

describe('role × action', () => {
  it('the expected table covers every role and every action', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...ROLES].sort());
    for (const role of ROLES) expect(Object.keys(EXPECTED[role]).sort()).toEqual([...ACTIONS].sort());
  });

  it.each(CASES)('$role may $action: $allowed', ({ role, action, allowed }) => {
    const actor = actors[role];
    expect(can(actor, action)).toBe(allowed);
    if (allowed) expect(() => assertCan(actor, action)).not.toThrow();
    else expect(() => assertCan(actor, action)).toThrow(ForbiddenError);
  });
});

describe('canViewItem', () => {
  let requestorA: TestUser, requestorB: TestUser;
  let cycleId: number;
  beforeAll(async () => {
    requestorA = await userWithRole('requestor');
    requestorB = await userWithRole('requestor');
    cycleId = (await makeCycle(db)).id;
  });
  const request = async (owner: TestUser) =>
    makeItem(db, { requestorId: owner.id, departmentId: owner.departmentId, status: 'submitted', cycleId: null });

  it("a requestor can view their own request but not another requestor's", async () => {
    const ofA = await request(requestorA);
    const ofB = await request(requestorB);
    expect(canViewItem(requestorA, ofA)).toBe(true);
    expect(canViewItem(requestorA, ofB)).toBe(false);
    expect(canViewItem(requestorB, ofA)).toBe(false);
  });

  it("a requestor cannot view someone else's item even once it is in a cycle", async () => {
    const inCycle = await makeItem(db, {
      requestorId: requestorB.id,
      departmentId: requestorB.departmentId,
      cycleId,
      status: 'curated',
    });
    expect(canViewItem(requestorA, inCycle)).toBe(false);
  });

  it('a leader can view a curated item in a cycle', async () => {
    const item = await makeItem(db, {
      requestorId: requestorA.id,
      departmentId: requestorA.departmentId,
      cycleId,
      status: 'curated',
    });
    expect(canViewItem(actors.leader, item)).toBe(true);
  });

  it('a leader cannot view an untriaged request', async () => {
    expect(canViewItem(actors.leader, await request(requestorA))).toBe(false);
  });

  it("a leader cannot view someone else's draft, even in a cycle", async () => {
    const draft = await makeItem(db, {
      requestorId: requestorA.id,
      departmentId: requestorA.departmentId,
      cycleId,
      status: 'draft',
    });
    expect(canViewItem(actors.leader, draft)).toBe(false);
    expect(canViewItem(actors.engineer, draft)).toBe(false);
    expect(canViewItem(requestorA, draft)).toBe(true);
  });

  it('a pm and an admin can view untriaged requests', async () => {
    const item = await request(requestorA);
    expect(canViewItem(actors.pm, item)).toBe(true);
    expect(canViewItem(actors.admin, item)).toBe(true);
  });
});

describe('canWithdraw', () => {
  const BEFORE_DECIDED: ItemStatus[] = ['draft', 'submitted', 'curated', 'needs_info'];
  let owner: TestUser, other: TestUser;
  beforeAll(async () => {
    owner = await userWithRole('requestor');
    other = await userWithRole('requestor');
  });
  const itemIn = async (status: ItemStatus) =>
    makeItem(db, { requestorId: owner.id, departmentId: owner.departmentId, status, cycleId: null });

  it.each(ITEM_STATUSES.map((status) => ({ status, expected: BEFORE_DECIDED.includes(status) })))(
    'the owner may withdraw a $status item: $expected',
    async ({ status, expected }) => {
      expect(canWithdraw(owner, await itemIn(status))).toBe(expected);
    },
  );

  it('another requestor may not withdraw it, a pm may', async () => {
    const item = await itemIn('submitted');
    expect(canWithdraw(other, item)).toBe(false);
    expect(canWithdraw(actors.leader, item)).toBe(false);
    expect(canWithdraw(actors.pm, item)).toBe(true);
  });

  it('not even a pm may withdraw a decided item', async () => {
    expect(canWithdraw(actors.pm, await itemIn('accepted'))).toBe(false);
    expect(canWithdraw(actors.pm, await itemIn('rejected'))).toBe(false);
  });
});
