'use server';
import { requireUser } from '@/lib/auth/session';
import { editItemInline } from '@/lib/backlog/inline-edit';
import { findBacklogRow } from '@/lib/backlog/list';
import type { InlineEdit, InlineEditResult } from '@/lib/backlog/types';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '@/lib/errors';

/**
 * One cell edited in the backlog table. Returns the row as it now is, or a message and the
 * current row (so a stale or refused edit shows the truth instead of the user's guess).
 */
export async function updateItemInline(itemId: number, version: number, edit: InlineEdit): Promise<InlineEditResult> {
  const user = await requireUser();
  try {
    return { ok: true, row: editItemInline(user, itemId, version, edit) };
  } catch (error) {
    const current = () => findBacklogRow(user, itemId);
    if (error instanceof ValidationError) {
      const first = Object.values(error.fieldErrors).flat()[0];
      return { ok: false, error: first ?? error.message, row: current() };
    }
    if (error instanceof ConflictError) return { ok: false, error: error.message, row: current() };
    if (error instanceof ForbiddenError) return { ok: false, error: 'You may not change this field.' };
    if (error instanceof NotFoundError) return { ok: false, error: 'This item no longer exists.' };
    throw error;
  }
}

