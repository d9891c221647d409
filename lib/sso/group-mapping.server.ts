import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { ROLES, ssoGroupMappings, type Role } from '@/db/schema';

/**
 * What a person's IdP groups make them: the most senior role any of their groups maps to (ROLES is
 * ordered admin first), and the department of the first mapping (by id) that names one. Group names
 * compare case-insensitively; nulls when no group matches.
 */
export async function roleAndDepartmentFromGroups(
  connectionId: number,
  groups: string[],
): Promise<{ role: Role | null; departmentId: number | null }> {
  const wanted = new Set(groups.map((g) => g.trim().toLowerCase()));
  const mappings = (
    await db
      .select()
      .from(ssoGroupMappings)
      .where(eq(ssoGroupMappings.connectionId, connectionId))
      .orderBy(asc(ssoGroupMappings.id))
  ).filter((m) => wanted.has(m.groupName.trim().toLowerCase()));
  const roles = mappings.flatMap((m) => (m.role ? [m.role] : []));
  const role = roles.length ? ROLES.find((r) => roles.includes(r))! : null;
  return { role, departmentId: mappings.find((m) => m.departmentId !== null)?.departmentId ?? null };
}
