import { beforeAll, describe, expect, it } from 'vitest';
import { makeCycle, makeDepartment, makeItem } from '@/db/factories';
import { ForbiddenError } from '@/lib/errors';
import { db, userWithRole } from '@/lib/testing/db';
import { getDashboard, listIncompleteItems } from './dashboard.server';
import type { TestUser } from '@/db/factories';

let pm: TestUser;
let requestor: TestUser;
let departmentId: number;

beforeAll(async () => {
  departmentId = makeDepartment(db).id;
  pm = await userWithRole('pm', { departmentId });
  requestor = await userWithRole('requestor', { departmentId });
});

describe('listIncompleteItems', () => {
  it('names what each curated item in a cycle lacks, and skips complete, decided and untriaged ones', () => {
    const cycle = makeCycle(db);
    const base = {
      cycleId: cycle.id,
      requestorId: requestor.id,
      departmentId,
      sponsorId: pm.id,
      businessBenefit: 'Saves money',
      estimateSize: 'M' as const,
    };
    const complete = makeItem(db, base);
    const noEstimate = makeItem(db, { ...base, estimateSize: null });
    const noSponsorNoBenefit = makeItem(db, { ...base, sponsorId: null, businessBenefit: '   ' });
    const rejected = makeItem(db, { ...base, estimateSize: null, status: 'rejected' });
    const untriaged = makeItem(db, { ...base, cycleId: null, estimateSize: null, status: 'submitted' });

    const { rows } = listIncompleteItems(pm, 1000);
    const byId = new Map(rows.map((r) => [r.id, r.missing]));
    expect(byId.get(noEstimate.id)).toEqual(['estimate']);
    expect(byId.get(noSponsorNoBenefit.id)).toEqual(['sponsor', 'business benefit']);
    for (const item of [complete, rejected, untriaged]) expect(byId.has(item.id)).toBe(false);
  });

  it('caps the list but reports the total', () => {
    const cycle = makeCycle(db);
    for (let i = 0; i < 3; i++) makeItem(db, { cycleId: cycle.id, requestorId: requestor.id, departmentId });
    const { rows, total } = listIncompleteItems(pm, 2);
    expect(rows).toHaveLength(2);
    expect(total).toBeGreaterThanOrEqual(3);
  });

  it('is refused to a requestor', () => {
    expect(() => listIncompleteItems(requestor)).toThrow(ForbiddenError);
  });
});

describe('getDashboard', () => {
  it('gives a requestor only their own requests and no curation to-do', () => {
    const other = makeItem(db, { requestorId: pm.id, departmentId, status: 'submitted', title: 'Not mine' });
    makeItem(db, { requestorId: requestor.id, departmentId, status: 'submitted', title: 'Mine' });
    const dash = getDashboard(requestor);
    expect(dash.curation).toBeNull();
    expect(dash.canViewCycles).toBe(false);
    expect(dash.requests.latest.map((r) => r.title)).toContain('Mine');
    expect(dash.requests.latest.map((r) => r.id)).not.toContain(other.id);
  });

  it('gives a pm the triage count of untriaged requests', () => {
    const before = getDashboard(pm).curation!.triageCount;
    makeItem(db, { requestorId: requestor.id, departmentId, status: 'submitted', cycleId: null });
    expect(getDashboard(pm).curation!.triageCount).toBe(before + 1);
  });
});
