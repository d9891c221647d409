'use client';
import type { AgendaRow } from '@/lib/meetings/agenda.server';
import { formatWeeks } from '@/lib/meetings/format';
import { Button } from '@/components/ui/button';
import { StatusBadge } from '@/components/ui/status-badge';
import { ON_THIS_CYCLE_LABEL } from '@/lib/meetings/map-slice-order';

/** One candidate item: an "Include <title>" box and, once included, its position and move buttons. */
export function AgendaRowView({
  item,
  included,
  position,
  first,
  last,
  onToggle,
  onMove,
  plan,
  onMap,
}: {
  item: AgendaRow;
  included: boolean;
  position?: number;
  first?: boolean;
  last?: boolean;
  onToggle: (id: number, on: boolean) => void;
  onMove?: (id: number, by: -1 | 1) => void;
  /** Time box, consent agenda and stances, for an item on the agenda. */
  plan?: React.ReactNode;
  /** The story map has it in "This cycle". */
  onMap?: boolean;
}) {
  const boxId = `agenda-include-${item.id}`;
  return (
    <li className="flex flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2 text-sm">
      {included && <span className="w-6 text-right tabular-nums text-zinc-500 dark:text-zinc-400">{position}.</span>}
      <input id={boxId} type="checkbox" checked={included} onChange={(e) => onToggle(item.id, e.target.checked)} />
      <label htmlFor={boxId} className="min-w-0 flex-1">
        <span className="sr-only">Include </span>
        <span className="font-medium">{item.title}</span>
      </label>
      {included && <input type="hidden" name="itemId" value={item.id} />}
      {item.status !== 'curated' && <StatusBadge status={item.status} />}
      {onMap && (
        <span className="rounded bg-indigo-50 px-1.5 text-xs text-indigo-800 dark:bg-indigo-950 dark:text-indigo-200">
          {ON_THIS_CYCLE_LABEL}
        </span>
      )}
      <span className="text-zinc-600 dark:text-zinc-400">{item.themeName ?? 'No theme'}</span>
      <span className="text-zinc-600 dark:text-zinc-400">{item.departmentName}</span>
      <span className="w-20 text-right tabular-nums">
        {item.effectiveWeeks === null
          ? 'not estimated'
          : `${item.estimate === String(item.effectiveWeeks) ? '' : `${item.estimate} · `}${formatWeeks(item.effectiveWeeks)} pw`}
      </span>
      {included && onMove && (
        <span className="flex gap-1">
          <Button
            id={`agenda-${item.id}-up`}
            variant="ghost"
            disabled={first}
            aria-label={`Move ${item.title} up`}
            onClick={() => onMove(item.id, -1)}
          >
            ↑
          </Button>
          <Button
            id={`agenda-${item.id}-down`}
            variant="ghost"
            disabled={last}
            aria-label={`Move ${item.title} down`}
            onClick={() => onMove(item.id, 1)}
          >
            ↓
          </Button>
        </span>
      )}
      {included && plan}
    </li>
  );
}
