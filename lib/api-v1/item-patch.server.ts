import 'server-only';
import type { z } from 'zod';
import { db } from '@/db/client';
import type { Item } from '@/db/schema';
import type { ActingUser } from '@/lib/auth/acting-user';
import { estimateText } from '@/lib/backlog/detail.server';
import { getItemForViewer, moduleIdsOf, updateItem } from '@/lib/backlog/items.server';
import type { ItemPatchBody } from './schemas';

type Changes = Omit<z.infer<typeof ItemPatchBody>, 'version'>;

/**
 * PATCH semantics over updateItem (which replaces every field): the fields not sent keep their
 * current values. updateItem checks the permission, the version and the references, and logs.
 */
export async function patchApiItem(
  actor: ActingUser,
  itemId: number,
  changes: Changes,
  version: number,
): Promise<Item> {
  const current = await getItemForViewer(actor, itemId);
  const merged = {
    title: current.title,
    description: current.description,
    businessBenefit: current.businessBenefit,
    estimate: estimateText(current),
    sme: current.sme,
    sponsorId: current.sponsorId,
    requestorId: current.requestorId,
    departmentId: current.departmentId,
    kind: current.kind,
    themeId: current.themeId,
    moduleIds: await moduleIdsOf(db, itemId),
    ...changes,
  };
  return updateItem(actor, itemId, merged, version);
}
