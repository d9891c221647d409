import 'server-only';
import { emailDomain } from '@/lib/auth/sso-route.server';
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { first } from '@/db/rows';
import { departments, scimGroupMembers, scimGroups, ssoDomains, ssoIdentities, users } from '@/db/schema';
import { badRequest, notFound } from './errors';
import type { ScimContext } from './handler.server';
import { ENTERPRISE_USER_SCHEMA, USER_SCHEMA } from './schemas';
import type { UserDoc } from './user-input';

/** A person as one connection's SCIM sees them: their user row and that connection's SCIM identity. */
export type ScimPerson = {
  identity: typeof ssoIdentities.$inferSelect;
  user: typeof users.$inferSelect;
  departmentName: string;
};

const personColumns = { identity: ssoIdentities, user: users, departmentName: departments.name };

/** The SCIM person `scimId` of this connection, or a 404 (another connection's people included). */
export async function loadPerson(ex: Db, ctx: ScimContext, scimId: string): Promise<ScimPerson> {
  const person = first(
    await ex
      .select(personColumns)
      .from(ssoIdentities)
      .innerJoin(users, eq(users.id, ssoIdentities.userId))
      .innerJoin(departments, eq(departments.id, users.departmentId))
      .where(and(eq(ssoIdentities.connectionId, ctx.connectionId), eq(ssoIdentities.scimId, scimId))),
  );
  if (!person) throw notFound('User', scimId);
  return person;
}

export function peopleQuery(ex: Db) {
  return ex
    .select(personColumns)
    .from(ssoIdentities)
    .innerJoin(users, eq(users.id, ssoIdentities.userId))
    .innerJoin(departments, eq(departments.id, users.departmentId));
}

export async function groupsOf(ex: Db, connectionId: number, userId: number) {
  return ex
    .select({ id: scimGroups.id, displayName: scimGroups.displayName })
    .from(scimGroupMembers)
    .innerJoin(scimGroups, eq(scimGroups.id, scimGroupMembers.groupId))
    .where(and(eq(scimGroupMembers.userId, userId), eq(scimGroups.connectionId, connectionId)))
    .orderBy(asc(scimGroups.displayName));
}

/** The User resource (RFC 7643 §4.1) of a person. */
export async function userResource(ex: Db, ctx: ScimContext, person: ScimPerson) {
  const { identity, user } = person;
  const groups = await groupsOf(ex, ctx.connectionId, user.id);
  return {
    schemas: [USER_SCHEMA, ENTERPRISE_USER_SCHEMA],
    id: identity.scimId,
    ...(identity.externalId ? { externalId: identity.externalId } : {}),
    userName: user.email,
    name: { formatted: user.name },
    displayName: user.name,
    active: user.active,
    emails: [{ value: user.email, type: 'work', primary: true }],
    groups: groups.map((g) => ({ value: g.id, display: g.displayName, $ref: `${ctx.baseUrl}/Groups/${g.id}` })),
    [ENTERPRISE_USER_SCHEMA]: { department: person.departmentName },
    meta: {
      resourceType: 'User',
      created: new Date(identity.createdAt).toISOString(),
      location: `${ctx.baseUrl}/Users/${identity.scimId}`,
    },
  };
}

/** What a PATCH starts from: the person as a UserDoc. */
export function userDocOfPerson(person: ScimPerson): UserDoc {
  return {
    userName: person.user.email,
    name: { formatted: person.user.name },
    displayName: person.user.name,
    active: person.user.active,
    ...(person.identity.externalId ? { externalId: person.identity.externalId } : {}),
    enterprise: { department: person.departmentName },
  };
}

/** A SCIM token provisions only addresses of its own connection's domains. */
export async function assertOwnDomain(ex: Db, connectionId: number, email: string): Promise<void> {
  const domain = emailDomain(email);
  const bound = first(
    await ex
      .select({ id: ssoDomains.id })
      .from(ssoDomains)
      .where(and(eq(ssoDomains.connectionId, connectionId), eq(ssoDomains.domain, domain))),
  );
  if (!bound) {
    throw badRequest(
      'invalidValue',
      `"userName" ${email.slice(0, 100)}: the domain ${domain.slice(0, 100)} is not one of this connection's domains.`,
    );
  }
}

/** A non-archived department by name, compared without case; unknown or archived: 400 naming it. */
export async function departmentByName(ex: Db, name: string): Promise<number> {
  const open = await ex.select().from(departments).where(isNull(departments.archivedAt));
  const found = open.find((d) => d.name.toLowerCase() === name.toLowerCase());
  if (!found) throw badRequest('invalidValue', `The department "${name.slice(0, 100)}" does not exist in Quorum.`);
  return found.id;
}
