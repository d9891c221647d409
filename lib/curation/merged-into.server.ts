import 'server-only';
import { eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { items } from '@/db/schema';
import { first } from '@/db/rows';

/**
 * The item a merged duplicate points at, for its page's "Merged into …" line. Whoever may read the
 * duplicate may read the survivor's title: its requestors follow the survivor as co-requestors.
 */
export async function mergedInto(item: {
  status: string;
  mergedIntoId: number | null;
}): Promise<{ id: number; title: string } | null> {
  if (item.status !== 'merged' || item.mergedIntoId === null) return null;
  return (
    first(await db.select({ id: items.id, title: items.title }).from(items).where(eq(items.id, item.mergedIntoId))) ??
    null
  );
}
