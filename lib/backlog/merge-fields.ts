/**
 * The fields a merge lets the pm choose between the two items, in the order the form shows them.
 * Requestors, sponsors and modules are not chosen: they are combined (lib/curation/merge.server.ts).
 */
export const MERGE_FIELDS = [
  'title',
  'description',
  'businessBenefit',
  'estimate',
  'sme',
  'sponsor',
  'theme',
  'kind',
] as const;
export type MergeField = (typeof MERGE_FIELDS)[number];

export const MERGE_FIELD_LABEL: Record<MergeField, string> = {
  title: 'Title',
  description: 'Description',
  businessBenefit: 'Business benefit',
  estimate: 'Estimate',
  sme: 'SME',
  sponsor: 'Sponsor',
  theme: 'Theme',
  kind: 'Kind',
};
