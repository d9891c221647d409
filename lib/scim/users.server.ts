import 'server-only';
import { defaultDepartmentId } from '@/lib/sso/group-mapping.server';
import crypto from 'node:crypto';
import { and, asc, count, eq, inArray, isNotNull, ne, type SQL } from 'drizzle-orm';
import { db, transaction, type Db } from '@/db/client';
import { first } from '@/db/rows';
import { scimGroupMembers, scimGroups, ssoIdentities, users } from '@/db/schema';
import { endSessionsOf } from '@/lib/auth/user-sessions.server';
import { diff, logEvent } from '@/lib/events/log.server';
import { ScimError } from './errors';
import { scimResponse, type ScimContext } from './handler.server';
import { patchOperations } from './patch';
import {
  assertOwnDomain,
  departmentByName,
  loadPerson,
  peopleQuery,
  userDocOfPerson,
  userResource,
  type ScimPerson,
} from './people.server';
import { listResponse, parseEqFilter, parsePage } from './query';
import { parseUser, userDocOf, type UserInput } from './user-input';
import { applyUserPatch } from './user-patch';

const via = (ctx: ScimContext) => ({ via: 'scim', connectionId: ctx.connectionId });

export async function listScimUsers(ctx: ScimContext, params: URLSearchParams): Promise<Response> {
  const filter = parseEqFilter(params.get('filter'), ['userName', 'externalId']);
  const page = parsePage(params);
  const conditions: SQL[] = [eq(ssoIdentities.connectionId, ctx.connectionId), isNotNull(ssoIdentities.scimId)];
  // userName is case-insensitive (RFC 7643 §4.1.1) and stored in lower case; externalId is case-exact.
  if (filter?.attribute === 'username') conditions.push(eq(users.email, filter.value.trim().toLowerCase()));
  if (filter?.attribute === 'externalid') conditions.push(eq(ssoIdentities.externalId, filter.value));
  const where = and(...conditions);
  const [{ n }] = await db
    .select({ n: count() })
    .from(ssoIdentities)
    .innerJoin(users, eq(users.id, ssoIdentities.userId))
    .where(where);
  const people = page.count
    ? await peopleQuery(db)
        .where(where)
        .orderBy(asc(ssoIdentities.id))
        .limit(page.count)
        .offset(page.startIndex - 1)
    : [];
  const resources = [];
  for (const person of people) resources.push(await userResource(db, ctx, person));
  return scimResponse(listResponse(resources, Number(n), page));
}

export async function getScimUser(ctx: ScimContext, id: string): Promise<Response> {
  return scimResponse(await userResource(db, ctx, await loadPerson(db, ctx, id)));
}

/**
 * Provisions a person. An address Quorum already knows (someone who signed in with a password
 * before the company connected its IdP) is taken over by this connection rather than refused, so
 * an IdP's first push does not fail on existing staff; one already provisioned here is a 409.
 */
export async function createScimUser(ctx: ScimContext, body: Record<string, unknown>): Promise<Response> {
  const input = parseUser(userDocOf(body));
  const person = await transaction(async (tx) => {
    await assertOwnDomain(tx, ctx.connectionId, input.email);
    const existing = first(await tx.select().from(users).where(eq(users.email, input.email)));
    const scimId = crypto.randomUUID();
    const now = Date.now();
    let userId: number;
    if (existing) {
      const linked = first(
        await tx
          .select({ id: ssoIdentities.id })
          .from(ssoIdentities)
          .where(
            and(
              eq(ssoIdentities.connectionId, ctx.connectionId),
              eq(ssoIdentities.userId, existing.id),
              isNotNull(ssoIdentities.scimId),
            ),
          ),
      );
      if (linked) throw new ScimError(409, `A User with userName ${input.email} already exists.`, 'uniqueness');
      userId = existing.id;
    } else {
      const departmentId = input.departmentName
        ? await departmentByName(tx, input.departmentName)
        : await defaultDepartmentId();
      const [row] = await tx
        .insert(users)
        .values({
          name: input.name,
          email: input.email,
          role: 'requestor',
          departmentId,
          active: input.active,
          createdAt: new Date(now).toISOString(),
        })
        .returning({ id: users.id });
      userId = row.id;
      await logEvent(tx, {
        actorId: null,
        type: 'user.provisioned',
        subjectType: 'user',
        subjectId: userId,
        data: { ...via(ctx), scimId, role: 'requestor', departmentId, active: input.active },
      });
    }
    await tx.insert(ssoIdentities).values({
      connectionId: ctx.connectionId,
      subject: `scim:${scimId}`,
      userId,
      scimId,
      externalId: input.externalId,
      createdAt: now,
    });
    const created = await loadPerson(tx, ctx, scimId);
    if (existing) {
      await logEvent(tx, {
        actorId: null,
        type: 'user.linked',
        subjectType: 'user',
        subjectId: userId,
        data: { ...via(ctx), scimId },
      });
      return updatePerson(tx, ctx, created, input);
    }
    return created;
  });
  const resource = await userResource(db, ctx, person);
  return scimResponse(resource, 201, resource.meta.location);
}

export async function replaceScimUser(ctx: ScimContext, id: string, body: Record<string, unknown>): Promise<Response> {
  const input = parseUser(userDocOf(body));
  const person = await transaction(async (tx) => updatePerson(tx, ctx, await loadPerson(tx, ctx, id), input));
  return scimResponse(await userResource(db, ctx, person));
}

export async function patchScimUser(ctx: ScimContext, id: string, body: Record<string, unknown>): Promise<Response> {
  const operations = patchOperations(body);
  const person = await transaction(async (tx) => {
    const before = await loadPerson(tx, ctx, id);
    const input = parseUser(applyUserPatch(userDocOfPerson(before), operations));
    return updatePerson(tx, ctx, before, input);
  });
  return scimResponse(await userResource(db, ctx, person));
}

/**
 * Deprovisioning: the person is deactivated (their sessions end, their history stays) and this
 * connection forgets them, so the id answers 404 from now on; a later POST of the same userName
 * takes the person over again.
 */
export async function deleteScimUser(ctx: ScimContext, id: string): Promise<Response> {
  await transaction(async (tx) => {
    const { identity, user } = await loadPerson(tx, ctx, id);
    const groupIds = tx
      .select({ id: scimGroups.id })
      .from(scimGroups)
      .where(eq(scimGroups.connectionId, ctx.connectionId));
    await tx
      .delete(scimGroupMembers)
      .where(and(eq(scimGroupMembers.userId, user.id), inArray(scimGroupMembers.groupId, groupIds)));
    await tx.delete(ssoIdentities).where(eq(ssoIdentities.id, identity.id));
    if (user.active) await tx.update(users).set({ active: false }).where(eq(users.id, user.id));
    const sessionsEnded = await endSessionsOf(tx, user.id, 'deactivated');
    await logEvent(tx, {
      actorId: null,
      type: 'user.deactivated',
      subjectType: 'user',
      subjectId: user.id,
      data: {
        ...via(ctx),
        scimId: id,
        deprovisioned: true,
        changes: { active: { from: user.active, to: false } },
        sessionsEnded,
      },
    });
  });
  return scimResponse(null, 204);
}

/** Writes a User's new attributes and logs each kind of change; deactivation ends the person's sessions. */
async function updatePerson(tx: Db, ctx: ScimContext, person: ScimPerson, input: UserInput): Promise<ScimPerson> {
  const { user, identity } = person;
  await assertOwnDomain(tx, ctx.connectionId, input.email);
  if (input.email !== user.email) {
    const taken = first(
      await tx
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.email, input.email), ne(users.id, user.id))),
    );
    if (taken) throw new ScimError(409, `A User with userName ${input.email} already exists.`, 'uniqueness');
  }
  const departmentId = input.departmentName ? await departmentByName(tx, input.departmentName) : user.departmentId;
  const changes = diff(
    { name: user.name, email: user.email, departmentId: user.departmentId, externalId: identity.externalId },
    { name: input.name, email: input.email, departmentId, externalId: input.externalId },
  );
  if (Object.keys(changes).length) {
    await tx.update(users).set({ name: input.name, email: input.email, departmentId }).where(eq(users.id, user.id));
    await tx.update(ssoIdentities).set({ externalId: input.externalId }).where(eq(ssoIdentities.id, identity.id));
    await logEvent(tx, {
      actorId: null,
      type: 'user.updated',
      subjectType: 'user',
      subjectId: user.id,
      data: { ...via(ctx), scimId: identity.scimId, changes },
    });
  }
  if (input.active !== user.active) {
    await tx.update(users).set({ active: input.active }).where(eq(users.id, user.id));
    const sessionsEnded = input.active ? 0 : await endSessionsOf(tx, user.id, 'deactivated');
    await logEvent(tx, {
      actorId: null,
      type: input.active ? 'user.activated' : 'user.deactivated',
      subjectType: 'user',
      subjectId: user.id,
      data: {
        ...via(ctx),
        scimId: identity.scimId,
        changes: { active: { from: user.active, to: input.active } },
        sessionsEnded,
      },
    });
  }
  return loadPerson(tx, ctx, identity.scimId!);
}
