import 'server-only';
import { inArray } from 'drizzle-orm';
import { db } from '@/db/client';
import { modules, themes, users, type Item } from '@/db/schema';
import { assertCan } from '@/lib/auth/permissions';
import type { ActingUser } from '@/lib/auth/acting-user';
import { estimateText } from '@/lib/backlog/detail.server';
import { getItemForViewer, moduleIdsOf } from '@/lib/backlog/items.server';
import { KIND_LABEL } from '@/lib/backlog/labels';
import { parseOrThrow } from '@/lib/validation';
import { coPeopleOf } from '@/lib/backlog/co-people.server';
import { MERGE_FIELD_LABEL, MERGE_FIELDS, MergeChoiceSchema, type MergeField } from './merge-schema';
import { loadMergePair, mergeCandidates } from './merge-rules.server';

/** The items an item page offers to merge with it, for pm and admin. */
export async function mergeOptions(actor: ActingUser, itemId: number) {
  assertCan(actor, 'request.triage');
  const item = await getItemForViewer(actor, itemId);
  return { item, candidates: await mergeCandidates(item) };
}

async function namesOf(table: typeof users | typeof themes | typeof modules, ids: (number | null)[]) {
  const wanted = [...new Set(ids.filter((id): id is number => id !== null))];
  if (wanted.length === 0) return new Map<number, string>();
  const rows = await db.select({ id: table.id, name: table.name }).from(table).where(inArray(table.id, wanted));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/**
 * The review step: both items' values side by side for every field, which one the survivor keeps,
 * and the people and modules it gains. Refuses what the merge itself would refuse.
 */
export async function previewMerge(actor: ActingUser, input: unknown) {
  assertCan(actor, 'request.triage');
  const choice = parseOrThrow(MergeChoiceSchema, input);
  const { survivor, merged } = await loadMergePair(db, choice);
  const people = await namesOf(users, [
    survivor.sponsorId,
    merged.sponsorId,
    merged.requestorId,
    survivor.requestorId,
    ...(await coPeopleOf(db, [survivor.id, merged.id])).map((p) => p.userId),
  ]);
  const themeNames = await namesOf(themes, [survivor.themeId, merged.themeId]);
  const shown = (item: Item, field: MergeField): string => {
    switch (field) {
      case 'estimate':
        return estimateText(item) || 'Not estimated';
      case 'sponsor':
        return item.sponsorId === null ? 'No sponsor' : (people.get(item.sponsorId) ?? `#${item.sponsorId}`);
      case 'theme':
        return item.themeId === null ? 'No theme' : (themeNames.get(item.themeId) ?? `#${item.themeId}`);
      case 'kind':
        return KIND_LABEL[item.kind];
      default:
        return item[field] || '—';
    }
  };
  const fields = MERGE_FIELDS.map((field) => ({
    field,
    label: MERGE_FIELD_LABEL[field],
    survivor: shown(survivor, field),
    merged: shown(merged, field),
    keep: choice[field],
  }));
  const theirs = await coPeopleOf(db, [merged.id]);
  const gained = [merged.requestorId, ...theirs.filter((p) => p.role === 'requestor').map((p) => p.userId)].filter(
    (id) => id !== survivor.requestorId,
  );
  const moduleIds = [...new Set([...(await moduleIdsOf(db, survivor.id)), ...(await moduleIdsOf(db, merged.id))])];
  const moduleNames = await namesOf(modules, moduleIds);
  return {
    survivor: { id: survivor.id, title: survivor.title, version: survivor.version },
    merged: { id: merged.id, title: merged.title, version: merged.version },
    choice,
    fields,
    coRequestors: [...new Set(gained)].map((id) => people.get(id) ?? `#${id}`),
    modules: moduleIds.map((id) => moduleNames.get(id) ?? `#${id}`).sort(),
  };
}
export type MergePreview = Awaited<ReturnType<typeof previewMerge>>;
