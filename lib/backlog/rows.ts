import { sqlPieces, type Dialect } from '@/db/dialect';
import { effectiveWeeks } from '@/lib/estimates/estimates';
import { smeName } from '@/lib/users/sme';
import type { BacklogMeta, BacklogRow, BacklogWireRow } from './types';

/**
 * The one SQL statement behind the backlog list (also run by the benchmark's plain-Node baseline).
 * No joins: names are looked up from BacklogMeta on the client; modules come as "3,7".
 */
export const backlogRowsSql = (dialect: Dialect) => {
  const q = sqlPieces(dialect);
  return `select i.id, i.version, i.title, i.status, i.kind, i.theme_id, i.department_id,
  (select ${q.joinedIds('im.module_id')} from item_modules im where im.item_id = i.id) as module_ids,
  i.estimate_size, i.estimate_weeks, i.sponsor_id, i.requestor_id, i.sme, ${q.asInt("i.business_benefit <> ''")} as has_benefit
from items i where i.cycle_id = ? and i.status <> 'draft' order by i.id`;
};

/** Names of the positions in a BacklogSqlRow, sent with the rows so the JSON explains itself. */
export const BACKLOG_COLUMNS = [
  'id',
  'version',
  'title',
  'status',
  'kind',
  'themeId',
  'departmentId',
  'moduleIds',
  'estimateSize',
  'estimateWeeks',
  'sponsorId',
  'requestorId',
  'sme',
  'hasBenefit',
] as const;

/**
 * One row as the statement returns it and as the JSON route sends it: a tuple, because 5,000
 * objects would repeat every key 5,000 times (half the bytes). moduleIds is "3,7", hasBenefit 0/1.
 */
export type BacklogSqlRow = [
  number,
  number,
  string,
  BacklogWireRow['status'],
  BacklogWireRow['kind'],
  number | null,
  number,
  string | null,
  BacklogWireRow['estimateSize'],
  number | null,
  number | null,
  number,
  string,
  number,
];

/** A row tuple as a named object (on the client, once the tuples have arrived). */
export function toWireRow(r: BacklogSqlRow): BacklogWireRow {
  return {
    id: r[0],
    version: r[1],
    title: r[2],
    status: r[3],
    kind: r[4],
    themeId: r[5],
    departmentId: r[6],
    moduleIds: r[7]
      ? r[7]
          .split(',')
          .map(Number)
          .sort((a, b) => a - b)
      : [],
    estimateSize: r[8],
    estimateWeeks: r[9],
    sponsorId: r[10],
    requestorId: r[11],
    sme: r[12],
    hasBenefit: r[13] === 1,
  };
}

/** Builds the lookups once; `expand` turns a wire row into the row the table shows. */
export function rowExpander(
  meta: Pick<BacklogMeta, 'themes' | 'departments' | 'modules' | 'people' | 'sizeWeeks' | 'smeNames' | 'scoring'>,
) {
  const byId = (list: { id: number; name: string }[]) => new Map(list.map((o) => [o.id, o.name]));
  const themes = byId(meta.themes);
  const departments = byId(meta.departments);
  const modules = byId(meta.modules);
  const people = byId(meta.people);
  return (w: BacklogWireRow): BacklogRow => {
    const mods = w.moduleIds
      .map((id) => ({ id, name: modules.get(id) ?? `#${id}` }))
      .sort((a, b) => a.name.localeCompare(b.name));
    return {
      ...w,
      themeName: w.themeId === null ? null : (themes.get(w.themeId) ?? null),
      departmentName: departments.get(w.departmentId) ?? '',
      moduleIds: mods.map((m) => m.id),
      moduleNames: mods.map((m) => m.name),
      effectiveWeeks: effectiveWeeks(w, meta.sizeWeeks),
      sponsorName: w.sponsorId === null ? null : (people.get(w.sponsorId) ?? null),
      requestorName: people.get(w.requestorId) ?? '',
      sme: smeName(w.sme, meta.smeNames),
      ...(meta.scoring ? { score: meta.scoring.scores[w.id] } : {}),
    };
  };
}
