import 'server-only';
import { asc, eq, inArray, sql } from 'drizzle-orm';
import { alias } from '@/db/alias';
import { db, dialect, tuples } from '@/db/client';
import { cycles, departments, itemModules, items, modules, themes, users, type Cycle } from '@/db/schema';
import { assertCan, can } from '@/lib/auth/permissions';
import { NotFoundError } from '@/lib/errors';
import type { Executor } from '@/lib/events/log.server';
import { effectiveWeeks } from '@/lib/estimates/estimates';
import type { BacklogMeta, BacklogRow } from './types';
import { backlogRowsSql, rowExpander, toWireRow, type BacklogSqlRow } from './rows';
import { smeName } from '@/lib/users/sme';
import { smeNamesByEmail } from '@/lib/users/sme-names.server';
import type { ActingUser } from '@/lib/auth/acting-user';
import { first } from '@/db/rows';
import { scoringSummary, scoreOfItem } from '@/lib/scoring/backlog-scores.server';

const sponsors = alias(users, 'sponsors');
const requestors = alias(users, 'requestors');

function rowQuery(tx: Executor) {
  return tx
    .select({
      id: items.id,
      version: items.version,
      title: items.title,
      status: items.status,
      kind: items.kind,
      themeId: items.themeId,
      themeName: themes.name,
      departmentId: items.departmentId,
      departmentName: departments.name,
      estimateSize: items.estimateSize,
      estimateWeeks: items.estimateWeeks,
      sponsorName: sponsors.name,
      requestorName: requestors.name,
      sme: items.sme,
      hasBenefit: sql<number>`${items.businessBenefit} <> ''`,
    })
    .from(items)
    .leftJoin(themes, eq(themes.id, items.themeId))
    .innerJoin(departments, eq(departments.id, items.departmentId))
    .leftJoin(sponsors, eq(sponsors.id, items.sponsorId))
    .innerJoin(requestors, eq(requestors.id, items.requestorId));
}

type RawRow = Awaited<ReturnType<typeof rowQuery>>[number];

async function moduleMap(tx: Executor, itemIds: number[]) {
  const rows = await tx
    .select({ itemId: itemModules.itemId, moduleId: modules.id, name: modules.name })
    .from(itemModules)
    .innerJoin(modules, eq(modules.id, itemModules.moduleId))
    .where(inArray(itemModules.itemId, itemIds))
    .orderBy(asc(modules.name));
  const map = new Map<number, { ids: number[]; names: string[] }>();
  for (const r of rows) {
    const m = map.get(r.itemId) ?? { ids: [], names: [] };
    m.ids.push(r.moduleId);
    m.names.push(r.name);
    map.set(r.itemId, m);
  }
  return map;
}

function toRow(r: RawRow, cycle: Pick<Cycle, 'sizeWeeks'>, mods?: { ids: number[]; names: string[] }): BacklogRow {
  return {
    ...r,
    hasBenefit: Boolean(r.hasBenefit),
    moduleIds: mods?.ids ?? [],
    moduleNames: mods?.names ?? [],
    effectiveWeeks: effectiveWeeks(r, cycle.sizeWeeks),
  };
}

export async function loadCycle(tx: Executor, cycleId: number): Promise<Cycle> {
  const cycle = first(await tx.select().from(cycles).where(eq(cycles.id, cycleId)));
  if (!cycle) throw new NotFoundError('This cycle');
  return cycle;
}

/** Every item of a cycle as row tuples, for the table (drafts stay private to their author). */
export async function listBacklogTuples(actor: ActingUser, cycleId: number): Promise<BacklogSqlRow[]> {
  assertCan(actor, 'backlog.view');
  await loadCycle(db, cycleId);
  // A raw prepared statement: this list is the hot path (5,000 rows), so skip the ORM's row mapping.
  return (await tuples(LIST_SQL, [cycleId])) as BacklogSqlRow[];
}
const LIST_SQL = backlogRowsSql(dialect);

/** Every item of a cycle as full table rows (names resolved), for server-side uses. */
export async function listBacklogRows(actor: ActingUser, cycleId: number): Promise<BacklogRow[]> {
  const expand = rowExpander(await backlogMeta(actor, cycleId));
  return (await listBacklogTuples(actor, cycleId)).map((r) => expand(toWireRow(r)));
}

/** One row, as the table shows it, after an inline edit. */
export async function backlogRow(tx: Executor, itemId: number): Promise<BacklogRow> {
  const r = first(await rowQuery(tx).where(eq(items.id, itemId)));
  if (!r) throw new NotFoundError('This item');
  const cycle = first(
    await tx
      .select({ sizeWeeks: cycles.sizeWeeks })
      .from(cycles)
      .innerJoin(items, eq(items.cycleId, cycles.id))
      .where(eq(items.id, itemId)),
  );
  const row = toRow(
    { ...r, sme: smeName(r.sme, await smeNamesByEmail(tx, [r.sme])) },
    cycle ?? { sizeWeeks: { XS: 0, S: 0, M: 0, L: 0, XL: 0 } },
    (await moduleMap(tx, [itemId])).get(itemId),
  );
  // Without a cycle there is no size table: only explicit weeks mean anything.
  return cycle ? { ...row, ...(await scoreOfItem(tx, itemId)) } : { ...row, effectiveWeeks: r.estimateWeeks };
}

export async function backlogMeta(actor: ActingUser, cycleId: number): Promise<BacklogMeta> {
  assertCan(actor, 'backlog.view');
  const cycle = await loadCycle(db, cycleId);
  return {
    cycleId: cycle.id,
    cycleName: cycle.name,
    capacityWeeks: cycle.capacityWeeks,
    nfrTargetPercent: cycle.nfrTargetPercent,
    sizeWeeks: cycle.sizeWeeks,
    themes: await db
      .select({ id: themes.id, name: themes.name })
      .from(themes)
      .where(eq(themes.cycleId, cycleId))
      .orderBy(asc(themes.position)),
    departments: await db
      .select({ id: departments.id, name: departments.name })
      .from(departments)
      .orderBy(asc(departments.name)),
    modules: await db.select({ id: modules.id, name: modules.name }).from(modules).orderBy(asc(modules.name)),
    people: await db.select({ id: users.id, name: users.name }).from(users).orderBy(asc(users.name)),
    smeNames: await smeNamesByEmail(
      db,
      (await db.selectDistinct({ sme: items.sme }).from(items).where(eq(items.cycleId, cycleId))).map((r) => r.sme),
    ),
    ...(await scoringSummary(db, cycleId)),
    canEdit: {
      estimate: can(actor, 'item.estimate'),
      theme: can(actor, 'item.edit'),
      status: can(actor, 'item.setStatus'),
    },
  };
}

/** The row for a viewer of the backlog, or undefined when it is gone. */
export async function findBacklogRow(actor: ActingUser, itemId: number): Promise<BacklogRow | undefined> {
  if (!can(actor, 'backlog.view')) return undefined;
  try {
    return await backlogRow(db, itemId);
  } catch {
    return undefined;
  }
}
