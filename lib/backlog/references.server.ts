import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '@/lib/events/log.server';
import { departments, modules, themes, users } from '@/db/schema';
import type { FieldErrors } from '@/lib/errors';
import { first } from '@/db/rows';

/**
 * Checks that the ids an item points at exist (and, for a theme, belong to the item's cycle).
 * Returns field errors rather than throwing so they join the zod errors in one answer. An archived
 * department or module is refused unless the item already has it (`kept`): an edit need not drop it.
 */
export async function checkReferences(
  tx: Executor,
  cycleId: number | null,
  ref: {
    themeId?: number | null;
    sponsorId?: number | null;
    requestorId?: number;
    departmentId?: number;
    moduleIds?: number[];
  },
  kept: { departmentId?: number; moduleIds?: number[] } = {},
): Promise<FieldErrors> {
  const errors: FieldErrors = {};
  if (ref.themeId != null) {
    const theme = first(await tx.select({ cycleId: themes.cycleId }).from(themes).where(eq(themes.id, ref.themeId)));
    if (!theme) errors.themeId = ['This theme does not exist.'];
    else if (theme.cycleId !== cycleId) errors.themeId = ['This theme belongs to another cycle.'];
  }
  if (ref.sponsorId != null) {
    const u = first(
      await tx
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.id, ref.sponsorId), eq(users.active, true))),
    );
    if (!u) errors.sponsorId = ['Choose an active person as sponsor.'];
  }
  if (ref.requestorId != null) {
    const u = first(await tx.select({ id: users.id }).from(users).where(eq(users.id, ref.requestorId)));
    if (!u) errors.requestorId = ['This requestor does not exist.'];
  }
  if (ref.departmentId != null) {
    const d = first(
      await tx
        .select({ id: departments.id, archivedAt: departments.archivedAt })
        .from(departments)
        .where(eq(departments.id, ref.departmentId)),
    );
    if (!d) errors.departmentId = ['This department does not exist.'];
    else if (d.archivedAt !== null && d.id !== kept.departmentId)
      errors.departmentId = ['This department is archived: choose another.'];
  }
  if (ref.moduleIds && ref.moduleIds.length > 0) {
    const found = await tx
      .select({ id: modules.id, archivedAt: modules.archivedAt })
      .from(modules)
      .where(inArray(modules.id, ref.moduleIds));
    if (found.length !== new Set(ref.moduleIds).size) errors.moduleIds = ['One of the modules does not exist.'];
    else if (found.some((m) => m.archivedAt !== null && !(kept.moduleIds ?? []).includes(m.id)))
      errors.moduleIds = ['One of the modules is archived: choose another.'];
  }
  return errors;
}
