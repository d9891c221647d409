import 'server-only';
import { lt, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { apiRateWindows } from '@/db/schema';

export const RATE_WINDOW_MS = 60_000;
/** Windows older than this are deleted now and then: they are never read again. */
const KEEP_MS = 10 * RATE_WINDOW_MS;

export type RateState = { limit: number; remaining: number; resetSeconds: number; allowed: boolean };

/**
 * Counts one request of a token in the current fixed window (one upsert: every process shares the
 * count through the database) and says whether it is within `limit`.
 */
export async function countRequest(tokenId: number, limit: number, now = Date.now()): Promise<RateState> {
  const windowStart = now - (now % RATE_WINDOW_MS);
  const [row] = await db
    .insert(apiRateWindows)
    .values({ tokenId, windowStart, count: 1 })
    .onConflictDoUpdate({
      target: [apiRateWindows.tokenId, apiRateWindows.windowStart],
      set: { count: sql`${apiRateWindows.count} + 1` },
    })
    .returning({ count: apiRateWindows.count });
  // About one request in a hundred tidies up, so no scheduler is needed.
  if (row.count === 1 && Math.random() < 0.01) await pruneRateWindows(now);
  const count = Number(row.count);
  return {
    limit,
    remaining: Math.max(0, limit - count),
    resetSeconds: Math.max(1, Math.ceil((windowStart + RATE_WINDOW_MS - now) / 1000)),
    allowed: count <= limit,
  };
}

export async function pruneRateWindows(now = Date.now()): Promise<void> {
  await db.delete(apiRateWindows).where(lt(apiRateWindows.windowStart, now - KEEP_MS));
}
