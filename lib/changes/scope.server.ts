import 'server-only';
import { and, eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { emergencySessions } from '@/db/schema';
import { NotFoundError } from '@/lib/errors';
import { first } from '@/db/rows';

/**
 * A change request's session forms name the request beside the session (the page to refresh): a
 * session of another request is a form Quorum did not make, refused as not found.
 */
export async function assertSessionOf(changeRequestId: number, sessionId: number): Promise<void> {
  const found = first(
    await db
      .select({ id: emergencySessions.id })
      .from(emergencySessions)
      .where(and(eq(emergencySessions.id, sessionId), eq(emergencySessions.changeRequestId, changeRequestId))),
  );
  if (!found) throw new NotFoundError('This session');
}
