'use client';
import { Button } from '@/components/ui/button';
import type { MapSliceView } from '@/lib/story-map/types';
import { OrderButtons, RenameControl, smallButton } from './name-controls';
import type { Send } from './use-story-map';

/** A slice's name and controls: collapse (this viewer only), rename, move up/down, delete. */
export function SliceHeader({
  slice,
  index,
  count,
  cardCount,
  collapsed,
  canEdit,
  send,
  onToggle,
  confirmDelete,
}: {
  slice: MapSliceView;
  index: number;
  count: number;
  cardCount: number;
  collapsed: boolean;
  canEdit: boolean;
  send: Send;
  onToggle: () => void;
  confirmDelete: (message: string) => boolean;
}) {
  const headingId = `slice-${slice.id}-heading`;
  const deleteMessage =
    cardCount === 0
      ? `Delete the slice "${slice.name}"?`
      : `Delete the slice "${slice.name}"? Its ${cardCount === 1 ? 'card goes' : `${cardCount} cards go`} to the tray.`;
  return (
    <div className="flex flex-wrap items-center gap-2 border-t-2 border-zinc-300 pt-2 dark:border-zinc-700">
      <h2 id={headingId} className="text-lg font-semibold">
        {slice.name}
      </h2>
      <span className="text-sm text-zinc-600 dark:text-zinc-400">
        {cardCount === 1 ? '1 card' : `${cardCount} cards`}
      </span>
      <Button variant="ghost" className={smallButton} aria-expanded={!collapsed} onClick={onToggle}>
        {collapsed ? 'Expand' : 'Collapse'}
        <span className="sr-only"> {slice.name}</span>
      </Button>
      {canEdit && (
        <>
          <RenameControl
            label="Slice name"
            name={slice.name}
            onSave={(name) => send({ action: 'rename-slice', sliceId: slice.id, name })}
          />
          <OrderButtons
            what={slice.name}
            index={index}
            count={count}
            earlier="Move up"
            later="Move down"
            onMove={(toIndex) => void send({ action: 'move-slice', sliceId: slice.id, toIndex })}
          />
          {slice.role !== 'this_cycle' && (
            <Button
              variant="ghost"
              className={smallButton}
              onClick={() => confirmDelete(deleteMessage) && void send({ action: 'delete-slice', sliceId: slice.id })}
            >
              Delete<span className="sr-only"> slice {slice.name}</span>
            </Button>
          )}
        </>
      )}
    </div>
  );
}
