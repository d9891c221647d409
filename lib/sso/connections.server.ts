import 'server-only';
import { asc, count, eq } from 'drizzle-orm';
import { z } from 'zod';
import { db, transaction } from '@/db/client';
import { SSO_PROTOCOLS, ssoConnections, ssoDomains, ssoGroupMappings, ssoIdentities, departments } from '@/db/schema';
import { first } from '@/db/rows';
import type { ActingUser } from '@/lib/auth/acting-user';
import { assertCan } from '@/lib/auth/permissions';
import { ConflictError, NotFoundError } from '@/lib/errors';
import { logEvent, type Executor } from '@/lib/events/log.server';
import { parseOrThrow, singleLine } from '@/lib/validation';
import { domainsOf } from './provision.server';

/** Everything the admin's pages show of a connection; never a secret, only whether one is set. */
export type ConnectionView = {
  id: number;
  name: string;
  protocol: (typeof SSO_PROTOCOLS)[number];
  enabled: boolean;
  enforced: boolean;
  allowIdpInitiated: boolean;
  settings: Record<string, unknown>;
  hasClientSecret: boolean;
  hasScimToken: boolean;
  scimTokenCreatedAt: number | null;
  domains: string[];
  mappings: { id: number; groupName: string; role: string | null; departmentName: string | null }[];
  lastTest: Record<string, unknown> | null;
  lastTestedAt: number | null;
  /** A test passed since the settings last changed: the connection may be switched on. */
  testedSinceChange: boolean;
  people: number;
  updatedAt: number;
};

export type ConnectionSummary = Pick<ConnectionView, 'id' | 'name' | 'protocol' | 'enabled' | 'enforced' | 'domains'>;

/** Every connection with its domains, for the Sign-in page's list: two queries, whatever their number. */
export async function listConnections(actor: ActingUser): Promise<ConnectionSummary[]> {
  assertCan(actor, 'sso.manage');
  const rows = await db
    .select({
      id: ssoConnections.id,
      name: ssoConnections.name,
      protocol: ssoConnections.protocol,
      enabled: ssoConnections.enabled,
      enforced: ssoConnections.enforced,
    })
    .from(ssoConnections)
    .orderBy(asc(ssoConnections.name));
  const domains = await db
    .select({ connectionId: ssoDomains.connectionId, domain: ssoDomains.domain })
    .from(ssoDomains)
    .orderBy(asc(ssoDomains.domain));
  return rows.map((r) => ({
    ...r,
    domains: domains.filter((d) => d.connectionId === r.id).map((d) => d.domain),
  }));
}

export async function getConnection(actor: ActingUser, id: number): Promise<ConnectionView> {
  assertCan(actor, 'sso.manage');
  return viewOf(db, id);
}

async function viewOf(tx: Executor, id: number): Promise<ConnectionView> {
  const row = first(await tx.select().from(ssoConnections).where(eq(ssoConnections.id, id)));
  if (!row) throw new NotFoundError('This sign-in connection');
  const domains = await domainsOf(id);
  const mappings = await tx
    .select({
      id: ssoGroupMappings.id,
      groupName: ssoGroupMappings.groupName,
      role: ssoGroupMappings.role,
      departmentName: departments.name,
    })
    .from(ssoGroupMappings)
    .leftJoin(departments, eq(departments.id, ssoGroupMappings.departmentId))
    .where(eq(ssoGroupMappings.connectionId, id))
    .orderBy(asc(ssoGroupMappings.groupName));
  const people = first(
    await tx.select({ n: count() }).from(ssoIdentities).where(eq(ssoIdentities.connectionId, id)),
  )?.n;
  return {
    id: row.id,
    name: row.name,
    protocol: row.protocol,
    enabled: row.enabled,
    enforced: row.enforced,
    allowIdpInitiated: row.allowIdpInitiated,
    settings: row.config,
    hasClientSecret: row.secretCiphertext !== null,
    hasScimToken: row.scimTokenHash !== null,
    scimTokenCreatedAt: row.scimTokenCreatedAt,
    domains,
    mappings,
    lastTest: row.lastTest,
    lastTestedAt: row.lastTestedAt,
    testedSinceChange: row.lastTest?.ok === true && (row.lastTestedAt ?? 0) >= row.updatedAt,
    people: Number(people ?? 0),
    updatedAt: row.updatedAt,
  };
}

const NewConnectionSchema = z.object({
  name: singleLine('Name', 80, { required: 'Give the connection a name people will recognise, e.g. "Acme SSO".' }),
  protocol: z.enum(SSO_PROTOCOLS, { error: 'Choose OpenID Connect or SAML 2.0.' }),
});

/** A new connection starts switched off, with no settings: the admin fills them in, tests, then switches it on. */
export async function createConnection(actor: ActingUser, input: unknown, now = Date.now()): Promise<number> {
  assertCan(actor, 'sso.manage');
  const { name, protocol } = parseOrThrow(NewConnectionSchema, input);
  return transaction(async (tx) => {
    const id = (
      await tx
        .insert(ssoConnections)
        .values({ name, protocol, config: {}, createdAt: now, updatedAt: now })
        .returning({ id: ssoConnections.id })
    )[0].id;
    await logEvent(tx, {
      actorId: actor.id,
      type: 'sso.connection_created',
      subjectType: 'sso_connection',
      subjectId: id,
      data: { name, protocol },
    });
    return id;
  });
}

/** Loads a connection row inside a transaction for a change, or 404. */
export async function connectionForChange(tx: Executor, id: number) {
  const row = first(await tx.select().from(ssoConnections).where(eq(ssoConnections.id, id)));
  if (!row) throw new NotFoundError('This sign-in connection');
  return row;
}

const SwitchSchema = z.object({
  enabled: z.enum(['true', 'false'], { error: 'Choose on or off.' }).transform((v) => v === 'true'),
});

/** Switching on needs a domain and a test that passed since the settings last changed. */
export async function setConnectionEnabled(actor: ActingUser, id: number, input: unknown): Promise<void> {
  assertCan(actor, 'sso.manage');
  const { enabled } = parseOrThrow(SwitchSchema, input);
  await transaction(async (tx) => {
    const view = await viewOf(tx, id);
    if (view.enabled === enabled) return;
    if (enabled && view.domains.length === 0)
      throw new ConflictError('Add at least one e-mail domain before switching the connection on.', 'enabled');
    if (enabled && !view.testedSinceChange)
      throw new ConflictError('Test this connection successfully before switching it on.', 'enabled');
    await tx
      .update(ssoConnections)
      .set({ enabled, ...(enabled ? {} : { enforced: false }) })
      .where(eq(ssoConnections.id, id));
    await logEvent(tx, {
      actorId: actor.id,
      type: enabled ? 'sso.connection_enabled' : 'sso.connection_disabled',
      subjectType: 'sso_connection',
      subjectId: id,
      data: { name: view.name },
    });
  });
}

const EnforceSchema = z.object({
  enforced: z.enum(['true', 'false'], { error: 'Choose on or off.' }).transform((v) => v === 'true'),
});

/** Once enforced, people of the connection's domains cannot use a password (admins keep break-glass if allowed). */
export async function setConnectionEnforced(actor: ActingUser, id: number, input: unknown): Promise<void> {
  assertCan(actor, 'sso.manage');
  const { enforced } = parseOrThrow(EnforceSchema, input);
  await transaction(async (tx) => {
    const view = await viewOf(tx, id);
    if (view.enforced === enforced) return;
    if (enforced && !view.enabled) throw new ConflictError('Switch the connection on before enforcing it.', 'enforced');
    await tx.update(ssoConnections).set({ enforced }).where(eq(ssoConnections.id, id));
    await logEvent(tx, {
      actorId: actor.id,
      type: enforced ? 'sso.enforced' : 'sso.enforcement_lifted',
      subjectType: 'sso_connection',
      subjectId: id,
      data: { name: view.name, domains: view.domains },
    });
  });
}

/** Deleting unlinks its people (they keep their accounts) and ends SSO for its domains. */
export async function deleteConnection(actor: ActingUser, id: number): Promise<void> {
  assertCan(actor, 'sso.manage');
  await transaction(async (tx) => {
    const row = await connectionForChange(tx, id);
    await tx.delete(ssoConnections).where(eq(ssoConnections.id, id));
    await logEvent(tx, {
      actorId: actor.id,
      type: 'sso.connection_deleted',
      subjectType: 'sso_connection',
      subjectId: id,
      data: { name: row.name, protocol: row.protocol },
    });
  });
}
