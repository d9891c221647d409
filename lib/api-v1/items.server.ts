import 'server-only';
import { and, asc, eq, gt, inArray, ne, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { alias } from '@/db/alias';
import { db } from '@/db/client';
import { departments, itemModules, items, modules, themes, users } from '@/db/schema';
import type { ActingUser } from '@/lib/auth/acting-user';
import { assertCan } from '@/lib/auth/permissions';
import type { ItemDetail } from '@/lib/backlog/detail.server';
import { KIND_LABEL, STATUS_LABEL } from '@/lib/backlog/labels';
import { loadCycle } from '@/lib/backlog/list.server';
import { UNDER_REVIEW_LABEL, type VisibleStatus } from '@/lib/backlog/visible-status';
import { ValidationError } from '@/lib/errors';
import type { ApiItem, ItemsQuery } from './schemas';

const sponsors = alias(users, 'sponsors');
const requestors = alias(users, 'requestors');

export const statusOf = (code: VisibleStatus) => ({
  code,
  label: code === 'under_review' ? UNDER_REVIEW_LABEL : STATUS_LABEL[code],
});
const kindOf = (code: keyof typeof KIND_LABEL) => ({ code, label: KIND_LABEL[code] });
const ref = (id: number | null, name: string | null) => (id === null ? null : { id, name: name ?? '' });

/** The cursor is the last id of a page, wrapped so clients treat it as opaque. */
export const encodeCursor = (lastId: number) => Buffer.from(`item:${lastId}`).toString('base64url');
export function decodeCursor(cursor: string): number {
  const match = /^item:([1-9][0-9]{0,9})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw new ValidationError({ cursor: ['cursor is not one this API gave out.'] });
  return Number(match[1]);
}

/**
 * One page of a cycle's backlog, in id order, for backlog readers (the backlog's own rule: every
 * item but drafts). Keyset pagination: each page starts after the last id of the previous one,
 * so a page costs the same at item 4,900 as at item 1 and inserts never shift the pages.
 */
export async function listItemsPage(
  actor: ActingUser,
  query: z.infer<typeof ItemsQuery>,
): Promise<{ data: ApiItem[]; nextCursor: string | null }> {
  assertCan(actor, 'backlog.view');
  const cycle = await loadCycle(db, query.cycleId);
  const limit = query.limit ?? 50;
  const where: SQL[] = [eq(items.cycleId, cycle.id), ne(items.status, 'draft')];
  if (query.cursor !== undefined) where.push(gt(items.id, decodeCursor(query.cursor)));
  if (query.status) where.push(eq(items.status, query.status));
  if (query.kind) where.push(eq(items.kind, query.kind));
  if (query.themeId) where.push(eq(items.themeId, query.themeId));
  if (query.departmentId) where.push(eq(items.departmentId, query.departmentId));
  if (query.q) {
    const pattern = `%${query.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(sql`lower(${items.title}) like ${pattern} escape '\\'`);
  }
  const rows = await db
    .select({
      item: items,
      themeName: themes.name,
      departmentName: departments.name,
      sponsorName: sponsors.name,
      requestorName: requestors.name,
    })
    .from(items)
    .leftJoin(themes, eq(themes.id, items.themeId))
    .innerJoin(departments, eq(departments.id, items.departmentId))
    .leftJoin(sponsors, eq(sponsors.id, items.sponsorId))
    .innerJoin(requestors, eq(requestors.id, items.requestorId))
    .where(and(...where))
    .orderBy(asc(items.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const mods = await modulesOf(page.map((r) => r.item.id));
  const data = page.map(({ item, ...names }) => ({
    id: item.id,
    version: item.version,
    title: item.title,
    description: item.description,
    businessBenefit: item.businessBenefit,
    status: statusOf(item.status),
    kind: kindOf(item.kind),
    cycle: { id: cycle.id, name: cycle.name },
    theme: ref(item.themeId, names.themeName),
    department: { id: item.departmentId, name: names.departmentName },
    requestor: { id: item.requestorId, name: names.requestorName },
    sponsor: ref(item.sponsorId, names.sponsorName),
    sponsorText: item.sponsorSuggestion,
    modules: mods.get(item.id) ?? [],
    estimate: { size: item.estimateSize, weeks: item.estimateWeeks },
    sme: item.sme,
    decisionReason: item.decisionReason,
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
  }));
  return { data, nextCursor: rows.length > limit ? encodeCursor(page[page.length - 1].item.id) : null };
}

async function modulesOf(itemIds: number[]): Promise<Map<number, { id: number; name: string }[]>> {
  const out = new Map<number, { id: number; name: string }[]>();
  if (itemIds.length === 0) return out;
  const rows = await db
    .select({ itemId: itemModules.itemId, id: modules.id, name: modules.name })
    .from(itemModules)
    .innerJoin(modules, eq(modules.id, itemModules.moduleId))
    .where(inArray(itemModules.itemId, itemIds))
    .orderBy(asc(modules.name));
  for (const { itemId, ...m } of rows) out.set(itemId, [...(out.get(itemId) ?? []), m]);
  return out;
}

/** One item as the API shows it, from getItemDetail (which applied who may see what). */
export function apiItemOf(d: ItemDetail): ApiItem {
  const { item } = d;
  return {
    id: item.id,
    version: item.version,
    title: item.title,
    description: item.description,
    businessBenefit: item.businessBenefit,
    status: statusOf(item.status),
    kind: kindOf(item.kind),
    cycle: d.cycle,
    theme: ref(item.themeId, d.themeName),
    department: { id: item.departmentId, name: d.departmentName },
    requestor: { id: item.requestorId, name: d.requestorName },
    sponsor: ref(item.sponsorId, d.sponsorName),
    sponsorText: item.sponsorSuggestion,
    modules: d.modules,
    estimate: { size: item.estimateSize, weeks: item.estimateWeeks },
    sme: item.sme,
    decisionReason: item.decisionReason,
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
  };
}
