import type { ItemStatus, Kind } from '@/db/schema';

export const STATUS_LABEL: Record<ItemStatus, string> = {
  draft: 'Draft',
  submitted: 'Submitted',
  curated: 'Curated',
  accepted: 'Accepted',
  rejected: 'Rejected',
  deferred: 'Deferred',
  scheduled: 'Scheduled',
  in_delivery: 'In delivery',
  delivered: 'Delivered',
  withdrawn: 'Withdrawn',
  needs_info: 'Needs information',
  merged: 'Merged',
};

export const KIND_LABEL: Record<Kind, string> = {
  feature: 'Feature',
  non_functional: 'Non-functional',
  tech_debt: 'Tech debt',
  fix: 'Fix',
};
