import { z } from 'zod';
import { formId } from '@/lib/validation';
import { MERGE_FIELDS, type MergeField } from '@/lib/backlog/merge-fields';
export { MERGE_FIELD_LABEL, MERGE_FIELDS, type MergeField } from '@/lib/backlog/merge-fields';

const side = (label: string) =>
  z.enum(['survivor', 'merged'], { error: `${label}: choose which item's version to keep.` }).default('survivor');

/** Which two items, which survives, and per field whose version the survivor keeps. */
export const MergeChoiceSchema = z.object({
  survivorId: formId,
  mergedId: formId,
  title: side('Title'),
  description: side('Description'),
  businessBenefit: side('Business benefit'),
  estimate: side('Estimate'),
  sme: side('SME'),
  sponsor: side('Sponsor'),
  theme: side('Theme'),
  kind: side('Kind'),
});
export type MergeChoice = z.output<typeof MergeChoiceSchema>;

/** Confirming also carries the versions the review showed: a change since then refuses the merge. */
export const MergeConfirmSchema = MergeChoiceSchema.extend({
  survivorVersion: formId,
  mergedVersion: formId,
});

/** The fields whose version the survivor takes from the merged item. */
export const fieldsTaken = (choice: MergeChoice): MergeField[] => MERGE_FIELDS.filter((f) => choice[f] === 'merged');
