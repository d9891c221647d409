import 'server-only';
import { transaction } from '@/db/client';
import { assertCan, canViewItem } from '@/lib/auth/permissions';
import { ConflictError, ForbiddenError, ValidationError } from '@/lib/errors';
import { parseOrThrow } from '@/lib/validation';
import { z } from 'zod';
import { StatusSchema, VersionSchema, estimate } from './item-schema';
import { loadItem, patchItem } from './items.server';
import { backlogRow } from './list.server';
import { checkReferences } from './references.server';
import { plainStatusError } from './status-machine';
import type { BacklogRow } from './types';
import { optionalId } from '@/lib/validation';
import type { ActingUser } from '@/lib/auth/acting-user';

const InlineEditSchema = z.discriminatedUnion('field', [
  z.object({ field: z.literal('estimate'), value: estimate }),
  z.object({ field: z.literal('theme'), value: optionalId }),
  z.object({ field: z.literal('status'), value: StatusSchema }),
]);

/** One cell edited in the backlog table: estimate, theme or status, each with its own permission. */
export async function editItemInline(
  actor: ActingUser,
  itemId: number,
  version: unknown,
  edit: unknown,
): Promise<BacklogRow> {
  const parsed = parseOrThrow(InlineEditSchema, edit);
  const expected = parseOrThrow(VersionSchema, version);
  assertCan(
    actor,
    parsed.field === 'estimate' ? 'item.estimate' : parsed.field === 'theme' ? 'item.edit' : 'item.setStatus',
  );
  return transaction(async (tx) => {
    const before = await loadItem(tx, itemId);
    // Only items on a cycle's backlog are edited from the table; drafts and untriaged requests are not.
    if (before.cycleId === null || !canViewItem(actor, before))
      throw new ForbiddenError('You do not have access to this item.');
    if (before.version !== expected) {
      throw new ConflictError('Someone else changed this item; the row now shows their version.');
    }
    if (parsed.field === 'estimate') {
      await patchItem(tx, actor, before, parsed.value);
    } else if (parsed.field === 'theme') {
      const errors = await checkReferences(tx, before.cycleId, { themeId: parsed.value });
      if (errors.themeId) throw new ValidationError(errors, errors.themeId[0]);
      await patchItem(tx, actor, before, { themeId: parsed.value });
    } else {
      const error = plainStatusError(before.status, parsed.value);
      if (error) throw new ValidationError({ status: [error] }, error);
      await patchItem(tx, actor, before, { status: parsed.value }, 'item.status_changed');
    }
    return backlogRow(tx, itemId);
  });
}
