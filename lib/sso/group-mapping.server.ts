import 'server-only';
import { and, asc, eq, isNotNull, isNull } from 'drizzle-orm';
import { first } from '@/db/rows';
import { db } from '@/db/client';
import { departments, ssoGroupMappings, type Role } from '@/db/schema';

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

/**
 * A person's role and department after their IdP groups, the one rule for SSO sign-in and SCIM:
 * when the connection maps any group to a role, the IdP decides roles, so groups that give none
 * make a requestor (leaving the admins group takes admin away); a connection that maps no roles
 * leaves roles to Quorum's admins. A department changes only when a group gives one.
 */
export async function followGroupMappings(
  connectionId: number,
  groups: string[],
  current: { role: Role; departmentId: number },
): Promise<{ role: Role; departmentId: number }> {
  const mapped = await roleAndDepartmentFromGroups(connectionId, groups);
  const mapsRoles = first(
    await db
      .select({ id: ssoGroupMappings.id })
      .from(ssoGroupMappings)
      .where(and(eq(ssoGroupMappings.connectionId, connectionId), isNotNull(ssoGroupMappings.role)))
      .limit(1),
  );
  return {
    role: mapped.role ?? (mapsRoles ? 'requestor' : current.role),
    departmentId: mapped.departmentId ?? current.departmentId,
  };
}

/**
 * Where a new person goes when nothing says otherwise: the department named "General", else the
 * oldest one still in use; a company with none yet gets "General", so a first sign-in never fails.
 */
export async function defaultDepartmentId(): Promise<number> {
  const open = await db
    .select({ id: departments.id, name: departments.name })
    .from(departments)
    .where(isNull(departments.archivedAt))
    .orderBy(asc(departments.id));
  const chosen = open.find((d) => d.name.toLowerCase() === 'general') ?? open[0];
  if (chosen) return chosen.id;
  return (await db.insert(departments).values({ name: 'General' }).returning({ id: departments.id }))[0].id;
}
