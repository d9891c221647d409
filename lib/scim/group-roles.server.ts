import 'server-only';
import { and, eq, isNotNull } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { first } from '@/db/rows';
import { ssoGroupMappings, ssoIdentities, users } from '@/db/schema';
import { endSessionsOf } from '@/lib/auth/user-sessions.server';
import { diff, logEvent } from '@/lib/events/log.server';
import { roleAndDepartmentFromGroups } from '@/lib/sso/group-mapping.server';
import { groupsOf } from './people.server';

/**
 * After a person's SCIM groups change: their role and department follow the connection's group
 * mappings. When the connection maps any group to a role, the IdP decides roles, so a person
 * whose groups give none is a requestor (leaving the admins group takes admin away); a connection
 * that maps no roles leaves roles to Quorum's admins. A department changes only when a group gives
 * one. A new role ends the person's sessions, as an admin's role change does.
 */
export async function followGroups(tx: Db, connectionId: number, userId: number): Promise<void> {
  const names = (await groupsOf(tx, connectionId, userId)).map((g) => g.displayName);
  await tx
    .update(ssoIdentities)
    .set({ groups: names })
    .where(
      and(
        eq(ssoIdentities.connectionId, connectionId),
        eq(ssoIdentities.userId, userId),
        isNotNull(ssoIdentities.scimId),
      ),
    );
  const user = first(
    await tx.select({ role: users.role, departmentId: users.departmentId }).from(users).where(eq(users.id, userId)),
  );
  if (!user) return;
  const mapped = await roleAndDepartmentFromGroups(connectionId, names);
  const mapsRoles = first(
    await tx
      .select({ id: ssoGroupMappings.id })
      .from(ssoGroupMappings)
      .where(and(eq(ssoGroupMappings.connectionId, connectionId), isNotNull(ssoGroupMappings.role))),
  );
  const after = {
    role: mapped.role ?? (mapsRoles ? 'requestor' : user.role),
    departmentId: mapped.departmentId ?? user.departmentId,
  };
  const changes = diff(user, after);
  if (!Object.keys(changes).length) return;
  await tx.update(users).set(after).where(eq(users.id, userId));
  const sessionsEnded = changes.role ? await endSessionsOf(tx, userId, 'role_changed') : 0;
  await logEvent(tx, {
    actorId: null,
    type: changes.role ? 'user.role_changed' : 'user.updated',
    subjectType: 'user',
    subjectId: userId,
    data: { via: 'scim', connectionId, groups: names, changes, sessionsEnded },
  });
}
