import { and, eq, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeCycle, makeDepartment, makeItem, makeMeeting, makeModule, makeTheme, type TestUser } from '@/db/factories';
import {
  departments,
  events,
  importHeaderMappings,
  importItems,
  imports,
  itemModules,
  items,
  themes,
} from '@/db/schema';
import { ConflictError, ForbiddenError, ValidationError } from '@/lib/errors';
import { db, rowCounts, userWithRole } from '@/lib/testing/db';
import { commitImport } from './commit.server';
import { revisePreview, startImport } from './preview.server';
import { undoImport } from './undo.server';

let pm: TestUser, admin: TestUser, engineer: TestUser, jane: TestUser;
let cycleId: number, departmentId: number, opsId: number, paymentsId: number;
const tag = Math.random().toString(36).slice(2, 8);

beforeAll(async () => {
  departmentId = (await makeDepartment(db)).id;
  opsId = (await makeDepartment(db, `Ops ${tag}`)).id;
  paymentsId = (await makeModule(db, `payments-${tag}`)).id;
  pm = await userWithRole('pm', { departmentId });
  admin = await userWithRole('admin', { departmentId });
  engineer = await userWithRole('engineer', { departmentId });
  jane = await userWithRole('leader', { departmentId });
});

const csv = (lines: string[]) => ({ file: new TextEncoder().encode(lines.join('\n')), fileName: 'backlog.csv' });

async function newCycle() {
  const cycle = await makeCycle(db);
  await makeTheme(db, cycle.id, { name: 'Growth' });
  return cycle.id;
}

function sheet() {
  return csv([
    'Feature,Size,Exec. Sponsor (VP),Team asking,Systems,Focus area,Category',
    `Pay by link,3-5 weeks,VP Ops – ${jane.name},Ops ${tag},payments-${tag}; ledger-${tag},growth,Bug`,
    `Ledger export,TBD,Bob External,Nowhere ${tag},,Brand new ${tag},Tech debt`,
    `Pay by link,M,,,,,`,
  ]);
}

describe('preview', () => {
  it('suggests a mapping, normalises every row and flags what it interpreted', async () => {
    cycleId = await newCycle();
    const preview = await startImport(pm, cycleId, sheet());
    expect(preview.mapping).toEqual(['title', 'estimate', 'sponsor', 'department', 'modules', 'theme', 'kind']);
    const [first, second, third] = preview.rows;
    expect(first.shown).toMatchObject({
      estimate: '5 weeks',
      sponsor: jane.name,
      department: `Ops ${tag}`,
      kind: 'Fix',
      theme: 'Growth',
    });
    expect(first.notes).toEqual(
      expect.arrayContaining([
        'Estimate “3-5 weeks” → 5 weeks (upper end of the range)',
        `Sponsor “VP Ops – ${jane.name}” → ${jane.name}`,
        `Module “ledger-${tag}” does not exist → left out`,
      ]),
    );
    expect(second.notes).toEqual(
      expect.arrayContaining([
        'Estimate “TBD” → no estimate',
        'Sponsor “Bob External” is not a person in Quorum: kept as free text',
        `Theme “Brand new ${tag}” does not exist in this cycle → no theme`,
      ]),
    );
    expect(third.duplicate).toEqual({ label: 'Same title as row 1 of this file (“Pay by link”)', exact: true });
    expect(preview.counts).toEqual({ rows: 3, withErrors: 0, duplicates: 1 });
  });

  it('re-normalises a corrected row on the server and refuses a tampered draft', async () => {
    const preview = await startImport(pm, cycleId, csv(['Title,Size', ',M', 'Fine,S']));
    expect(preview.rows[0].errors).toEqual(['Title is missing.']);
    const fixed = await revisePreview(pm, cycleId, {
      draft: preview.draft,
      editRow: 1,
      edit: { title: '  Now   named ', estimate: '2 wks' },
    });
    expect(fixed.rows[0]).toMatchObject({ errors: [], shown: { title: 'Now named', estimate: '2 weeks' } });
    const tampered = preview.draft.slice(0, -2) + (preview.draft.endsWith('AA') ? 'BB' : 'AA');
    await expect(revisePreview(pm, cycleId, { draft: tampered })).rejects.toThrow('out of date or was changed');
    await expect(revisePreview(pm, cycleId + 1, { draft: preview.draft })).rejects.toThrow(ValidationError);
    await expect(revisePreview(admin, cycleId, { draft: preview.draft })).rejects.toThrow(ValidationError);
  });

  it('lets only those who may create them create departments and modules, and not engineers import at all', async () => {
    const preview = await startImport(pm, cycleId, sheet());
    const options = {
      createThemes: true,
      createDepartments: true,
      createModules: false,
      fallbackDepartmentId: departmentId,
    };
    await expect(revisePreview(pm, cycleId, { draft: preview.draft, options })).rejects.toThrow(
      'Only an admin can create departments.',
    );
    await expect(startImport(engineer, cycleId, sheet())).rejects.toThrow(ForbiddenError);
  });
});

describe('commitImport and undoImport', () => {
  it('creates the items, what they need, the events and the record in one go; undo removes them all', async () => {
    cycleId = await newCycle();
    const start = await startImport(admin, cycleId, sheet());
    const options = { createThemes: true, createDepartments: true, createModules: true, fallbackDepartmentId: opsId };
    const revised = await revisePreview(admin, cycleId, { draft: start.draft, options });
    const result = await commitImport(admin, cycleId, { draft: revised.draft });
    expect(result).toMatchObject({ itemCount: 2, skippedCount: 1 });

    const record = (await db.select().from(imports).where(eq(imports.id, result.importId)))[0];
    expect(record).toMatchObject({
      cycleId,
      actorId: admin.id,
      source: 'csv',
      fileName: 'backlog.csv',
      itemCount: 2,
      skippedCount: 1,
    });
    expect(record.created.themes).toHaveLength(1);
    expect(record.created.departments).toHaveLength(1);
    expect(record.created.modules).toHaveLength(1);
    const links = await db.select().from(importItems).where(eq(importItems.importId, result.importId));
    const created = await db
      .select()
      .from(items)
      .where(
        inArray(
          items.id,
          links.map((l) => l.itemId),
        ),
      );
    const pay = created.find((i) => i.title === 'Pay by link')!;
    const ledger = created.find((i) => i.title === 'Ledger export')!;
    expect(pay).toMatchObject({
      status: 'curated',
      estimateWeeks: 5,
      sponsorId: jane.id,
      departmentId: opsId,
      kind: 'fix',
      requestorId: admin.id,
    });
    expect(ledger).toMatchObject({
      sponsorId: null,
      sponsorSuggestion: 'Bob External',
      kind: 'tech_debt',
      estimateWeeks: null,
    });
    expect(ledger.departmentId).toBe(record.created.departments[0]);
    expect(ledger.themeId).toBe(record.created.themes[0]);
    const payModules = (await db.select().from(itemModules).where(eq(itemModules.itemId, pay.id)))
      .map((m) => m.moduleId)
      .sort();
    expect(payModules).toEqual([paymentsId, record.created.modules[0]].sort());
    const createdEvents = await db
      .select()
      .from(events)
      .where(and(eq(events.type, 'item.created'), inArray(events.subjectId, [pay.id, ledger.id])));
    expect(createdEvents.map((e) => (e.data as { importId: number }).importId)).toEqual([
      result.importId,
      result.importId,
    ]);
    expect(
      await db
        .select()
        .from(events)
        .where(and(eq(events.type, 'import.created'), eq(events.subjectId, result.importId))),
    ).toHaveLength(1);
    expect(
      (await db.select().from(importHeaderMappings).where(eq(importHeaderMappings.headerKey, 'focusarea')))[0].field,
    ).toBe('theme');

    expect(await undoImport(admin, cycleId, result.importId)).toEqual({ itemCount: 2 });
    expect(
      await db
        .select()
        .from(items)
        .where(inArray(items.id, [pay.id, ledger.id])),
    ).toEqual([]);
    expect(await db.select().from(themes).where(inArray(themes.id, record.created.themes))).toEqual([]);
    expect(await db.select().from(departments).where(inArray(departments.id, record.created.departments))).toEqual([]);
    expect((await db.select().from(imports).where(eq(imports.id, result.importId)))[0].undoneById).toBe(admin.id);
    const deleted = await db
      .select()
      .from(events)
      .where(and(eq(events.type, 'item.deleted'), inArray(events.subjectId, [pay.id, ledger.id])));
    expect(deleted).toHaveLength(2);
    expect(
      await db
        .select()
        .from(events)
        .where(and(eq(events.type, 'import.undone'), eq(events.subjectId, result.importId))),
    ).toHaveLength(1);
    await expect(undoImport(admin, cycleId, result.importId)).rejects.toThrow('This import was already undone');
  });

  it('suggests a mapping the pm chose before for the same header', async () => {
    cycleId = await newCycle();
    const first = await startImport(pm, cycleId, csv(['Title,Colour code', 'One,Ana']));
    expect(first.mapping).toEqual(['title', 'ignore']);
    const mapped = await revisePreview(pm, cycleId, { draft: first.draft, mapping: ['title', 'sme'] });
    await commitImport(pm, cycleId, { draft: mapped.draft });
    expect((await startImport(pm, cycleId, csv(['Colour code,Title', 'Ana,Two']))).mapping).toEqual(['sme', 'title']);
  });

  it('imports an exact duplicate only when asked, and a similar one unless told to skip', async () => {
    cycleId = await newCycle();
    await makeItem(db, { cycleId, title: 'Export the backlog to CSV', requestorId: pm.id, departmentId });
    const preview = await startImport(
      pm,
      cycleId,
      csv(['Title', 'Export the backlog to CSV', 'Export backlog to CSV', 'Something new']),
    );
    expect(preview.rows.map((r) => r.duplicate?.exact ?? null)).toEqual([true, false, null]);
    const result = await commitImport(pm, cycleId, { draft: preview.draft, 'choice.1': 'import', 'choice.2': 'skip' });
    expect(result).toMatchObject({ itemCount: 2, skippedCount: 1 });
  });

  it('writes nothing when one row is invalid, and names the row', async () => {
    cycleId = await newCycle();
    const preview = await startImport(pm, cycleId, csv(['Title,Size', 'Good one,M', `${'x'.repeat(201)},S`]));
    const before = await rowCounts();
    const importsBefore = (await db.select().from(imports)).length;
    await expect(commitImport(pm, cycleId, { draft: preview.draft })).rejects.toThrow(
      /row 2: Title is 201 characters long/,
    );
    expect(await rowCounts()).toEqual(before);
    expect((await db.select().from(imports)).length).toBe(importsBefore);
  });

  it('refuses to undo once an item is decided or on an agenda, naming it', async () => {
    cycleId = await newCycle();
    const preview = await startImport(pm, cycleId, csv(['Title', 'Alpha item', 'Beta item']));
    const { importId } = await commitImport(pm, cycleId, { draft: preview.draft });
    const ids = (await db.select().from(importItems).where(eq(importItems.importId, importId))).map((l) => l.itemId);
    await db.update(items).set({ status: 'accepted' }).where(eq(items.id, ids[0]));
    await expect(undoImport(pm, cycleId, importId)).rejects.toThrow(ConflictError);
    await expect(undoImport(pm, cycleId, importId)).rejects.toThrow(`“Alpha item” (#${ids[0]}) has been decided`);
    await db.update(items).set({ status: 'curated' }).where(eq(items.id, ids[0]));
    await makeMeeting(db, { cycleId, facilitatorId: pm.id, itemIds: [ids[1]] });
    await expect(undoImport(pm, cycleId, importId)).rejects.toThrow('“Beta item”');
    expect(await db.select().from(items).where(inArray(items.id, ids))).toHaveLength(2);
    expect((await db.select().from(imports).where(eq(imports.id, importId)))[0].undoneAt).toBeNull();
  });
});
