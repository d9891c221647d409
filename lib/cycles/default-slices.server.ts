import 'server-only';
import { DEFAULT_SLICES, mapSlices } from '@/db/schema';
import type { Executor } from '@/lib/events/log.server';

/** Inserts the slices a cycle's story map starts with (inside the caller's transaction). */
export async function insertDefaultSlices(tx: Executor, cycleId: number): Promise<void> {
  await tx.insert(mapSlices).values(DEFAULT_SLICES.map((s, position) => ({ cycleId, ...s, position })));
}
