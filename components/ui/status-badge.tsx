import { STATUS_LABEL } from '@/lib/backlog/labels';
import { UNDER_REVIEW_LABEL, type VisibleStatus } from '@/lib/backlog/visible-status';
import { statusLabel } from '@/lib/outcome/fate';
import { ITEM_STATUS_COLOUR } from './status-colours';

/**
 * An item's status in its colour (./status-colours.ts), always with its word, or "under review" where its decision is
 * not published to this viewer yet. `belowCut` marks an accepted item that ranked below the cut line when the outcome
 * was published: it reads "Accepted — below the cut line" (lib/outcome/fate.ts), in the deferred colour.
 */
export function StatusBadge({ status, belowCut }: { status: VisibleStatus; belowCut?: boolean }) {
  const shown = status === 'under_review' ? 'curated' : status;
  const below = belowCut === true && status === 'accepted';
  return (
    <span
      className={`inline-block rounded px-1.5 py-0.5 text-xs font-medium ${ITEM_STATUS_COLOUR[below ? 'deferred' : shown]}`}
    >
      {status === 'under_review' ? UNDER_REVIEW_LABEL : statusLabel(STATUS_LABEL[status], below)}
    </span>
  );
}
