import 'server-only';
import { and, asc, count, eq, sql } from 'drizzle-orm';
import { db, transaction } from '@/db/client';
import { items, themes, type Theme } from '@/db/schema';
import { assertCan } from '@/lib/auth/permissions';
import { NotFoundError } from '@/lib/errors';
import { diff, logEvent, type Executor } from '@/lib/events/log.server';
import { parseOrThrow } from '@/lib/validation';
import { loadCycle } from '@/lib/backlog/list.server';
import { ThemeSchema } from './schema';
import type { ActingUser } from '@/lib/auth/acting-user';
import { first } from '@/db/rows';

export async function listThemes(actor: ActingUser, cycleId: number): Promise<(Theme & { itemCount: number })[]> {
  assertCan(actor, 'backlog.view');
  await loadCycle(db, cycleId);
  // A join, not a correlated subquery: drizzle leaves the columns of a one-table select unqualified,
  // so a subquery's `theme_id = id` compared each item with itself and every theme counted 1.
  return db
    .select({
      id: themes.id,
      cycleId: themes.cycleId,
      name: themes.name,
      keyOutcome: themes.keyOutcome,
      metricName: themes.metricName,
      metricUnit: themes.metricUnit,
      metricBaseline: themes.metricBaseline,
      metricTarget: themes.metricTarget,
      metricActual: themes.metricActual,
      position: themes.position,
      itemCount: count(items.id),
    })
    .from(themes)
    .leftJoin(items, eq(items.themeId, themes.id))
    .where(eq(themes.cycleId, cycleId))
    .groupBy(themes.id)
    .orderBy(asc(themes.position));
}

async function loadTheme(tx: Executor, cycleId: number, themeId: number): Promise<Theme> {
  const theme = first(
    await tx
      .select()
      .from(themes)
      .where(and(eq(themes.id, themeId), eq(themes.cycleId, cycleId))),
  );
  if (!theme) throw new NotFoundError('This theme');
  return theme;
}

export async function addTheme(actor: ActingUser, cycleId: number, input: unknown): Promise<Theme> {
  assertCan(actor, 'cycle.manage');
  const data = parseOrThrow(ThemeSchema, input);
  return transaction(async (tx) => {
    await loadCycle(tx, cycleId);
    const last = first(
      await tx
        .select({ max: sql<number | null>`max(${themes.position})` })
        .from(themes)
        .where(eq(themes.cycleId, cycleId)),
    );
    const theme = (
      await tx
        .insert(themes)
        .values({ ...data, cycleId, position: (last?.max ?? -1) + 1 })
        .returning()
    )[0];
    await logEvent(tx, {
      actorId: actor.id,
      type: 'theme.created',
      subjectType: 'theme',
      subjectId: theme.id,
      data: { cycleId, after: data },
    });
    return theme;
  });
}

export async function updateTheme(actor: ActingUser, cycleId: number, themeId: number, input: unknown): Promise<Theme> {
  assertCan(actor, 'cycle.manage');
  const data = parseOrThrow(ThemeSchema, input);
  return transaction(async (tx) => {
    const before = await loadTheme(tx, cycleId, themeId);
    const changes = diff(before as Record<string, unknown>, data);
    if (Object.keys(changes).length === 0) return before;
    const after = (await tx.update(themes).set(data).where(eq(themes.id, themeId)).returning())[0];
    await logEvent(tx, {
      actorId: actor.id,
      type: 'theme.updated',
      subjectType: 'theme',
      subjectId: themeId,
      data: { cycleId, changes },
    });
    return after;
  });
}

/** Swaps a theme with its neighbour; positions stay dense 0..n-1. */
export async function moveTheme(
  actor: ActingUser,
  cycleId: number,
  themeId: number,
  direction: 'up' | 'down',
): Promise<void> {
  assertCan(actor, 'cycle.manage');
  await transaction(async (tx) => {
    await loadTheme(tx, cycleId, themeId);
    const ordered = await tx.select().from(themes).where(eq(themes.cycleId, cycleId)).orderBy(asc(themes.position));
    const i = ordered.findIndex((t) => t.id === themeId);
    const j = direction === 'up' ? i - 1 : i + 1;
    if (j < 0 || j >= ordered.length) return;
    [ordered[i], ordered[j]] = [ordered[j], ordered[i]];
    for (const [position, t] of ordered.entries()) await tx.update(themes).set({ position }).where(eq(themes.id, t.id));
    await logEvent(tx, {
      actorId: actor.id,
      type: 'theme.reordered',
      subjectType: 'theme',
      subjectId: themeId,
      data: { cycleId, order: ordered.map((t) => t.id) },
    });
  });
}

/** Removes a theme; its items stay in the cycle without a theme (each change is logged). */
export async function removeTheme(actor: ActingUser, cycleId: number, themeId: number): Promise<void> {
  assertCan(actor, 'cycle.manage');
  await transaction(async (tx) => {
    const theme = await loadTheme(tx, cycleId, themeId);
    const affected = await tx.select({ id: items.id }).from(items).where(eq(items.themeId, themeId));
    for (const { id } of affected) {
      await tx
        .update(items)
        .set({ themeId: null, updatedAt: new Date().toISOString(), version: sql`${items.version} + 1` })
        .where(eq(items.id, id));
      await logEvent(tx, {
        actorId: actor.id,
        type: 'item.updated',
        subjectType: 'item',
        subjectId: id,
        data: { changes: { themeId: { from: themeId, to: null } }, reason: `Theme "${theme.name}" removed` },
      });
    }
    await tx.delete(themes).where(eq(themes.id, themeId));
    const rest = await tx
      .select({ id: themes.id })
      .from(themes)
      .where(eq(themes.cycleId, cycleId))
      .orderBy(asc(themes.position));
    for (const [position, t] of rest.entries()) await tx.update(themes).set({ position }).where(eq(themes.id, t.id));
    await logEvent(tx, {
      actorId: actor.id,
      type: 'theme.deleted',
      subjectType: 'theme',
      subjectId: themeId,
      data: { cycleId, before: { name: theme.name, keyOutcome: theme.keyOutcome }, itemsUnthemed: affected.length },
    });
  });
}
