import type { ItemStatus } from '@/lib/backlog/constants';
import { STATUS_LABEL } from '@/lib/backlog/labels';
import { UNDER_REVIEW_LABEL, type VisibleStatus } from '@/lib/backlog/visible-status';

/** One colour per status everywhere in the app, always with the text label. */
export const STATUS_COLOUR: Record<ItemStatus, string> = {
  draft: 'bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300',
  submitted: 'bg-sky-100 text-sky-800 dark:bg-sky-950 dark:text-sky-200',
  curated: 'bg-indigo-100 text-indigo-800 dark:bg-indigo-950 dark:text-indigo-200',
  accepted: 'bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200',
  rejected: 'bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-200',
  deferred: 'bg-amber-100 text-amber-800 dark:bg-amber-950 dark:text-amber-200',
  scheduled: 'bg-teal-100 text-teal-800 dark:bg-teal-950 dark:text-teal-200',
  in_delivery: 'bg-cyan-100 text-cyan-800 dark:bg-cyan-950 dark:text-cyan-200',
  delivered: 'bg-green-200 text-green-900 dark:bg-green-900 dark:text-green-100',
  withdrawn: 'bg-zinc-200 text-zinc-600 dark:bg-zinc-700 dark:text-zinc-300',
};

/** An item's status, or "under review" where its decision is not published to this viewer yet. */
export function StatusBadge({ status }: { status: VisibleStatus }) {
  const shown = status === 'under_review' ? 'curated' : status;
  return (
    <span className={`inline-block rounded px-1.5 py-0.5 text-xs font-medium ${STATUS_COLOUR[shown]}`}>
      {status === 'under_review' ? UNDER_REVIEW_LABEL : STATUS_LABEL[status]}
    </span>
  );
}
