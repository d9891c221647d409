/**
 * What the import page shows between steps: plain data the server sends to the browser, with the
 * sealed draft that the next step sends back.
 */
import type { ImportSource } from '@/db/schema';
import type { ColumnMapping, ImportField } from './fields';
import type { ImportOptions, NormalisedRow, References } from './normalise';

export type PreviewRow = {
  row: number;
  cells: Record<ImportField, string>;
  shown: Record<ImportField, string>;
  notes: string[];
  errors: string[];
  /** What the row duplicates, in words, and whether it is skipped unless the pm says otherwise. */
  duplicate: { label: string; exact: boolean } | null;
};

export type ImportPreview = {
  draft: string;
  source: ImportSource;
  fileName: string;
  sheets: string[];
  sheet: string;
  notes: string[];
  headers: string[];
  samples: string[];
  mapping: ColumnMapping[];
  mappingProblems: string[];
  options: ImportOptions;
  allowed: { createThemes: boolean; createDepartments: boolean; createModules: boolean };
  departments: { id: number; name: string }[];
  rows: PreviewRow[];
  counts: { rows: number; withErrors: number; duplicates: number };
};

export function toPreviewView(
  token: string,
  draft: {
    source: ImportSource;
    fileName: string;
    sheets: string[];
    sheet: string;
    notes: string[];
    headers: string[];
    rows: string[][];
    mapping: ColumnMapping[];
    options: ImportOptions;
  },
  rows: NormalisedRow[],
  refs: References,
  mappingProblems: string[],
  allowed: ImportPreview['allowed'],
): ImportPreview {
  const titleOf = new Map(refs.existingItems.map((i) => [i.id, i.title]));
  const previewRows = rows.map((r): PreviewRow => {
    const d = r.duplicate;
    const label = !d
      ? null
      : 'row' in d.of
        ? `${d.kind === 'exact' ? 'Same title as' : 'Similar to'} row ${d.of.row} of this file (“${d.title}”)`
        : `${d.kind === 'exact' ? 'Same title as' : 'Similar to'} item #${d.of.itemId} of this cycle (“${titleOf.get(d.of.itemId) ?? d.title}”)`;
    return {
      row: r.row,
      cells: r.cells,
      shown: r.shown,
      notes: r.notes,
      errors: r.errors,
      duplicate: label ? { label, exact: d!.kind === 'exact' } : null,
    };
  });
  return {
    draft: token,
    source: draft.source,
    fileName: draft.fileName,
    sheets: draft.sheets,
    sheet: draft.sheet,
    notes: draft.notes,
    headers: draft.headers,
    samples: draft.headers.map((_, i) => draft.rows.find((row) => row[i]?.trim())?.[i]?.slice(0, 60) ?? ''),
    mapping: draft.mapping,
    mappingProblems,
    options: draft.options,
    allowed,
    departments: refs.departments.filter((d) => !d.archived).map((d) => ({ id: d.id, name: d.name })),
    rows: previewRows,
    counts: {
      rows: rows.length,
      withErrors: rows.filter((r) => r.errors.length > 0).length,
      duplicates: rows.filter((r) => r.duplicate).length,
    },
  };
}
