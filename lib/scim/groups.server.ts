import 'server-only';
import crypto from 'node:crypto';
import { and, asc, eq, inArray, isNotNull, type SQL } from 'drizzle-orm';
import { db, transaction, type Db } from '@/db/client';
import { first } from '@/db/rows';
import { scimGroupMembers, scimGroups, ssoIdentities, users } from '@/db/schema';
import { logEvent } from '@/lib/events/log.server';
import { badRequest, notFound, ScimError } from './errors';
import { applyGroupPatch, parseGroup, type GroupState } from './group-input';
import { followGroups } from './group-roles.server';
import { scimResponse, type ScimContext } from './handler.server';
import { patchOperations } from './patch';
import { listResponse, parseEqFilter, parsePage } from './query';
import { GROUP_SCHEMA } from './schemas';

type GroupRow = typeof scimGroups.$inferSelect;

async function loadGroup(ex: Db, ctx: ScimContext, id: string): Promise<GroupRow> {
  const group = first(
    await ex
      .select()
      .from(scimGroups)
      .where(and(eq(scimGroups.id, id), eq(scimGroups.connectionId, ctx.connectionId))),
  );
  if (!group) throw notFound('Group', id);
  return group;
}

/** The group's members as SCIM ids with their names (only people this connection provisioned). */
async function membersOf(ex: Db, ctx: ScimContext, groupId: string) {
  return ex
    .select({ userId: users.id, scimId: ssoIdentities.scimId, name: users.name })
    .from(scimGroupMembers)
    .innerJoin(users, eq(users.id, scimGroupMembers.userId))
    .innerJoin(
      ssoIdentities,
      and(
        eq(ssoIdentities.userId, users.id),
        eq(ssoIdentities.connectionId, ctx.connectionId),
        isNotNull(ssoIdentities.scimId),
      ),
    )
    .where(eq(scimGroupMembers.groupId, groupId))
    .orderBy(asc(users.name));
}

async function groupResource(ex: Db, ctx: ScimContext, group: GroupRow, withMembers = true) {
  const members = withMembers ? await membersOf(ex, ctx, group.id) : [];
  return {
    schemas: [GROUP_SCHEMA],
    id: group.id,
    displayName: group.displayName,
    ...(group.externalId ? { externalId: group.externalId } : {}),
    ...(withMembers
      ? {
          members: members.map((m) => ({ value: m.scimId, display: m.name, $ref: `${ctx.baseUrl}/Users/${m.scimId}` })),
        }
      : {}),
    meta: {
      resourceType: 'Group',
      created: new Date(group.createdAt).toISOString(),
      lastModified: new Date(group.updatedAt).toISOString(),
      location: `${ctx.baseUrl}/Groups/${group.id}`,
    },
  };
}

// Entra asks for groups without their members (excludedAttributes=members) while it looks one up.
const excludesMembers = (params: URLSearchParams) =>
  (params.get('excludedAttributes') ?? '').split(',').some((a) => a.trim().toLowerCase() === 'members');

export async function listScimGroups(ctx: ScimContext, params: URLSearchParams): Promise<Response> {
  const filter = parseEqFilter(params.get('filter'), ['displayName', 'externalId']);
  const page = parsePage(params);
  const conditions: SQL[] = [eq(scimGroups.connectionId, ctx.connectionId)];
  if (filter?.attribute === 'externalid') conditions.push(eq(scimGroups.externalId, filter.value));
  let groups = await db
    .select()
    .from(scimGroups)
    .where(and(...conditions))
    .orderBy(asc(scimGroups.createdAt), asc(scimGroups.id));
  // displayName is case-insensitive (RFC 7643 §4.2).
  if (filter?.attribute === 'displayname')
    groups = groups.filter((g) => g.displayName.toLowerCase() === filter.value.toLowerCase());
  const shown = groups.slice(page.startIndex - 1, page.startIndex - 1 + page.count);
  const resources = [];
  for (const g of shown) resources.push(await groupResource(db, ctx, g, !excludesMembers(params)));
  return scimResponse(listResponse(resources, groups.length, page));
}

export async function getScimGroup(ctx: ScimContext, id: string, params: URLSearchParams): Promise<Response> {
  return scimResponse(await groupResource(db, ctx, await loadGroup(db, ctx, id), !excludesMembers(params)));
}

export async function createScimGroup(ctx: ScimContext, body: Record<string, unknown>): Promise<Response> {
  const state = parseGroup(body);
  const group = await transaction(async (tx) => {
    const id = crypto.randomUUID();
    const now = Date.now();
    await assertNameFree(tx, ctx, state.displayName, null);
    await tx.insert(scimGroups).values({
      id,
      connectionId: ctx.connectionId,
      displayName: state.displayName,
      externalId: state.externalId,
      createdAt: now,
      updatedAt: now,
    });
    await saveMembers(tx, ctx, id, state, 'scim.group_created', { before: null, memberIds: [] });
    return loadGroup(tx, ctx, id);
  });
  const resource = await groupResource(db, ctx, group);
  return scimResponse(resource, 201, resource.meta.location);
}

export async function replaceScimGroup(ctx: ScimContext, id: string, body: Record<string, unknown>) {
  const state = parseGroup(body);
  return scimResponse(await updateGroup(ctx, id, () => state));
}

export async function patchScimGroup(ctx: ScimContext, id: string, body: Record<string, unknown>) {
  const operations = patchOperations(body);
  return scimResponse(await updateGroup(ctx, id, (current) => applyGroupPatch(current, operations)));
}

export async function deleteScimGroup(ctx: ScimContext, id: string): Promise<Response> {
  await transaction(async (tx) => {
    const group = await loadGroup(tx, ctx, id);
    const members = await tx
      .select({ userId: scimGroupMembers.userId })
      .from(scimGroupMembers)
      .where(eq(scimGroupMembers.groupId, id));
    await tx.delete(scimGroupMembers).where(eq(scimGroupMembers.groupId, id));
    await tx.delete(scimGroups).where(eq(scimGroups.id, id));
    await logEvent(tx, {
      actorId: null,
      type: 'scim.group_deleted',
      subjectType: 'sso_connection',
      subjectId: ctx.connectionId,
      data: {
        via: 'scim',
        connectionId: ctx.connectionId,
        groupId: id,
        displayName: group.displayName,
        removed: members.map((m) => m.userId),
      },
    });
    for (const m of members) await followGroups(tx, ctx.connectionId, m.userId);
  });
  return scimResponse(null, 204);
}

async function updateGroup(ctx: ScimContext, id: string, next: (current: GroupState) => GroupState) {
  const group = await transaction(async (tx) => {
    const before = await loadGroup(tx, ctx, id);
    const members = await membersOf(tx, ctx, id);
    const current = {
      displayName: before.displayName,
      externalId: before.externalId,
      members: members.map((m) => m.scimId!),
    };
    const state = next(current);
    if (state.displayName !== before.displayName) await assertNameFree(tx, ctx, state.displayName, id);
    await tx
      .update(scimGroups)
      .set({ displayName: state.displayName, externalId: state.externalId, updatedAt: Date.now() })
      .where(eq(scimGroups.id, id));
    await saveMembers(tx, ctx, id, state, 'scim.group_updated', { before, memberIds: members.map((m) => m.userId) });
    return loadGroup(tx, ctx, id);
  });
  return groupResource(db, ctx, group);
}

async function assertNameFree(tx: Db, ctx: ScimContext, name: string, exceptId: string | null) {
  const all = await tx
    .select({ id: scimGroups.id, displayName: scimGroups.displayName })
    .from(scimGroups)
    .where(eq(scimGroups.connectionId, ctx.connectionId));
  if (all.some((g) => g.id !== exceptId && g.displayName.toLowerCase() === name.toLowerCase())) {
    throw new ScimError(409, `A Group named "${name.slice(0, 100)}" already exists.`, 'uniqueness');
  }
}

/**
 * Makes the group's members exactly `state.members` (SCIM ids of this connection's people; any other
 * id is refused, naming it), logs what changed, and lets every person concerned follow their groups.
 */
async function saveMembers(
  tx: Db,
  ctx: ScimContext,
  groupId: string,
  state: GroupState,
  type: 'scim.group_created' | 'scim.group_updated',
  was: { before: GroupRow | null; memberIds: number[] },
) {
  const known = state.members.length
    ? await tx
        .select({ scimId: ssoIdentities.scimId, userId: ssoIdentities.userId })
        .from(ssoIdentities)
        .where(and(eq(ssoIdentities.connectionId, ctx.connectionId), inArray(ssoIdentities.scimId, state.members)))
    : [];
  const missing = state.members.find((m) => !known.some((k) => k.scimId === m));
  if (missing) throw badRequest('invalidValue', `Member "${missing.slice(0, 100)}" is not a User of this connection.`);
  const wanted = known.map((k) => k.userId);
  const added = wanted.filter((u) => !was.memberIds.includes(u));
  const removed = was.memberIds.filter((u) => !wanted.includes(u));
  if (removed.length) {
    await tx
      .delete(scimGroupMembers)
      .where(and(eq(scimGroupMembers.groupId, groupId), inArray(scimGroupMembers.userId, removed)));
  }
  for (const userId of added) await tx.insert(scimGroupMembers).values({ groupId, userId });
  const renamed = was.before !== null && was.before.displayName !== state.displayName;
  const externalChanged = was.before !== null && was.before.externalId !== state.externalId;
  if (type === 'scim.group_updated' && !added.length && !removed.length && !renamed && !externalChanged) return;
  await logEvent(tx, {
    actorId: null,
    type,
    subjectType: 'sso_connection',
    subjectId: ctx.connectionId,
    data: {
      via: 'scim',
      connectionId: ctx.connectionId,
      groupId,
      displayName: state.displayName,
      ...(renamed ? { renamedFrom: was.before!.displayName } : {}),
      added,
      removed,
    },
  });
  // A renamed group may match other mappings: everyone in it follows, not only those added or removed.
  const concerned = renamed ? [...new Set([...wanted, ...removed])] : [...added, ...removed];
  for (const userId of concerned) await followGroups(tx, ctx.connectionId, userId);
}
