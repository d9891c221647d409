import 'server-only';
import { eq } from 'drizzle-orm';
import { transaction } from '@/db/client';
import { cycles } from '@/db/schema';
import { assertCan } from '@/lib/auth/permissions';
import type { ActingUser } from '@/lib/auth/acting-user';
import { loadCycle } from '@/lib/backlog/list.server';
import { logEvent } from '@/lib/events/log.server';
import { parseOrThrow } from '@/lib/validation';
import { NfrTargetSchema } from './nfr-target';

/**
 * Sets (or clears, with null) the share of capacity a cycle means to give non-functional and
 * tech-debt work. Logged as a cycle update; an unchanged value writes nothing.
 */
export async function setNfrTarget(actor: ActingUser, cycleId: number, input: unknown): Promise<number | null> {
  assertCan(actor, 'cycle.manage');
  const { nfrTargetPercent } = parseOrThrow(NfrTargetSchema, input);
  return transaction(async (tx) => {
    const before = await loadCycle(tx, cycleId);
    if (before.nfrTargetPercent === nfrTargetPercent) return nfrTargetPercent;
    await tx.update(cycles).set({ nfrTargetPercent }).where(eq(cycles.id, cycleId));
    await logEvent(tx, {
      actorId: actor.id,
      type: 'cycle.updated',
      subjectType: 'cycle',
      subjectId: cycleId,
      data: { changes: { nfrTargetPercent: { from: before.nfrTargetPercent, to: nfrTargetPercent } } },
    });
    return nfrTargetPercent;
  });
}
