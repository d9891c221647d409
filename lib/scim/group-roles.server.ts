import 'server-only';
import { and, eq, isNotNull } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { first } from '@/db/rows';
import { ssoIdentities, users } from '@/db/schema';
import { endSessionsOf } from '@/lib/auth/user-sessions.server';
import { diff, logEvent } from '@/lib/events/log.server';
import { followGroupMappings } from '@/lib/sso/group-mapping.server';
import { groupsOf } from './people.server';

/**
 * After a person's SCIM groups change: their role and department follow the connection's group
 * mappings (followGroupMappings). A new role ends the person's sessions, as an admin's role change does.
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
  const after = await followGroupMappings(connectionId, names, user);
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
