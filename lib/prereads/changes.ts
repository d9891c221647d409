import type { SnapshotItem } from '@/db/schema';
import { KIND_LABEL } from '@/lib/backlog/labels';

/** The fields of an item a reader of the pre-read sees, in the order they are shown. */
export type ItemValues = Pick<
  SnapshotItem,
  | 'title'
  | 'description'
  | 'businessBenefit'
  | 'estimate'
  | 'sme'
  | 'sponsor'
  | 'department'
  | 'kind'
  | 'modules'
  | 'theme'
>;

export type FieldChange = { field: keyof ItemValues; label: string; before: string; after: string };

export const FIELD_LABELS: Record<keyof ItemValues, string> = {
  title: 'Title',
  description: 'Description',
  businessBenefit: 'Business benefit',
  estimate: 'Estimate',
  sme: 'SME',
  sponsor: 'Sponsor',
  department: 'Department',
  kind: 'Kind',
  modules: 'Modules',
  theme: 'Theme',
};

export const EMPTY_VALUE = '—';

// A snapshot written elsewhere may hold the kind as its label ("Tech debt") or its key
// ("tech_debt"); comparing labels keeps that difference from showing as a change.
export function kindText(kind: string): string {
  return (KIND_LABEL as Record<string, string>)[kind] ?? kind;
}

/** A field as the reader sees it; module order carries no meaning, so it is sorted. */
export function displayValue(field: keyof ItemValues, values: ItemValues): string {
  const value = values[field];
  let text: string;
  if (field === 'modules') text = [...((value as string[] | null) ?? [])].sort((a, b) => a.localeCompare(b)).join(', ');
  else if (field === 'kind') text = kindText(String(value ?? ''));
  else text = value === null || value === undefined ? '' : String(value);
  return text.trim() === '' ? EMPTY_VALUE : text;
}

/**
 * What changed between the frozen snapshot of an item and its current values, field by field,
 * as the strings the pre-read shows ("Estimate: M → L"). Pure, so it is tested without a database.
 */
export function itemChanges(before: ItemValues, after: ItemValues): FieldChange[] {
  const out: FieldChange[] = [];
  for (const field of Object.keys(FIELD_LABELS) as (keyof ItemValues)[]) {
    const b = displayValue(field, before);
    const a = displayValue(field, after);
    if (a !== b) out.push({ field, label: FIELD_LABELS[field], before: b, after: a });
  }
  return out;
}
