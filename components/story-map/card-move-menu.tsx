'use client';
import { useState } from 'react';
import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import { buttonClass } from '@/components/ui/button';
import type { MapActivityView, MapPlace, MapSliceView } from '@/lib/story-map/types';

const ITEM =
  'cursor-default rounded px-2 py-1.5 text-sm outline-none data-[highlighted]:bg-indigo-600 data-[highlighted]:text-white data-[disabled]:text-zinc-400';
const CONTENT =
  'z-50 max-h-80 min-w-48 overflow-y-auto rounded-md border border-zinc-200 bg-white p-1 shadow-lg dark:border-zinc-700 dark:bg-zinc-900';

/**
 * "Move to…" on a card: every move the drag and drop offers, without dragging — up or down in its
 * cell, into any slice and step, or back to the tray. Not modal: a modal menu locks scrolling with an
 * injected style tag, which the Content-Security-Policy refuses.
 *
 * The menu is mounted on first use: until then the card shows a plain button. A map holds hundreds of
 * cards, and a menu root per card made the page slow to render on the server and to hydrate.
 */
export function CardMoveMenu({
  id,
  title,
  place,
  index,
  count,
  slices,
  activities,
  onMove,
}: {
  id: string;
  title: string;
  place: MapPlace;
  index: number;
  count: number;
  slices: MapSliceView[];
  activities: MapActivityView[];
  onMove: (to: MapPlace, index: number) => void;
}) {
  const hasSteps = activities.some((a) => a.steps.length > 0);
  const [open, setOpen] = useState(false);
  const [mounted, setMounted] = useState(false);
  const label = (
    <>
      Move to…<span className="sr-only"> {title}</span>
    </>
  );
  const triggerClass = `${buttonClass('ghost')} px-1.5 py-0.5 text-xs`;
  if (!mounted)
    return (
      <button
        type="button"
        id={id}
        aria-haspopup="menu"
        aria-expanded={false}
        className={triggerClass}
        onClick={() => {
          setMounted(true);
          setOpen(true);
        }}
      >
        {label}
      </button>
    );
  return (
    <DropdownMenu.Root modal={false} open={open} onOpenChange={setOpen}>
      <DropdownMenu.Trigger id={id} className={triggerClass}>
        {label}
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content align="end" className={CONTENT}>
          {place && (
            <>
              <DropdownMenu.Item className={ITEM} disabled={index === 0} onSelect={() => onMove(place, index - 1)}>
                Up one
              </DropdownMenu.Item>
              <DropdownMenu.Item
                className={ITEM}
                disabled={index >= count - 1}
                onSelect={() => onMove(place, index + 1)}
              >
                Down one
              </DropdownMenu.Item>
            </>
          )}
          {hasSteps &&
            slices.map((slice) => (
              <DropdownMenu.Sub key={slice.id}>
                <DropdownMenu.SubTrigger className={ITEM}>{slice.name}</DropdownMenu.SubTrigger>
                <DropdownMenu.Portal>
                  <DropdownMenu.SubContent className={CONTENT}>
                    {activities.flatMap((a) =>
                      a.steps.map((step) => (
                        <DropdownMenu.Item
                          key={step.id}
                          className={ITEM}
                          disabled={place?.stepId === step.id && place.sliceId === slice.id}
                          onSelect={() => onMove({ stepId: step.id, sliceId: slice.id }, Number.MAX_SAFE_INTEGER)}
                        >
                          {a.name} › {step.name}
                        </DropdownMenu.Item>
                      )),
                    )}
                  </DropdownMenu.SubContent>
                </DropdownMenu.Portal>
              </DropdownMenu.Sub>
            ))}
          <DropdownMenu.Item className={ITEM} disabled={place === null} onSelect={() => onMove(null, 0)}>
            The tray
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
