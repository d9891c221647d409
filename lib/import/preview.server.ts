import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { db } from '@/db/client';
import { cycles, departments, importHeaderMappings, items, modules, themes, users } from '@/db/schema';
import { first } from '@/db/rows';
import type { ActingUser } from '@/lib/auth/acting-user';
import { assertCan, can } from '@/lib/auth/permissions';
import { NotFoundError, ValidationError } from '@/lib/errors';
import type { Executor } from '@/lib/events/log.server';
import { parseOrThrow } from '@/lib/validation';
import { openDraft, sealDraft, type Draft } from './draft.server';
import { COLUMN_MAPPINGS, IMPORT_FIELDS, mappingProblems, suggestMapping } from './fields';
import { normaliseRows, type ImportOptions, type NormalisedRow, type References } from './normalise';
import { readPaste, readUpload, type SourceTable } from './read-source';
import { toPreviewView, type ImportPreview } from './view';

/**
 * Who may import: people who may add items and edit every field of one (pm, admin), because an
 * import names requestors and sponsors, which only they may set. Creating missing themes needs
 * cycle.manage (as the settings page does); creating departments or modules needs user.manage (admin).
 */
export function canImport(actor: ActingUser): boolean {
  return can(actor, 'item.create') && can(actor, 'item.edit');
}

export function assertCanImport(actor: ActingUser, options?: Partial<ImportOptions>): void {
  assertCan(actor, 'item.create');
  assertCan(actor, 'item.edit');
  const refuse = (field: string, message: string) => {
    throw new ValidationError({ [field]: [message] }, message);
  };
  if (options?.createThemes && !can(actor, 'cycle.manage'))
    refuse('createThemes', 'Only a product manager or an admin can create themes.');
  if (options?.createDepartments && !can(actor, 'user.manage'))
    refuse('createDepartments', 'Only an admin can create departments.');
  if (options?.createModules && !can(actor, 'user.manage'))
    refuse('createModules', 'Only an admin can create modules.');
}

export async function loadReferences(tx: Executor, cycleId: number): Promise<References> {
  const [themeRows, departmentRows, moduleRows, people, existingItems] = [
    await tx
      .select({ id: themes.id, name: themes.name })
      .from(themes)
      .where(eq(themes.cycleId, cycleId))
      .orderBy(asc(themes.position)),
    await tx
      .select({ id: departments.id, name: departments.name, archivedAt: departments.archivedAt })
      .from(departments)
      .orderBy(asc(departments.id)),
    await tx
      .select({ id: modules.id, name: modules.name, archivedAt: modules.archivedAt })
      .from(modules)
      .orderBy(asc(modules.id)),
    await tx
      .select({ id: users.id, name: users.name, email: users.email, active: users.active })
      .from(users)
      .orderBy(asc(users.id)),
    await tx
      .select({ id: items.id, title: items.title })
      .from(items)
      .where(eq(items.cycleId, cycleId))
      .orderBy(asc(items.id)),
  ];
  return {
    themes: themeRows,
    departments: departmentRows.map((d) => ({ id: d.id, name: d.name, archived: d.archivedAt !== null })),
    modules: moduleRows.map((m) => ({ id: m.id, name: m.name, archived: m.archivedAt !== null })),
    people,
    existingItems,
  };
}

export async function assertCycle(tx: Executor, cycleId: number): Promise<void> {
  const cycle = first(await tx.select({ id: cycles.id }).from(cycles).where(eq(cycles.id, cycleId)));
  if (!cycle) throw new NotFoundError('This cycle');
}

/** The draft's rows, normalised against the database as it is now. */
export async function normaliseDraft(tx: Executor, draft: Draft, actor: ActingUser): Promise<NormalisedRow[]> {
  const refs = await loadReferences(tx, draft.cycleId);
  return normaliseRows(draft.rows, draft.mapping, draft.edits, refs, draft.options, actor);
}

async function previewOf(draft: Draft, actor: ActingUser): Promise<ImportPreview> {
  const refs = await loadReferences(db, draft.cycleId);
  const rows = normaliseRows(draft.rows, draft.mapping, draft.edits, refs, draft.options, actor);
  return toPreviewView(sealDraft(draft), draft, rows, refs, mappingProblems(draft.headers, draft.mapping), {
    createThemes: can(actor, 'cycle.manage'),
    createDepartments: can(actor, 'user.manage'),
    createModules: can(actor, 'user.manage'),
  });
}

const SourceSchema = z.object({
  file: z.instanceof(Uint8Array).nullable(),
  fileName: z.string().trim().max(255, 'The file name must be at most 255 characters.').default(''),
  paste: z.string().default(''),
  sheet: z.string().max(255).default(''),
});

/** Step 1: reads an uploaded file or pasted rows and suggests a mapping of its columns. */
export async function startImport(actor: ActingUser, cycleId: number, input: unknown): Promise<ImportPreview> {
  assertCanImport(actor);
  const source = parseOrThrow(SourceSchema, input);
  await assertCycle(db, cycleId);
  let table: SourceTable;
  if (source.file && source.file.length > 0) table = await readUpload(source.file, source.sheet || undefined);
  else if (source.paste.trim()) table = readPaste(source.paste);
  else {
    const message = 'Choose a CSV or XLSX file, or paste rows copied from a spreadsheet.';
    throw new ValidationError({ file: [message] }, message);
  }
  const remembered = Object.fromEntries(
    (
      await db
        .select({ key: importHeaderMappings.headerKey, field: importHeaderMappings.field })
        .from(importHeaderMappings)
    ).map((r) => [r.key, r.field]),
  );
  const draft: Draft = {
    v: 1,
    expiresAt: 0,
    cycleId,
    actorId: actor.id,
    source: table.source,
    fileName: table.source === 'paste' ? '' : source.fileName,
    sheets: table.sheets,
    sheet: table.sheet,
    notes: table.notes,
    headers: table.headers,
    rows: table.rows,
    mapping: suggestMapping(table.headers, remembered),
    options: {
      createThemes: false,
      createDepartments: false,
      createModules: false,
      fallbackDepartmentId: actor.departmentId,
    },
    edits: {},
  };
  return previewOf(draft, actor);
}

const EditSchema = z.partialRecord(
  z.enum(IMPORT_FIELDS),
  z.string().max(10_000, 'A cell must be at most 10,000 characters.'),
);

const ReviseSchema = z.object({
  draft: z.string().min(1, 'The import preview is missing: upload the file again.'),
  mapping: z.array(z.enum(COLUMN_MAPPINGS, { error: 'Choose a field or “Ignore” for every column.' })).optional(),
  options: z
    .object({
      createThemes: z.boolean(),
      createDepartments: z.boolean(),
      createModules: z.boolean(),
      fallbackDepartmentId: z.number({ error: 'Choose a department.' }).int().positive(),
    })
    .optional(),
  editRow: z.number().int().positive().optional(),
  edit: EditSchema.optional(),
});
export type ReviseInput = z.input<typeof ReviseSchema>;

/** Step 2 and 3: a new mapping or options, or a corrected row; the rows are normalised again. */
export async function revisePreview(actor: ActingUser, cycleId: number, input: unknown): Promise<ImportPreview> {
  assertCanImport(actor);
  const change = parseOrThrow(ReviseSchema, input);
  const draft = openDraft(change.draft, actor.id, cycleId);
  if (change.mapping) {
    if (change.mapping.length !== draft.headers.length)
      throw new ValidationError({ mapping: ['Choose a field for every column.'] });
    draft.mapping = change.mapping;
  }
  if (change.options) {
    assertCanImport(actor, change.options);
    const dept = first(
      await db
        .select({ id: departments.id, archivedAt: departments.archivedAt })
        .from(departments)
        .where(eq(departments.id, change.options.fallbackDepartmentId)),
    );
    if (!dept || dept.archivedAt !== null)
      throw new ValidationError({ fallbackDepartmentId: ['Choose a department that exists and is not archived.'] });
    draft.options = change.options;
  }
  if (change.editRow !== undefined && change.edit) {
    if (change.editRow > draft.rows.length)
      throw new ValidationError({ editRow: [`There is no row ${change.editRow}.`] });
    draft.edits[String(change.editRow)] = { ...(draft.edits[String(change.editRow)] ?? {}), ...change.edit };
  }
  return previewOf(draft, actor);
}
