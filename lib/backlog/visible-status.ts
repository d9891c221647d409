import type { ItemStatus } from '@/lib/backlog/constants';

/** What a viewer is shown of an item's status: its real status, or "under review" while a decision is unpublished. */
export type VisibleStatus = ItemStatus | 'under_review';

export const UNDER_REVIEW_LABEL = 'Under review';
