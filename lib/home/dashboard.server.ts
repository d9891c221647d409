import 'server-only';
import { and, count, desc, eq, inArray, isNotNull, isNull, or, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { cycles, items } from '@/db/schema';
import { assertCan, can } from '@/lib/auth/permissions';
import { listMyRequests, listTriage } from '@/lib/requests/requests.server';
import type { ActingUser } from '@/lib/auth/acting-user';
import { first } from '@/db/rows';
import { needsNow } from './needs-now.server';

export type MissingField = 'estimate' | 'sponsor' | 'business benefit';
export type IncompleteItem = { id: number; title: string; cycleName: string; missing: MissingField[] };

const INCOMPLETE_LIMIT = 20;

/**
 * Items on a cycle's agenda (curated or submitted) that still lack an estimate, a sponsor or a
 * business benefit: the pm's curation to-do. Newest cycle first; at most `limit`, with the total.
 */
export async function listIncompleteItems(
  actor: ActingUser,
  limit = INCOMPLETE_LIMIT,
): Promise<{ rows: IncompleteItem[]; total: number }> {
  assertCan(actor, 'item.edit');
  const noEstimate = and(isNull(items.estimateSize), isNull(items.estimateWeeks));
  const noSponsor = isNull(items.sponsorId);
  const noBenefit = eq(sql`trim(${items.businessBenefit})`, '');
  const where = and(
    isNotNull(items.cycleId),
    inArray(items.status, ['curated', 'submitted']),
    or(noEstimate, noSponsor, noBenefit),
  );
  const total = first(await db.select({ n: count() }).from(items).where(where))?.n ?? 0;
  const rows = await db
    .select({
      id: items.id,
      title: items.title,
      cycleName: cycles.name,
      noEstimate: sql<number>`${noEstimate}`,
      noSponsor: sql<number>`${noSponsor}`,
      noBenefit: sql<number>`${noBenefit}`,
    })
    .from(items)
    .innerJoin(cycles, eq(cycles.id, items.cycleId))
    .where(where)
    .orderBy(desc(cycles.startsOn), items.id)
    .limit(limit);
  return {
    total,
    rows: rows.map((r) => ({
      id: r.id,
      title: r.title,
      cycleName: r.cycleName,
      missing: [r.noEstimate && 'estimate', r.noSponsor && 'sponsor', r.noBenefit && 'business benefit'].filter(
        Boolean,
      ) as MissingField[],
    })),
  };
}

/** What the home page shows the actor: their own requests, and for a pm the curation to-do. */
export async function getDashboard(actor: ActingUser) {
  const mine = await listMyRequests(actor);
  const curation =
    can(actor, 'item.edit') && can(actor, 'request.triage')
      ? { incomplete: await listIncompleteItems(actor), triageCount: (await listTriage(actor)).length }
      : null;
  return {
    needs: await needsNow(actor),
    requests: { latest: mine.slice(0, 5), total: mine.length },
    curation,
    canViewCycles: can(actor, 'backlog.view'),
  };
}
export type Dashboard = Awaited<ReturnType<typeof getDashboard>>;
