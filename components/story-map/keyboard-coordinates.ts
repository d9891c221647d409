import type { KeyboardCoordinateGetter } from '@dnd-kit/core';

const DIRECTIONS: Record<string, [number, number]> = {
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
};

/**
 * Where an arrow key takes a card picked up by keyboard: to the nearest drop target (a cell, a card,
 * the tray) whose top-left corner lies that way, preferring what is straight ahead. The card lands on
 * the target's corner, so the next arrow starts from there. dnd-kit's sortable getter looks for the
 * next item of one list and, on the map's grid of lists, kept the card where it was.
 */
export const mapKeyboardCoordinates: KeyboardCoordinateGetter = (event, { context }) => {
  const direction = DIRECTIONS[event.code];
  const { active, collisionRect, droppableRects, droppableContainers } = context;
  if (!direction || !active || !collisionRect) return undefined;
  event.preventDefault();
  const [dx, dy] = direction;
  let best: { x: number; y: number } | undefined;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const entry of droppableContainers.getEnabled()) {
    if (entry.id === active.id) continue;
    const rect = droppableRects.get(entry.id);
    if (!rect) continue;
    const along = (rect.left - collisionRect.left) * dx + (rect.top - collisionRect.top) * dy;
    if (along <= 1) continue;
    const across = dx !== 0 ? Math.abs(rect.top - collisionRect.top) : Math.abs(rect.left - collisionRect.left);
    const score = along + 2 * across;
    if (score < bestScore) {
      bestScore = score;
      best = { x: rect.left, y: rect.top };
    }
  }
  return best;
};
