import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { departments, events, invitations, itemModules, items, modules, users } from '@/db/schema';
import { makeDepartment, makeItem, makeModule, type TestUser } from '@/db/factories';
import { first } from '@/db/rows';
import { ConflictError, ForbiddenError } from '@/lib/errors';
import { db, userWithRole, validationErrorOf } from '@/lib/testing/db';
import { activeEntries, createEntry, listDirectory, renameEntry, setArchived } from './directory.server';
import { mergeEntry } from './merge.server';

let admin: TestUser;
beforeAll(async () => {
  admin = await userWithRole('admin');
});

const eventsFor = async (subjectType: 'department' | 'module', subjectId: number) =>
  db
    .select()
    .from(events)
    .where(and(eq(events.subjectType, subjectType), eq(events.subjectId, subjectId)));
const dept = async (id: number) => first(await db.select().from(departments).where(eq(departments.id, id)))!;

describe('createEntry and renameEntry', () => {
  it('creates a trimmed name, logs it, and refuses the same name in another case', async () => {
    const id = await createEntry(admin, 'department', { name: '  Field Sales  ' });
    expect((await dept(id)).name).toBe('Field Sales');
    expect(await eventsFor('department', id)).toMatchObject([{ type: 'department.created', actorId: admin.id }]);
    const error = await validationErrorOf(() => createEntry(admin, 'department', { name: 'field sales' }));
    expect(error.fieldErrors.name).toEqual(['A department named “Field Sales” already exists.']);
  });

  it('refuses an empty, over-long or multi-line name, and a non-admin', async () => {
    for (const name of ['', '   ', 'x'.repeat(81), 'two\nlines']) {
      const error = await validationErrorOf(() => createEntry(admin, 'module', { name }));
      expect(error.fieldErrors.name?.length).toBe(1);
    }
    await expect(createEntry(await userWithRole('pm'), 'module', { name: 'Billing' })).rejects.toThrow(ForbiddenError);
    expect((await db.select().from(modules)).some((m) => m.name === 'Billing')).toBe(false);
  });

  it('renames, logging before and after; a case-only rename of itself is allowed', async () => {
    const m = await makeModule(db, `Checkout ${Date.now()}`);
    await renameEntry(admin, 'module', m.id, { name: m.name.toUpperCase() });
    const after = first(await db.select().from(modules).where(eq(modules.id, m.id)))!;
    expect(after.name).toBe(m.name.toUpperCase());
    expect(await eventsFor('module', m.id)).toMatchObject([
      { type: 'module.renamed', data: { changes: { name: { from: m.name, to: m.name.toUpperCase() } } } },
    ]);
    const other = await makeModule(db);
    const error = await validationErrorOf(() => renameEntry(admin, 'module', other.id, { name: m.name }));
    expect(error.fieldErrors.name?.[0]).toMatch(/already exists/);
  });
});

describe('archiving', () => {
  it('takes an entry out of pickers but keeps it on what has it, and brings it back', async () => {
    const d = await makeDepartment(db);
    const person = await userWithRole('engineer', { departmentId: d.id });
    await setArchived(admin, 'department', d.id, true);
    expect((await activeEntries('department')).map((e) => e.id)).not.toContain(d.id);
    expect((await activeEntries('department', [d.id])).map((e) => e.id)).toContain(d.id);
    expect(first(await db.select().from(users).where(eq(users.id, person.id)))!.departmentId).toBe(d.id);
    const listed = (await listDirectory(admin)).departments.find((e) => e.id === d.id)!;
    expect(listed).toMatchObject({ archived: true, people: 1 });
    await setArchived(admin, 'department', d.id, false);
    expect((await activeEntries('department')).map((e) => e.id)).toContain(d.id);
    expect((await eventsFor('department', d.id)).map((e) => e.type)).toEqual([
      'department.archived',
      'department.unarchived',
    ]);
  });
});

describe('mergeEntry', () => {
  it('moves people, items and invitations of a department, then archives it naming the other', async () => {
    const [a, b] = [await makeDepartment(db), await makeDepartment(db)];
    const person = await userWithRole('leader', { departmentId: a.id });
    const item = await makeItem(db, { requestorId: person.id, departmentId: a.id });
    const [invitation] = await db
      .insert(invitations)
      .values({
        email: `merge-${Date.now()}@example.test`,
        name: 'Invited',
        role: 'requestor',
        departmentId: a.id,
        tokenHash: `hash-${Date.now()}`,
        invitedById: admin.id,
        createdAt: Date.now(),
        expiresAt: Date.now() + 1000,
      })
      .returning();
    expect(await mergeEntry(admin, 'department', a.id, b.id)).toEqual({
      people: 1,
      items: 1,
      invitations: 1,
      groupMappings: 0,
    });
    expect(first(await db.select().from(users).where(eq(users.id, person.id)))!.departmentId).toBe(b.id);
    const movedItem = first(await db.select().from(items).where(eq(items.id, item.id)))!;
    expect(movedItem).toMatchObject({ departmentId: b.id, version: item.version + 1 });
    expect(first(await db.select().from(invitations).where(eq(invitations.id, invitation.id)))!.departmentId).toBe(
      b.id,
    );
    expect(await dept(a.id)).toMatchObject({ mergedIntoId: b.id });
    expect((await dept(a.id)).archivedAt).not.toBeNull();
    expect(await eventsFor('department', a.id)).toMatchObject([
      { type: 'department.merged', data: { into: { id: b.id }, userIds: [person.id], itemIds: [item.id] } },
    ]);
    await expect(setArchived(admin, 'department', a.id, false)).rejects.toThrow(ConflictError);
  });

  it('moves items of a module without putting an item on the other module twice', async () => {
    const [a, b] = [await makeModule(db), await makeModule(db)];
    const person = await userWithRole('pm');
    const onBoth = await makeItem(db, {
      requestorId: person.id,
      departmentId: person.departmentId,
      moduleIds: [a.id, b.id],
    });
    const onA = await makeItem(db, { requestorId: person.id, departmentId: person.departmentId, moduleIds: [a.id] });
    expect((await mergeEntry(admin, 'module', a.id, b.id)).items).toBe(2);
    const rows = await db.select().from(itemModules).where(eq(itemModules.moduleId, b.id));
    expect(rows.map((r) => r.itemId).sort((x, y) => x - y)).toEqual([onBoth.id, onA.id].sort((x, y) => x - y));
    expect(await db.select().from(itemModules).where(eq(itemModules.moduleId, a.id))).toEqual([]);
  });

  it('refuses merging into itself or into an archived entry, and a non-admin, moving nothing', async () => {
    const [a, b] = [await makeDepartment(db), await makeDepartment(db)];
    const person = await userWithRole('leader', { departmentId: a.id });
    expect(
      (await validationErrorOf(() => mergeEntry(admin, 'department', a.id, a.id))).fieldErrors.intoId,
    ).toBeTruthy();
    await setArchived(admin, 'department', b.id, true);
    expect(
      (await validationErrorOf(() => mergeEntry(admin, 'department', a.id, b.id))).fieldErrors.intoId,
    ).toBeTruthy();
    await setArchived(admin, 'department', b.id, false);
    await expect(mergeEntry(await userWithRole('pm'), 'department', a.id, b.id)).rejects.toThrow(ForbiddenError);
    expect(first(await db.select().from(users).where(eq(users.id, person.id)))!.departmentId).toBe(a.id);
    expect((await dept(a.id)).archivedAt).toBeNull();
  });
});
