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
  departmentId = (await makeDepartment(db)).id;
  pm = await userWithRole('pm', { departmentId });
  requestor = await userWithRole('requestor', { departmentId });
});

describe('listIncompleteItems', () => {
  it('names what each curated item in a cycle lacks, and skips complete, decided and untriaged ones', async () => {
    const cycle = await makeCycle(db);
    const base = {
      cycleId: cycle.id,
      requestorId: requestor.id,
      departmentId,
      sponsorId: pm.id,
      businessBenefit: 'Saves money',
      estimateSize: 'M' as const,
    };
    const complete = await makeItem(db, base);
    const noEstimate = await makeItem(db, { ...base, estimateSize: null });
    const noSponsorNoBenefit = await makeItem(db, { ...base, sponsorId: null, businessBenefit: '   ' });
    const rejected = await makeItem(db, { ...base, estimateSize: null, status: 'rejected' });
    const untriaged = await makeItem(db, { ...base, cycleId: null, estimateSize: null, status: 'submitted' });

    const { rows } = await listIncompleteItems(pm, 1000);
    const byId = new Map(rows.map((r) => [r.id, r.missing]));
    expect(byId.get(noEstimate.id)).toEqual(['estimate']);
    expect(byId.get(noSponsorNoBenefit.id)).toEqual(['sponsor', 'business benefit']);
    for (const item of [complete, rejected, untriaged]) expect(byId.has(item.id)).toBe(false);
  });

  it('caps the list but reports the total', async () => {
    const cycle = await makeCycle(db);
    for (let i = 0; i < 3; i++) await makeItem(db, { cycleId: cycle.id, requestorId: requestor.id, departmentId });
    const { rows, total } = await listIncompleteItems(pm, 2);
    expect(rows).toHaveLength(2);
    expect(total).toBeGreaterThanOrEqual(3);
  });

  it('is refused to a requestor', async () => {
    await expect(listIncompleteItems(requestor)).rejects.toThrow(ForbiddenError);
  });
});

describe('getDashboard', () => {
  it('gives a requestor only their own requests and no curation to-do', async () => {
    const other = await makeItem(db, { requestorId: pm.id, departmentId, status: 'submitted', title: 'Not mine' });
    await makeItem(db, { requestorId: requestor.id, departmentId, status: 'submitted', title: 'Mine' });
    const dash = await getDashboard(requestor);
    expect(dash.curation).toBeNull();
    expect(dash.canViewCycles).toBe(false);
    expect(dash.requests.latest.map((r) => r.title)).toContain('Mine');
    expect(dash.requests.latest.map((r) => r.id)).not.toContain(other.id);
  });

  it('gives a pm the triage count of untriaged requests', async () => {
    const before = (await getDashboard(pm)).curation!.triageCount;
    await makeItem(db, { requestorId: requestor.id, departmentId, status: 'submitted', cycleId: null });
    expect((await getDashboard(pm)).curation!.triageCount).toBe(before + 1);
  });
});
