'use client';
import Link from '@/components/ui/link';
import { plural } from '@/lib/plural';
import { useSchedule } from './context';

/**
 * What approved change requests moved since the schedule was last published, marked on the rows
 * (in words, never by colour alone) until the next publication announces it. People who may open
 * change requests get a link to the one that moved the row.
 */

const ACTION_TEXT = { in: 'Came in with', later: 'Moved later by' } as const;

export function MovedMark({ itemId }: { itemId: number }) {
  const { moved, view } = useSchedule();
  const mark = moved.get(itemId);
  if (!mark) return null;
  const name = `change request #${mark.changeRequestId}`;
  return (
    <p className="mt-0.5 inline-flex rounded bg-violet-100 px-1.5 py-0.5 text-xs font-medium text-violet-900 dark:bg-violet-950 dark:text-violet-100">
      <span>
        {ACTION_TEXT[mark.action]}{' '}
        {view.viewer.canSeeChanges ? (
          <Link href={`/changes/${mark.changeRequestId}`} className="text-inherit underline">
            {name}
          </Link>
        ) : (
          name
        )}
      </span>
    </p>
  );
}

export function MovedLegend() {
  const { view } = useSchedule();
  if (view.moved.length === 0) return null;
  return (
    <p className="rounded-md bg-violet-50 px-3 py-2 text-sm text-violet-900 dark:bg-violet-950/60 dark:text-violet-100">
      {plural(view.moved.length, 'row')} {view.moved.length === 1 ? 'was' : 'were'} moved by an approved change request{' '}
      {view.lastPublication ? 'since the schedule was last published' : 'and not yet published'}: marked below until the
      schedule is published{view.lastPublication ? ' again' : ''}.
    </p>
  );
}
