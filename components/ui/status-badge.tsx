import { STATUS_LABEL } from '@/lib/backlog/labels';
import { UNDER_REVIEW_LABEL, type VisibleStatus } from '@/lib/backlog/visible-status';
import { ITEM_STATUS_COLOUR } from './status-colours';

/** An item's status in its colour (./status-colours.ts), always with its word, or "under review" where its decision is not published to this viewer yet. */
export function StatusBadge({ status }: { status: VisibleStatus }) {
  const shown = status === 'under_review' ? 'curated' : status;
  return (
    <span className={`inline-block rounded px-1.5 py-0.5 text-xs font-medium ${ITEM_STATUS_COLOUR[shown]}`}>
      {status === 'under_review' ? UNDER_REVIEW_LABEL : STATUS_LABEL[status]}
    </span>
  );
}
