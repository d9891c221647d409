import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { departments, modules, users } from '@/db/schema';

/**
 * What a picker keeps besides the active departments and modules: the archived ones the record being
 * edited already has (so its form shows them), or every one, when the lists only name ids on a page.
 */
export type PickerKeep = { departmentIds?: number[]; moduleIds?: number[] } | 'with-archived';

/**
 * Names for pickers (sponsor, requestor, department, module). Not sensitive: no e-mails beyond names.
 * Archived departments and modules are offered for nothing new.
 */
export async function pickerOptions(keep: PickerKeep = {}) {
  const offered = (ids: number[] | undefined) => (row: { id: number; archivedAt: number | null }) =>
    keep === 'with-archived' || row.archivedAt === null || (ids ?? []).includes(row.id);
  const strip = ({ id, name }: { id: number; name: string }) => ({ id, name });
  const deps = await db
    .select({ id: departments.id, name: departments.name, archivedAt: departments.archivedAt })
    .from(departments)
    .orderBy(asc(departments.name));
  const mods = await db
    .select({ id: modules.id, name: modules.name, archivedAt: modules.archivedAt })
    .from(modules)
    .orderBy(asc(modules.name));
  return {
    people: await db
      .select({ id: users.id, name: users.name })
      .from(users)
      .where(eq(users.active, true))
      .orderBy(asc(users.name)),
    departments: deps.filter(offered(keep === 'with-archived' ? [] : keep.departmentIds)).map(strip),
    modules: mods.filter(offered(keep === 'with-archived' ? [] : keep.moduleIds)).map(strip),
  };
}
export type PickerOptions = Awaited<ReturnType<typeof pickerOptions>>;
