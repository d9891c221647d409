import 'server-only';
import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { db, transaction } from '@/db/client';
import { cycles, roadmapLinks, users } from '@/db/schema';
import { first } from '@/db/rows';
import type { ActingUser } from '@/lib/auth/acting-user';
import { assertCan } from '@/lib/auth/permissions';
import { NotFoundError } from '@/lib/errors';
import { logEvent } from '@/lib/events/log.server';
import { hashToken, newToken, sameHash } from '@/lib/security/secrets.server';
import { parseOrThrow, singleLine } from '@/lib/validation';

/** Every link's token starts so, to tell a Quorum roadmap link in a leaked text. */
export const LINK_TOKEN_PREFIX = 'qrl_';
/** The prefix and 32 random bytes in base64url: anything else cannot be a link and is not looked up. */
const TOKEN_SHAPE = /^qrl_[A-Za-z0-9_-]{43}$/;
/** A link's last use is written at most this often, so busy readers do not turn reads into writes. */
const LAST_USE_GRANULARITY_MS = 60_000;

export const LinkInputSchema = z.object({ label: singleLine('Label', 100, { required: 'Give the link a label.' }) });

/** Sharing is an admin's call: the links show the company's plans to people without an account. */
const assertAdmin = (actor: ActingUser) => assertCan(actor, 'user.manage');

/** A new read-only link. Its token is returned here once; only its hash is kept. */
export async function createRoadmapLink(actor: ActingUser, input: unknown): Promise<{ id: number; token: string }> {
  assertAdmin(actor);
  const { label } = parseOrThrow(LinkInputSchema, input);
  const token = newToken(LINK_TOKEN_PREFIX);
  return transaction(async (tx) => {
    const row = (
      await tx
        .insert(roadmapLinks)
        .values({ tokenHash: hashToken(token), label, createdBy: actor.id, createdAt: new Date().toISOString() })
        .returning({ id: roadmapLinks.id })
    )[0];
    await logEvent(tx, {
      actorId: actor.id,
      type: 'roadmap_link.created',
      subjectType: 'roadmap_link',
      subjectId: row.id,
      data: { label },
    });
    return { id: row.id, token };
  });
}

export type RoadmapLinkListEntry = {
  id: number;
  label: string;
  createdAt: string;
  createdByName: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
};

/** Every link, active ones first, newest first; never a hash. */
export async function listRoadmapLinks(actor: ActingUser): Promise<RoadmapLinkListEntry[]> {
  assertAdmin(actor);
  const rows = await db
    .select({
      id: roadmapLinks.id,
      label: roadmapLinks.label,
      createdAt: roadmapLinks.createdAt,
      createdByName: users.name,
      lastUsedAt: roadmapLinks.lastUsedAt,
      revokedAt: roadmapLinks.revokedAt,
    })
    .from(roadmapLinks)
    .innerJoin(users, eq(users.id, roadmapLinks.createdBy))
    .orderBy(desc(roadmapLinks.id));
  return [...rows.filter((r) => r.revokedAt === null), ...rows.filter((r) => r.revokedAt !== null)];
}

/** Revokes a link at once: from then on it answers 404 like one that never existed. */
export async function revokeRoadmapLink(actor: ActingUser, linkId: number): Promise<void> {
  assertAdmin(actor);
  await transaction(async (tx) => {
    const link = first(await tx.select().from(roadmapLinks).where(eq(roadmapLinks.id, linkId)));
    if (!link) throw new NotFoundError('This link');
    if (link.revokedAt !== null) return;
    await tx
      .update(roadmapLinks)
      .set({ revokedAt: new Date().toISOString(), revokedBy: actor.id })
      .where(eq(roadmapLinks.id, linkId));
    await logEvent(tx, {
      actorId: actor.id,
      type: 'roadmap_link.revoked',
      subjectType: 'roadmap_link',
      subjectId: linkId,
      data: { label: link.label },
    });
  });
}

/** The cycles an admin may share, oldest first, with whether each is shared now. */
export async function cyclesForSharing(actor: ActingUser) {
  assertAdmin(actor);
  return db
    .select({ id: cycles.id, name: cycles.name, startsOn: cycles.startsOn, shared: cycles.sharedOnRoadmap })
    .from(cycles)
    .orderBy(asc(cycles.startsOn), asc(cycles.id));
}

/** Lets read-only links show a cycle's published titles and themes, or stops them. */
export async function setCycleShared(actor: ActingUser, cycleId: number, shared: boolean): Promise<void> {
  assertAdmin(actor);
  await transaction(async (tx) => {
    const cycle = first(await tx.select().from(cycles).where(eq(cycles.id, cycleId)));
    if (!cycle) throw new NotFoundError('This cycle');
    if (cycle.sharedOnRoadmap === shared) return;
    await tx.update(cycles).set({ sharedOnRoadmap: shared }).where(eq(cycles.id, cycleId));
    await logEvent(tx, {
      actorId: actor.id,
      type: 'cycle.roadmap_sharing_changed',
      subjectType: 'cycle',
      subjectId: cycleId,
      data: { changes: { sharedOnRoadmap: { from: cycle.sharedOnRoadmap, to: shared } } },
    });
  });
}

/**
 * The active link a token opens, or null — for a malformed, guessed or revoked token alike, so the
 * caller answers all of them with the same 404. The stored hash is compared in constant time.
 */
export async function linkForToken(token: unknown, now = Date.now()): Promise<{ id: number } | null> {
  if (typeof token !== 'string' || !TOKEN_SHAPE.test(token)) return null;
  const hash = hashToken(token);
  const link = first(
    await db
      .select({ id: roadmapLinks.id, tokenHash: roadmapLinks.tokenHash, lastUsedAt: roadmapLinks.lastUsedAt })
      .from(roadmapLinks)
      .where(and(eq(roadmapLinks.tokenHash, hash), isNull(roadmapLinks.revokedAt))),
  );
  if (!link || !sameHash(link.tokenHash, hash)) return null;
  if (link.lastUsedAt === null || now - Date.parse(link.lastUsedAt) >= LAST_USE_GRANULARITY_MS) {
    await db
      .update(roadmapLinks)
      .set({ lastUsedAt: new Date(now).toISOString() })
      .where(eq(roadmapLinks.id, link.id));
  }
  return { id: link.id };
}
