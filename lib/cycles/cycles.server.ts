import 'server-only';
import { asc, desc, eq, ne, and } from 'drizzle-orm';
import { db, transaction } from '@/db/client';
import { cycles, themes, type Cycle } from '@/db/schema';
import { assertCan } from '@/lib/auth/permissions';
import { ValidationError } from '@/lib/errors';
import { diff, logEvent, type Executor } from '@/lib/events/log.server';
import { parseOrThrow } from '@/lib/validation';
import { loadCycle } from '@/lib/backlog/list.server';
import { CycleSchema } from './schema';
import type { ActingUser } from '@/lib/auth/acting-user';
import { first } from '@/db/rows';
import { insertDefaultSlices } from './default-slices.server';

async function assertNameFree(tx: Executor, name: string, exceptId?: number) {
  const clash = first(
    await tx
      .select({ id: cycles.id })
      .from(cycles)
      .where(exceptId ? and(eq(cycles.name, name), ne(cycles.id, exceptId)) : eq(cycles.name, name)),
  );
  if (clash) throw new ValidationError({ name: ['A cycle with this name already exists.'] });
}

export async function createCycle(actor: ActingUser, input: unknown): Promise<Cycle> {
  assertCan(actor, 'cycle.manage');
  const data = parseOrThrow(CycleSchema, input);
  return transaction(async (tx) => {
    await assertNameFree(tx, data.name);
    const cycle = (
      await tx
        .insert(cycles)
        .values({ ...data, createdAt: new Date().toISOString() })
        .returning()
    )[0];
    await logEvent(tx, {
      actorId: actor.id,
      type: 'cycle.created',
      subjectType: 'cycle',
      subjectId: cycle.id,
      data: { after: data },
    });
    await insertDefaultSlices(tx, cycle.id);
    return cycle;
  });
}

export async function updateCycle(actor: ActingUser, cycleId: number, input: unknown): Promise<Cycle> {
  assertCan(actor, 'cycle.manage');
  const data = parseOrThrow(CycleSchema, input);
  return transaction(async (tx) => {
    const before = await loadCycle(tx, cycleId);
    await assertNameFree(tx, data.name, cycleId);
    const changes = diff(before as Record<string, unknown>, data);
    if (Object.keys(changes).length === 0) return before;
    const after = (await tx.update(cycles).set(data).where(eq(cycles.id, cycleId)).returning())[0];
    await logEvent(tx, {
      actorId: actor.id,
      type: 'cycle.updated',
      subjectType: 'cycle',
      subjectId: cycleId,
      data: { changes },
    });
    return after;
  });
}

/** Cycles a backlog role may open, newest first. */
export async function listCycles(actor: ActingUser) {
  assertCan(actor, 'backlog.view');
  return db.select().from(cycles).orderBy(desc(cycles.startsOn));
}

/** For pickers (triage): every cycle's id and name, with its themes. */
export async function listCyclesWithThemes(actor: ActingUser) {
  assertCan(actor, 'request.triage');
  const all = await db.select({ id: cycles.id, name: cycles.name }).from(cycles).orderBy(desc(cycles.startsOn));
  const allThemes = await db
    .select({ id: themes.id, name: themes.name, cycleId: themes.cycleId })
    .from(themes)
    .orderBy(asc(themes.position));
  return all.map((c) => ({ ...c, themes: allThemes.filter((t) => t.cycleId === c.id) }));
}

export async function getCycle(actor: ActingUser, cycleId: number): Promise<Cycle> {
  assertCan(actor, 'backlog.view');
  return loadCycle(db, cycleId);
}
