import 'server-only';
import { emailDomain } from '@/lib/auth/sso-route.server';
import { and, asc, eq } from 'drizzle-orm';
import { db, transaction } from '@/db/client';
import { ssoDomains, ssoIdentities, users } from '@/db/schema';
import { first } from '@/db/rows';
import { logEvent } from '@/lib/events/log.server';
import { defaultDepartmentId, followGroupMappings, roleAndDepartmentFromGroups } from './group-mapping.server';
import { SsoRefusal, type SsoClaims } from './claims';

/** The domains a connection signs in, lower case. */
export async function domainsOf(connectionId: number): Promise<string[]> {
  const found = await db
    .select({ domain: ssoDomains.domain })
    .from(ssoDomains)
    .where(eq(ssoDomains.connectionId, connectionId))
    .orderBy(asc(ssoDomains.domain));
  return found.map((d) => d.domain);
}

/**
 * The Quorum user for a verified SSO answer, created or brought up to date.
 * - The e-mail must be verified and of a domain bound to this connection, whatever else the claims say.
 * - A known identity (connection + subject) is that user. Otherwise an existing user is linked only
 *   through that verified e-mail; failing that, a new user is created.
 * - Name, role and department follow the IdP at every sign-in (lib/sso/group-mapping.server.ts);
 *   with no matching group a new person is a requestor.
 * - A deactivated person stays out, whatever the IdP says.
 */
export async function provisionSsoUser(connectionId: number, claims: SsoClaims, now = Date.now()): Promise<number> {
  const email = claims.email.trim().toLowerCase();
  if (!claims.emailVerified) throw new SsoRefusal('email_unverified', `${email} is not verified by the provider`);
  const domain = emailDomain(email);
  if (!email.includes('@') || !(await domainsOf(connectionId)).includes(domain))
    throw new SsoRefusal('domain_not_bound', `${domain || 'no domain'} is not bound to this connection`);
  const mapped = await roleAndDepartmentFromGroups(connectionId, claims.groups);

  return transaction(async (tx) => {
    const identity = first(
      await tx
        .select({ id: ssoIdentities.id, userId: ssoIdentities.userId })
        .from(ssoIdentities)
        .where(and(eq(ssoIdentities.connectionId, connectionId), eq(ssoIdentities.subject, claims.subject))),
    );
    const userId =
      identity?.userId ?? first(await tx.select({ id: users.id }).from(users).where(eq(users.email, email)))?.id;
    const name = claims.name?.trim() || email.slice(0, email.indexOf('@'));
    const via = { via: 'sso', connectionId };

    let id: number;
    if (userId === undefined) {
      id = (
        await tx
          .insert(users)
          .values({
            name: name.slice(0, 120),
            email,
            role: mapped.role ?? 'requestor',
            departmentId: mapped.departmentId ?? (await defaultDepartmentId()),
            createdAt: new Date(now).toISOString(),
          })
          .returning({ id: users.id })
      )[0].id;
      await logEvent(tx, {
        actorId: null,
        type: 'user.created',
        subjectType: 'user',
        subjectId: id,
        data: { ...via, email },
      });
    } else {
      id = userId;
      const before = first(await tx.select().from(users).where(eq(users.id, id)));
      if (!before) throw new SsoRefusal('bad_answer', 'the linked user no longer exists');
      if (!before.active) throw new SsoRefusal('deactivated', `${before.email} is deactivated`);
      const after = { name: name.slice(0, 120), ...(await followGroupMappings(connectionId, claims.groups, before)) };
      const changes = Object.fromEntries(
        (Object.keys(after) as (keyof typeof after)[])
          .filter((k) => after[k] !== before[k])
          .map((k) => [k, { from: before[k], to: after[k] }]),
      );
      if (Object.keys(changes).length > 0) {
        await tx.update(users).set(after).where(eq(users.id, id));
        await logEvent(tx, {
          actorId: null,
          type: 'user.updated',
          subjectType: 'user',
          subjectId: id,
          data: { ...via, changes },
        });
      }
    }

    if (identity) {
      await tx
        .update(ssoIdentities)
        .set({ groups: claims.groups, lastSignInAt: now })
        .where(eq(ssoIdentities.id, identity.id));
    } else {
      await tx.insert(ssoIdentities).values({
        connectionId,
        subject: claims.subject,
        userId: id,
        groups: claims.groups,
        createdAt: now,
        lastSignInAt: now,
      });
      await logEvent(tx, {
        actorId: null,
        type: 'user.sso_linked',
        subjectType: 'user',
        subjectId: id,
        data: { ...via, email },
      });
    }
    return id;
  });
}

/** A refused SSO answer, for the admin: the connection, the reason, and what was wrong (never a secret). */
export async function logSsoRefusal(connectionId: number, refusal: SsoRefusal, email?: string): Promise<void> {
  await transaction(async (tx) => {
    await logEvent(tx, {
      actorId: null,
      type: 'sso.signin_refused',
      subjectType: 'sso_connection',
      subjectId: connectionId,
      data: { reason: refusal.reason, detail: refusal.detail.slice(0, 500), ...(email ? { email } : {}) },
    });
  });
}
