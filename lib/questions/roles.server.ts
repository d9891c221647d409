import 'server-only';
import { and, eq } from 'drizzle-orm';
import { users, type Meeting } from '@/db/schema';
import { can } from '@/lib/auth/permissions';
import type { Executor } from '@/lib/events/log.server';
import { attendeeRole } from '@/lib/meetings/access.server';
import type { ActingUser } from '@/lib/auth/acting-user';

const norm = (s: string) => s.trim().toLowerCase();

/**
 * Turns an item's SME into a user. An SME picked from people (smeUserId) is that person while they
 * are active. Otherwise, from the free text: an active user whose e-mail matches exactly
 * (ignoring case), else the one active user with that exact name. A name two people share
 * resolves to nobody: answering rights and mail must not go to a namesake.
 * Loads the active users once, so a page can resolve every item's SME with one query.
 */
export async function smeResolver(tx: Executor): Promise<(sme: string, smeUserId?: number | null) => number | null> {
  const people = await tx
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(eq(users.active, true));
  const byEmail = new Map(people.map((p) => [norm(p.email), p.id]));
  const byName = new Map<string, number | null>();
  for (const p of people) {
    const key = norm(p.name);
    byName.set(key, byName.has(key) ? null : p.id);
  }
  const active = new Set(people.map((p) => p.id));
  return (sme, smeUserId) => {
    if (smeUserId != null) return active.has(smeUserId) ? smeUserId : null;
    const key = norm(sme);
    if (!key) return null;
    return byEmail.get(key) ?? byName.get(key) ?? null;
  };
}

export async function activePmIds(tx: Executor): Promise<number[]> {
  return (
    await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.role, 'pm'), eq(users.active, true)))
  ).map((r) => r.id);
}

const manages = (actor: ActingUser, meeting: Meeting) =>
  can(actor, 'meeting.manage') || meeting.facilitatorId === actor.id;

/** Asking is for the people in the meeting (voters and observers), its facilitator and pm/admin. */
export async function canAskQuestion(tx: Executor, actor: ActingUser, meeting: Meeting): Promise<boolean> {
  return manages(actor, meeting) || (await attendeeRole(tx, meeting.id, actor.id)) !== null;
}

/** Answering is for those who know or back the item, the facilitator and pm/admin. */
export function canAnswerQuestion(
  actor: ActingUser,
  meeting: Meeting,
  item: { sponsorId: number | null; sme: string; smeUserId?: number | null },
  resolveSme: (sme: string, smeUserId?: number | null) => number | null,
): boolean {
  return manages(actor, meeting) || item.sponsorId === actor.id || resolveSme(item.sme, item.smeUserId) === actor.id;
}

/** Closing a thread is the meeting's business: its facilitator or pm/admin. */
export function canResolveQuestion(actor: ActingUser, meeting: Meeting): boolean {
  return manages(actor, meeting);
}
