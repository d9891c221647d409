import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { prereadUpdates, prereads, type Preread, type PrereadSnapshot } from '@/db/schema';
import type { Executor } from '@/lib/events/log.server';
import { first } from '@/db/rows';

export type PrereadState = {
  preread: Preread;
  /** What the attendees were last sent: the latest update's snapshot, else the original one. */
  snapshot: PrereadSnapshot;
  /** Names this exact snapshot (the pre-read and how many updates followed): what was sent never changes. */
  snapshotKey: string;
  updates: { sentAt: string; summary: string[] }[];
};

/** A meeting's distributed pre-read with its updates, or null before it is distributed. Callers authorize. */
export async function loadPrereadState(tx: Executor, meetingId: number): Promise<PrereadState | null> {
  const preread = first(await tx.select().from(prereads).where(eq(prereads.meetingId, meetingId)));
  if (!preread) return null;
  const updates = await tx
    .select({ id: prereadUpdates.id, sentAt: prereadUpdates.sentAt, summary: prereadUpdates.summary })
    .from(prereadUpdates)
    .where(eq(prereadUpdates.prereadId, preread.id))
    .orderBy(asc(prereadUpdates.id));
  // Only the latest snapshot is read: each one holds the whole agenda, and this runs on every page view.
  const last = updates.at(-1);
  const latest = last
    ? first(
        await tx
          .select({ snapshot: prereadUpdates.snapshot })
          .from(prereadUpdates)
          .where(eq(prereadUpdates.id, last.id)),
      )!.snapshot
    : preread.snapshot;
  return {
    preread,
    snapshot: latest,
    snapshotKey: `${preread.id}.${updates.length}`,
    updates: updates.map(({ sentAt, summary }) => ({ sentAt, summary })),
  };
}

/** Is the item on what the attendees were last sent? Questions may only be asked on those. */
export function snapshotHasItem(snapshot: PrereadSnapshot, itemId: number): boolean {
  return snapshot.items.some((i) => i.id === itemId);
}
