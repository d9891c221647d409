import 'server-only';
import { and, eq, inArray, isNull, ne } from 'drizzle-orm';
import { z } from 'zod';
import { transaction } from '@/db/client';
import { departments, ROLES, ssoConnections, ssoDomains, ssoGroupMappings } from '@/db/schema';
import { first } from '@/db/rows';
import type { ActingUser } from '@/lib/auth/acting-user';
import { assertCan } from '@/lib/auth/permissions';
import { ConflictError, NotFoundError, ValidationError } from '@/lib/errors';
import { logEvent } from '@/lib/events/log.server';
import { formId, parseOrThrow, singleLine } from '@/lib/validation';
import { connectionForChange } from './connections.server';

const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

const DomainsSchema = z.object({
  domains: z
    .string({ error: 'List the e-mail domains, e.g. acme.com.' })
    .max(4000, 'At most 4,000 characters of domains.'),
});

/** Parses "acme.com, Acme.co.uk\nexample.org" into lower-case domains, naming any that is not one. */
export function parseDomains(text: string): string[] {
  const parts = text
    .split(/[\s,;]+/)
    .map((d) => d.trim().toLowerCase().replace(/^@/, ''))
    .filter(Boolean);
  const bad = parts.filter((d) => !DOMAIN.test(d));
  if (bad.length)
    throw new ValidationError({
      domains: [
        `${bad
          .slice(0, 3)
          .map((d) => `“${d.slice(0, 60)}”`)
          .join(', ')} ${bad.length === 1 ? 'is not a domain' : 'are not domains'}: write them as acme.com.`,
      ],
    });
  if (parts.length > 50) throw new ValidationError({ domains: ['At most 50 domains per connection.'] });
  return [...new Set(parts)];
}

/**
 * Replaces the domains a connection signs in. A domain can belong to one connection only: typing an
 * e-mail must lead to exactly one provider.
 */
export async function setConnectionDomains(actor: ActingUser, id: number, input: unknown): Promise<string[]> {
  assertCan(actor, 'sso.manage');
  const domains = parseDomains(parseOrThrow(DomainsSchema, input).domains);
  return transaction(async (tx) => {
    const row = await connectionForChange(tx, id);
    if (row.enabled && domains.length === 0)
      throw new ValidationError({
        domains: ['A switched-on connection needs at least one domain. Switch it off first.'],
      });
    if (domains.length) {
      const taken = await tx
        .select({ domain: ssoDomains.domain, name: ssoConnections.name })
        .from(ssoDomains)
        .innerJoin(ssoConnections, eq(ssoConnections.id, ssoDomains.connectionId))
        .where(and(inArray(ssoDomains.domain, domains), ne(ssoDomains.connectionId, id)));
      if (taken.length)
        throw new ValidationError({
          domains: taken.map((t) => `${t.domain} already belongs to the connection “${t.name}”.`),
        });
    }
    const before = (
      await tx.select({ domain: ssoDomains.domain }).from(ssoDomains).where(eq(ssoDomains.connectionId, id))
    ).map((d) => d.domain);
    await tx.delete(ssoDomains).where(eq(ssoDomains.connectionId, id));
    if (domains.length) await tx.insert(ssoDomains).values(domains.map((domain) => ({ connectionId: id, domain })));
    await logEvent(tx, {
      actorId: actor.id,
      type: 'sso.domains_changed',
      subjectType: 'sso_connection',
      subjectId: id,
      data: { changes: { domains: { from: before.sort(), to: [...domains].sort() } } },
    });
    return domains;
  });
}

const optionalId = z.preprocess((v) => (v === '' || v === undefined ? null : v), formId.nullable());

const MappingSchema = z
  .object({
    groupName: singleLine('Group', 200, { required: 'Name the IdP group, exactly as the provider sends it.' }),
    role: z.preprocess(
      (v) => (v === '' || v === undefined ? null : v),
      z.enum(ROLES, { error: 'Choose one of the roles listed.' }).nullable(),
    ),
    departmentId: optionalId,
  })
  .refine((m) => m.role !== null || m.departmentId !== null, {
    message: 'Choose a role, a department, or both.',
    path: ['role'],
  });

/** Members of an IdP group get this role and/or department at their next sign-in (or SCIM update). */
export async function addGroupMapping(actor: ActingUser, connectionId: number, input: unknown): Promise<number> {
  assertCan(actor, 'sso.manage');
  const mapping = parseOrThrow(MappingSchema, input);
  return transaction(async (tx) => {
    await connectionForChange(tx, connectionId);
    if (mapping.departmentId !== null) {
      const dept = first(
        await tx
          .select({ id: departments.id })
          .from(departments)
          .where(and(eq(departments.id, mapping.departmentId), isNull(departments.archivedAt))),
      );
      if (!dept) throw new ValidationError({ departmentId: ['Choose one of the departments listed.'] });
    }
    const existing = (
      await tx.select().from(ssoGroupMappings).where(eq(ssoGroupMappings.connectionId, connectionId))
    ).find((m) => m.groupName.toLowerCase() === mapping.groupName.toLowerCase());
    if (existing)
      throw new ConflictError(`The group “${mapping.groupName}” is mapped already: remove it first.`, 'groupName');
    const id = (
      await tx
        .insert(ssoGroupMappings)
        .values({ connectionId, ...mapping })
        .returning({ id: ssoGroupMappings.id })
    )[0].id;
    await logEvent(tx, {
      actorId: actor.id,
      type: 'sso.group_mapped',
      subjectType: 'sso_connection',
      subjectId: connectionId,
      data: { ...mapping },
    });
    return id;
  });
}

export async function removeGroupMapping(actor: ActingUser, connectionId: number, mappingId: number): Promise<void> {
  assertCan(actor, 'sso.manage');
  await transaction(async (tx) => {
    const row = first(
      await tx
        .select()
        .from(ssoGroupMappings)
        .where(and(eq(ssoGroupMappings.id, mappingId), eq(ssoGroupMappings.connectionId, connectionId))),
    );
    if (!row) throw new NotFoundError('This group mapping');
    await tx.delete(ssoGroupMappings).where(eq(ssoGroupMappings.id, mappingId));
    await logEvent(tx, {
      actorId: actor.id,
      type: 'sso.group_unmapped',
      subjectType: 'sso_connection',
      subjectId: connectionId,
      data: { groupName: row.groupName, role: row.role, departmentId: row.departmentId },
    });
  });
}
