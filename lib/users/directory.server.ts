import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { departments, modules, users } from '@/db/schema';

/** Names for pickers (sponsor, requestor, department, module). Not sensitive: no e-mails beyond names. */
export async function pickerOptions() {
  return {
    people: await db
      .select({ id: users.id, name: users.name })
      .from(users)
      .where(eq(users.active, true))
      .orderBy(asc(users.name)),
    departments: await db
      .select({ id: departments.id, name: departments.name })
      .from(departments)
      .orderBy(asc(departments.name)),
    modules: await db.select({ id: modules.id, name: modules.name }).from(modules).orderBy(asc(modules.name)),
  };
}
export type PickerOptions = Awaited<ReturnType<typeof pickerOptions>>;
