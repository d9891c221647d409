import { beforeAll, describe, expect, it } from 'vitest';
import { makeCycle, makeDepartment, makeUser, type TestUser } from '@/db/factories';
import { smeResolver } from '@/lib/questions/roles.server';
import { db, readItem, rowCounts, userWithRole, validationErrorOf } from '@/lib/testing/db';
import { createItem, updateItem } from './items.server';
import { SME_PERSON_MESSAGE } from './sme.server';

let pm: TestUser, expert: TestUser, gone: TestUser;
let departmentId: number, cycleId: number;

beforeAll(async () => {
  departmentId = (await makeDepartment(db)).id;
  pm = await userWithRole('pm', { departmentId });
  expert = await makeUser(db, { role: 'engineer', departmentId, name: 'Erin Expert' });
  gone = await makeUser(db, { role: 'engineer', departmentId, name: 'Gone Person', active: false });
  cycleId = (await makeCycle(db)).id;
});

const fields = (over: Record<string, unknown> = {}) => ({
  title: 'Audit trail export',
  kind: 'feature',
  requestorId: pm.id,
  departmentId,
  ...over,
});

describe('the SME picked from people', () => {
  it('keeps the person and takes their name from their row, not from the form', async () => {
    const item = await createItem(
      pm,
      cycleId,
      fields({ sme: 'whatever the browser sent', smeUserId: String(expert.id) }),
    );
    expect(await readItem(item.id)).toMatchObject({ sme: 'Erin Expert', smeUserId: expert.id });
    // The questions on the item go to the picked person, whatever their name's spelling.
    expect((await smeResolver(db))('someone else', expert.id)).toBe(expert.id);
  });

  it('keeps a name not in Quorum as free text, with no person', async () => {
    const item = await createItem(pm, cycleId, fields({ sme: 'Olga from Finance', smeUserId: '' }));
    expect(await readItem(item.id)).toMatchObject({ sme: 'Olga from Finance', smeUserId: null });
  });

  it.each([
    ['an unknown person', () => 987_654, SME_PERSON_MESSAGE],
    ['a deactivated person', () => gone.id, SME_PERSON_MESSAGE],
    ['a malformed id', () => 'erin', 'Choose a valid option.'],
  ])('refuses %s with a message on smeUserId and writes nothing', async (_label, id, message) => {
    const before = await rowCounts();
    const error = await validationErrorOf(() => createItem(pm, cycleId, fields({ sme: 'Erin', smeUserId: id() })));
    expect(error.fieldErrors.smeUserId).toEqual([message]);
    expect(await rowCounts()).toEqual(before);
  });

  it('switches an item from a person back to free text on edit', async () => {
    const item = await createItem(pm, cycleId, fields({ smeUserId: expert.id }));
    await updateItem(pm, item.id, fields({ sme: 'An outside consultant', smeUserId: null }), item.version);
    expect(await readItem(item.id)).toMatchObject({ sme: 'An outside consultant', smeUserId: null });
    // A deactivated picked SME answers for nothing.
    expect((await smeResolver(db))('Gone Person', gone.id)).toBeNull();
  });
});
