import 'server-only';
import { z } from 'zod';
import { transaction } from '@/db/client';
import { importItems, imports, itemModules, items } from '@/db/schema';
import type { ActingUser } from '@/lib/auth/acting-user';
import { createdItemStatus, toColumns } from '@/lib/backlog/items.server';
import { ItemFieldsSchema } from '@/lib/backlog/item-schema';
import { ValidationError } from '@/lib/errors';
import { logEvent } from '@/lib/events/log.server';
import { createMissing, rememberMapping } from './created.server';
import { openDraft } from './draft.server';
import { mappingProblems } from './fields';
import type { NormalisedRow } from './normalise';
import { assertCanImport, assertCycle, normaliseDraft } from './preview.server';

const CHUNK = 400;

const CommitSchema = z.object({
  draft: z.string().min(1, 'The import preview is missing: upload the file again.'),
  /** Per duplicate row: import it anyway or skip it; rows not named keep their default. */
  choices: z.record(z.string().regex(/^[1-9]\d{0,4}$/), z.enum(['skip', 'import'])).default({}),
});

export type ImportResult = { importId: number; itemCount: number; skippedCount: number };

/** Exact duplicates are skipped unless the pm says "Import anyway"; similar ones imported unless they say "Skip". */
export function includedRows(rows: NormalisedRow[], choices: Record<string, 'skip' | 'import'>): NormalisedRow[] {
  return rows.filter((r) => {
    if (!r.duplicate) return true;
    const choice = choices[String(r.row)];
    return choice ? choice === 'import' : r.duplicate.kind !== 'exact';
  });
}

function rowErrorMessage(rows: NormalisedRow[]): string {
  const bad = rows.filter((r) => r.errors.length);
  const listed = bad.slice(0, 5).map((r) => `row ${r.row}: ${r.errors.join(' ')}`);
  const more = bad.length > 5 ? ` and ${bad.length - 5} more rows` : '';
  return `Nothing was imported. Fix these rows first — ${listed.join('; ')}${more}.`;
}

/**
 * Step 4: creates every included row's item in one transaction, with the themes, departments and
 * modules it names that do not exist yet (when the options say so), an item.created event per item,
 * the import's record and an import.created event. Any invalid row: nothing is written.
 */
export async function commitImport(actor: ActingUser, cycleId: number, input: unknown): Promise<ImportResult> {
  assertCanImport(actor);
  const { draft: token, choices } = parseInput(input);
  const draft = openDraft(token, actor.id, cycleId);
  assertCanImport(actor, draft.options);
  const problems = mappingProblems(draft.headers, draft.mapping);
  if (problems.length) throw new ValidationError({ mapping: problems }, problems.join(' '));
  return transaction(async (tx) => {
    await assertCycle(tx, cycleId);
    const rows = await normaliseDraft(tx, draft, actor);
    if (rows.some((r) => r.errors.length)) {
      const message = rowErrorMessage(rows);
      throw new ValidationError({ rows: [message] }, message);
    }
    const chosen = includedRows(rows, choices);
    if (chosen.length === 0)
      throw new ValidationError(
        { rows: ['Every row is skipped: there is nothing to import.'] },
        'Every row is skipped: there is nothing to import.',
      );
    const created = await createMissing(tx, cycleId, chosen);
    const status = createdItemStatus(actor);
    const at = new Date().toISOString();
    const record = (
      await tx
        .insert(imports)
        .values({
          cycleId,
          actorId: actor.id,
          source: draft.source,
          fileName: draft.fileName,
          itemCount: chosen.length,
          skippedCount: rows.length - chosen.length,
          created: { themes: created.themes, departments: created.departments, modules: created.modules },
          createdAt: Date.now(),
        })
        .returning({ id: imports.id })
    )[0];
    const prepared = chosen.map((r) => {
      const parsed = ItemFieldsSchema.safeParse({
        title: r.item.title,
        description: r.item.description,
        businessBenefit: r.item.businessBenefit,
        estimate: r.item.estimateSize ?? (r.item.estimateWeeks === null ? '' : String(r.item.estimateWeeks)),
        sme: r.item.sme,
        sponsorId: r.item.sponsorId,
        requestorId: r.item.requestorId,
        departmentId: created.idOf('department', r.item.department),
        kind: r.item.kind,
        themeId: r.item.theme ? created.idOf('theme', r.item.theme) : null,
        moduleIds: r.item.modules.map((m) => created.idOf('module', m)),
      });
      if (!parsed.success) {
        const message = `Nothing was imported. Row ${r.row}: ${parsed.error.issues.map((i) => i.message).join(' ')}`;
        throw new ValidationError({ rows: [message] }, message);
      }
      return { row: r.row, fields: parsed.data, sponsorSuggestion: r.item.sponsorSuggestion };
    });
    for (let i = 0; i < prepared.length; i += CHUNK) {
      const chunk = prepared.slice(i, i + CHUNK);
      const inserted = await tx
        .insert(items)
        .values(
          chunk.map((p) => ({
            ...toColumns(p.fields),
            sponsorSuggestion: p.sponsorSuggestion,
            cycleId,
            status,
            createdAt: at,
            updatedAt: at,
          })),
        )
        .returning({ id: items.id });
      const links = chunk.flatMap((p, k) =>
        [...new Set(p.fields.moduleIds)].map((moduleId) => ({ itemId: inserted[k].id, moduleId })),
      );
      if (links.length) await tx.insert(itemModules).values(links);
      await tx
        .insert(importItems)
        .values(chunk.map((p, k) => ({ importId: record.id, itemId: inserted[k].id, sourceRow: p.row })));
      for (const [k, p] of chunk.entries()) {
        await logEvent(tx, {
          actorId: actor.id,
          type: 'item.created',
          subjectType: 'item',
          subjectId: inserted[k].id,
          data: {
            after: {
              ...toColumns(p.fields),
              sponsorSuggestion: p.sponsorSuggestion,
              moduleIds: p.fields.moduleIds,
              status,
              cycleId,
            },
            importId: record.id,
            sourceRow: p.row,
          },
        });
      }
    }
    await rememberMapping(tx, actor, draft);
    await logEvent(tx, {
      actorId: actor.id,
      type: 'import.created',
      subjectType: 'import',
      subjectId: record.id,
      data: {
        cycleId,
        source: draft.source,
        fileName: draft.fileName,
        itemCount: chosen.length,
        skippedCount: rows.length - chosen.length,
        created: { themes: created.themes, departments: created.departments, modules: created.modules },
      },
    });
    return { importId: record.id, itemCount: chosen.length, skippedCount: rows.length - chosen.length };
  });
}

/** Form values arrive flat: `choice.<row>` becomes choices[row]. */
function parseInput(input: unknown): z.output<typeof CommitSchema> {
  const raw = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  const choices: Record<string, unknown> = { ...((raw.choices as Record<string, unknown>) ?? {}) };
  for (const [key, value] of Object.entries(raw)) if (key.startsWith('choice.')) choices[key.slice(7)] = value;
  const parsed = CommitSchema.safeParse({ draft: raw.draft, choices });
  if (!parsed.success) {
    const message = 'The import form is out of date: reload the page and try again.';
    throw new ValidationError({ draft: [message] }, message);
  }
  return parsed.data;
}
