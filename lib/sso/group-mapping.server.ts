import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { ssoGroupMappings, type Role } from '@/db/schema';

/** Most senior first: when a person's groups map to several roles, the first of these wins. */
const SENIORITY: readonly Role[] = ['admin', 'pm', 'leader', 'engineer', 'requestor'];

/**
 * The role and department a person's IdP groups give them on one connection, from its group
 * mappings. Group names are compared without regard to case, because IdPs differ in how they case
 * a group's display name. The department comes from the earliest mapping (by id) that names one,
 * so an admin's order of setting up mappings decides ties. Nulls: no matching mapping says.
 */
export async function roleAndDepartmentFromGroups(
  connectionId: number,
  groups: string[],
): Promise<{ role: Role | null; departmentId: number | null }> {
  const wanted = new Set(groups.map((g) => g.trim().toLowerCase()));
  if (wanted.size === 0) return { role: null, departmentId: null };
  // Inside a transaction `db` is that transaction (db/client.ts), so callers in one read their own writes.
  const mappings = await db
    .select()
    .from(ssoGroupMappings)
    .where(eq(ssoGroupMappings.connectionId, connectionId))
    .orderBy(asc(ssoGroupMappings.id));
  const matching = mappings.filter((m) => wanted.has(m.groupName.trim().toLowerCase()));
  const roles = matching.map((m) => m.role).filter((r): r is Role => r !== null);
  const role = SENIORITY.find((r) => roles.includes(r)) ?? null;
  const departmentId = matching.find((m) => m.departmentId !== null)?.departmentId ?? null;
  return { role, departmentId };
}
