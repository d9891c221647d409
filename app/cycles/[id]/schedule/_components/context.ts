'use client';
import { createContext, useContext } from 'react';
import type { MovedRow } from '@/lib/schedule/moved';
import type { ScheduleView } from '@/lib/schedule/types';
import type { ScheduleRow } from '@/lib/schedule/wire';

export type ScheduleData = Omit<ScheduleView, 'items'> & { items: ScheduleRow[] };

export type ScheduleApi = {
  view: ScheduleData;
  periodName: ReadonlyMap<number, string>;
  /** Rows an approved change request moved since the last publication, by item id. */
  moved: ReadonlyMap<number, MovedRow>;
  /** The item whose questions and flags are open below the table (null: none). */
  selected: number | null;
  select: (itemId: number | null) => void;
};

// Cells read the schedule from context so the table's column definitions stay module-level constants.
export const ScheduleContext = createContext<ScheduleApi | null>(null);

export function useSchedule(): ScheduleApi {
  const api = useContext(ScheduleContext);
  if (!api) throw new Error('Schedule components must be rendered inside ScheduleContext.');
  return api;
}

/** Controls inside the dense table and the timeline. */
export const compactControl =
  'h-8 min-w-0 rounded border border-zinc-300 bg-white px-1.5 text-sm text-zinc-900 focus-visible:outline-2 focus-visible:outline-indigo-600 aria-[invalid=true]:border-red-500 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100';
