'use client';
import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import { buttonClass } from '@/components/ui/button';

const ITEM =
  'cursor-default rounded px-2 py-1.5 text-sm outline-none data-[highlighted]:bg-indigo-600 data-[highlighted]:text-white data-[disabled]:text-zinc-400';
const CONTENT =
  'z-50 max-h-80 min-w-48 overflow-y-auto rounded-md border border-zinc-200 bg-white p-1 shadow-lg dark:border-zinc-700 dark:bg-zinc-900';

/**
 * "Move to…": every move the drag and drop offers, without dragging (top, one up, one down, bottom,
 * a position, above the cut line). Not modal: a modal menu locks scrolling with an injected style
 * tag, which the Content-Security-Policy refuses.
 */
export function MoveToMenu({
  id,
  title,
  index,
  count,
  fitCount,
  onMove,
}: {
  id: string;
  title: string;
  index: number;
  count: number;
  fitCount: number;
  onMove: (toIndex: number) => void;
}) {
  const last = count - 1;
  const below = index >= fitCount && fitCount < count;
  return (
    <DropdownMenu.Root modal={false}>
      <DropdownMenu.Trigger id={id} className={buttonClass('ghost')}>
        Move to…<span className="sr-only"> {title}</span>
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content align="end" className={CONTENT}>
          <DropdownMenu.Item className={ITEM} disabled={index === 0} onSelect={() => onMove(0)}>
            Move to top
          </DropdownMenu.Item>
          <DropdownMenu.Item className={ITEM} disabled={index === 0} onSelect={() => onMove(index - 1)}>
            Up one
          </DropdownMenu.Item>
          <DropdownMenu.Item className={ITEM} disabled={index === last} onSelect={() => onMove(index + 1)}>
            Down one
          </DropdownMenu.Item>
          <DropdownMenu.Item className={ITEM} disabled={index === last} onSelect={() => onMove(last)}>
            Move to bottom
          </DropdownMenu.Item>
          {below && (
            <DropdownMenu.Item className={ITEM} onSelect={() => onMove(Math.max(0, fitCount - 1))}>
              Move above the cut line
            </DropdownMenu.Item>
          )}
          <DropdownMenu.Sub>
            <DropdownMenu.SubTrigger className={ITEM}>Move to position…</DropdownMenu.SubTrigger>
            <DropdownMenu.Portal>
              <DropdownMenu.SubContent className={CONTENT}>
                {Array.from({ length: count }, (_, to) => (
                  <DropdownMenu.Item key={to} className={ITEM} disabled={to === index} onSelect={() => onMove(to)}>
                    Position {to + 1}
                  </DropdownMenu.Item>
                ))}
              </DropdownMenu.SubContent>
            </DropdownMenu.Portal>
          </DropdownMenu.Sub>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
