/**
 * Turns the mapped cells of every row into the item it will become, with the notes and errors the
 * preview shows. Pure: the references (themes, departments, modules, people, the cycle's titles)
 * are loaded by the caller, so the same function serves the preview, the import and the tests.
 */
import type { Kind, Size } from '@/db/schema/backlog';
import { TITLE_MAX } from '@/lib/backlog/item-schema';
import { KIND_LABEL } from '@/lib/backlog/labels';
import { nameKey, normaliseEstimate, normaliseKind, oneLine, personCandidates, splitValues } from './cells';
import { findDuplicates, type DuplicateOf } from './duplicates';
import { FIELD_LABEL, IMPORT_FIELDS, type ColumnMapping, type ImportField } from './fields';

export type NamedRef = { id: number; name: string; archived?: boolean };
export type Person = { id: number; name: string; email: string; active: boolean };
export type References = {
  themes: NamedRef[];
  departments: NamedRef[];
  modules: NamedRef[];
  people: Person[];
  existingItems: { id: number; title: string }[];
};
export type ImportOptions = {
  createThemes: boolean;
  createDepartments: boolean;
  createModules: boolean;
  /** Where an item goes whose department is blank, unknown (and not created) or archived. */
  fallbackDepartmentId: number;
};
/** Cells the pm corrected in the preview, by row number (1 = first data row). */
export type RowEdits = Record<string, Partial<Record<ImportField, string>>>;
/** An existing record by id, or one the import creates, by name. */
export type Ref = { id: number } | { name: string };

export type ImportedItem = {
  title: string;
  description: string;
  businessBenefit: string;
  estimateSize: Size | null;
  estimateWeeks: number | null;
  kind: Kind;
  sme: string;
  sponsorId: number | null;
  sponsorSuggestion: string;
  requestorId: number;
  theme: Ref | null;
  department: Ref;
  modules: Ref[];
};

export type NormalisedRow = {
  row: number;
  /** The text of each field as read (after the pm's corrections). */
  cells: Record<ImportField, string>;
  /** The value each field will have, as the preview shows it. */
  shown: Record<ImportField, string>;
  item: ImportedItem;
  notes: string[];
  errors: string[];
  duplicate: DuplicateOf | null;
};

const LIMITS = { description: 10_000, businessBenefit: 5_000, sme: 200, sponsor: 200 };

function index<T extends { name: string }>(list: T[]): Map<string, T> {
  const out = new Map<string, T>();
  for (const x of list) if (!out.has(nameKey(x.name))) out.set(nameKey(x.name), x);
  return out;
}

/** People by lower-case e-mail and by name; a name two people share is ambiguous and matches no one. */
function peopleIndex(people: Person[]) {
  const byEmail = new Map(people.map((p) => [p.email.toLowerCase(), p]));
  const byName = new Map<string, Person | null>();
  for (const p of people) byName.set(nameKey(p.name), byName.has(nameKey(p.name)) ? null : p);
  return (cell: string, activeOnly: boolean): Person | null => {
    for (const candidate of personCandidates(cell)) {
      const p = byEmail.get(candidate.toLowerCase()) ?? byName.get(nameKey(candidate));
      if (p && (!activeOnly || p.active)) return p;
    }
    return null;
  };
}

export function normaliseRows(
  rows: string[][],
  mapping: ColumnMapping[],
  edits: RowEdits,
  refs: References,
  options: ImportOptions,
  importer: { id: number; name: string },
): NormalisedRow[] {
  const themes = index(refs.themes);
  const departments = index(refs.departments);
  const modules = index(refs.modules);
  const person = peopleIndex(refs.people);
  const fallback = refs.departments.find((d) => d.id === options.fallbackDepartmentId);
  const fallbackName = fallback?.name ?? 'the chosen department';

  const out = rows.map((cellsOfRow, i): NormalisedRow => {
    const row = i + 1;
    const cells = Object.fromEntries(IMPORT_FIELDS.map((f) => [f, ''])) as Record<ImportField, string>;
    mapping.forEach((m, col) => {
      if (m !== 'ignore') cells[m] = cellsOfRow[col] ?? '';
    });
    Object.assign(cells, edits[String(row)] ?? {});
    const notes: string[] = [];
    const errors: string[] = [];
    const shown = { ...cells };

    const title = oneLine(cells.title);
    if (title === '') errors.push('Title is missing.');
    else if (title.length > TITLE_MAX) errors.push(`Title is ${title.length} characters long: at most ${TITLE_MAX}.`);
    else if (title !== cells.title.trim()) notes.push('Title: line breaks and extra spaces removed');
    shown.title = title;
    const description = cells.description.trim();
    const businessBenefit = cells.businessBenefit.trim();
    for (const f of ['description', 'businessBenefit'] as const) {
      const value = f === 'description' ? description : businessBenefit;
      if (value.length > LIMITS[f])
        errors.push(`${FIELD_LABEL[f]} is ${value.length} characters long: at most ${LIMITS[f].toLocaleString('en')}.`);
    }

    const estimate = normaliseEstimate(cells.estimate);
    if (estimate.note) notes.push(estimate.note);
    shown.estimate =
      estimate.estimateSize ?? (estimate.estimateWeeks !== null ? `${estimate.estimateWeeks} weeks` : '');
    const kind = normaliseKind(cells.kind);
    if (kind.note) notes.push(kind.note);
    shown.kind = KIND_LABEL[kind.kind];

    let sme = oneLine(cells.sme);
    if (sme) {
      const p = person(sme, false);
      if (p) {
        if (p.name !== sme) notes.push(`SME “${sme}” → ${p.name}`);
        sme = p.name;
      } else notes.push(`SME “${sme}” is not a person in Quorum: kept as free text`);
      if (sme.length > LIMITS.sme) errors.push(`SME is ${sme.length} characters long: at most ${LIMITS.sme}.`);
    }
    shown.sme = sme;

    const sponsorText = oneLine(cells.sponsor);
    let sponsorId: number | null = null;
    let sponsorSuggestion = '';
    if (sponsorText) {
      const p = person(sponsorText, true);
      if (p) {
        sponsorId = p.id;
        if (p.name !== sponsorText) notes.push(`Sponsor “${sponsorText}” → ${p.name}`);
        shown.sponsor = p.name;
      } else {
        sponsorSuggestion = sponsorText.slice(0, LIMITS.sponsor);
        notes.push(`Sponsor “${sponsorText}” is not a person in Quorum: kept as free text`);
        shown.sponsor = `${sponsorSuggestion} (free text)`;
      }
    }

    const requestorText = oneLine(cells.requestor);
    let requestorId = importer.id;
    shown.requestor = importer.name;
    if (requestorText) {
      const p = person(requestorText, false);
      if (p) {
        requestorId = p.id;
        shown.requestor = p.name;
        if (p.name !== requestorText) notes.push(`Requestor “${requestorText}” → ${p.name}`);
      } else notes.push(`Requestor “${requestorText}” is not a person in Quorum → ${importer.name} (you)`);
    }

    const themeValues = splitValues(cells.theme);
    let theme: Ref | null = null;
    if (themeValues.length > 1) notes.push(`Theme: an item has one theme → “${themeValues[0]}” (the first)`);
    if (themeValues[0]) {
      const found = themes.get(nameKey(themeValues[0]));
      if (found) theme = { id: found.id };
      else if (options.createThemes) {
        theme = { name: themeValues[0] };
        notes.push(`Theme “${themeValues[0]}” will be created`);
      } else notes.push(`Theme “${themeValues[0]}” does not exist in this cycle → no theme`);
    }
    shown.theme = theme
      ? 'id' in theme
        ? (refs.themes.find((t) => t.id === theme!.id)?.name ?? '')
        : `${theme.name} (new)`
      : '';

    const departmentText = oneLine(cells.department);
    let department: Ref = { id: options.fallbackDepartmentId };
    const foundDepartment = departmentText ? departments.get(nameKey(departmentText)) : undefined;
    if (foundDepartment && !foundDepartment.archived) department = { id: foundDepartment.id };
    else if (foundDepartment) notes.push(`Department “${departmentText}” is archived → ${fallbackName}`);
    else if (departmentText && options.createDepartments) {
      department = { name: departmentText };
      notes.push(`Department “${departmentText}” will be created`);
    } else if (departmentText) notes.push(`Department “${departmentText}” does not exist → ${fallbackName}`);
    else notes.push(`No department → ${fallbackName}`);
    shown.department =
      'id' in department
        ? (refs.departments.find((d) => d.id === department.id)?.name ?? fallbackName)
        : `${department.name} (new)`;

    const moduleRefs: Ref[] = [];
    const moduleNames: string[] = [];
    for (const name of new Set(splitValues(cells.modules))) {
      const found = modules.get(nameKey(name));
      if (found && !found.archived) {
        moduleRefs.push({ id: found.id });
        moduleNames.push(found.name);
      } else if (!found && options.createModules) {
        moduleRefs.push({ name });
        moduleNames.push(`${name} (new)`);
        notes.push(`Module “${name}” will be created`);
      } else notes.push(`Module “${name}” ${found ? 'is archived' : 'does not exist'} → left out`);
    }
    shown.modules = moduleNames.join('; ');

    const item: ImportedItem = {
      title,
      description,
      businessBenefit,
      estimateSize: estimate.estimateSize,
      estimateWeeks: estimate.estimateWeeks,
      kind: kind.kind,
      sme,
      sponsorId,
      sponsorSuggestion,
      requestorId,
      theme,
      department,
      modules: moduleRefs,
    };
    return { row, cells, shown, item, notes, errors, duplicate: null };
  });

  const duplicates = findDuplicates(
    out.map((r) => ({ row: r.row, title: r.item.title })),
    refs.existingItems,
  );
  out.forEach((r, i) => (r.duplicate = duplicates[i]));
  return out;
}
