import 'server-only';
import { and, asc, eq, gt, isNull } from 'drizzle-orm';
import { db, transaction } from '@/db/client';
import { departments, invitations, users } from '@/db/schema';
import { first } from '@/db/rows';
import type { ActingUser } from '@/lib/auth/acting-user';
import { assertCan } from '@/lib/auth/permissions';
import { assertActiveEntry } from '@/lib/directory/directory.server';
import { ConflictError, NotFoundError, ValidationError } from '@/lib/errors';
import { logEvent, type Executor } from '@/lib/events/log.server';
import { hashToken, newToken } from '@/lib/security/secrets.server';
import { parseOrThrow } from '@/lib/validation';
import { queueInvitationMail } from './mail.server';
import { INVITATION_DAYS, InviteSchema } from './schema';

const DAY = 86_400_000;

/** Pending: neither accepted nor revoked, and not yet expired. */
const pendingAt = (now: number) =>
  and(isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, now));

/** The invitations still waiting for an answer, newest first, for the admin's people page. */
export async function listPendingInvitations(actor: ActingUser, now = Date.now()) {
  assertCan(actor, 'user.manage');
  return db
    .select({
      id: invitations.id,
      email: invitations.email,
      name: invitations.name,
      role: invitations.role,
      departmentName: departments.name,
      invitedByName: users.name,
      expiresAt: invitations.expiresAt,
    })
    .from(invitations)
    .innerJoin(departments, eq(departments.id, invitations.departmentId))
    .innerJoin(users, eq(users.id, invitations.invitedById))
    .where(pendingAt(now))
    .orderBy(asc(invitations.expiresAt));
}

/**
 * Invites a person: stores the invitation with its link's secret hashed and queues the e-mail, in one
 * transaction. An address that already has an account, or a pending invitation, is refused.
 */
export async function createInvitation(actor: ActingUser, input: unknown, now = Date.now()): Promise<number> {
  assertCan(actor, 'user.manage');
  const fields = parseOrThrow(InviteSchema, input);
  return transaction(async (tx) => {
    await assertActiveEntry(tx, 'department', fields.departmentId, 'departmentId');
    const person = first(await tx.select({ id: users.id }).from(users).where(eq(users.email, fields.email)));
    if (person) refuseEmail('This address already belongs to a person in Quorum.');
    const pending = first(
      await tx
        .select({ id: invitations.id })
        .from(invitations)
        .where(and(eq(invitations.email, fields.email), pendingAt(now))),
    );
    if (pending) refuseEmail('This address already has a pending invitation: resend it from the list instead.');
    const token = newToken();
    const expiresAt = now + INVITATION_DAYS * DAY;
    const [row] = await tx
      .insert(invitations)
      .values({ ...fields, tokenHash: hashToken(token), invitedById: actor.id, createdAt: now, expiresAt })
      .returning({ id: invitations.id });
    await logEvent(tx, {
      actorId: actor.id,
      type: 'invitation.created',
      subjectType: 'invitation',
      subjectId: row.id,
      data: { email: fields.email, name: fields.name, role: fields.role, departmentId: fields.departmentId },
    });
    await queueInvitationMail(tx, { to: fields.email, name: fields.name, inviterName: actor.name, token, expiresAt });
    return row.id;
  });
}

function refuseEmail(message: string): never {
  throw new ValidationError({ email: [message] }, message);
}

/** Unchecked: a pending invitation by id, or 404 / 409 naming why it cannot be changed. */
async function loadPending(tx: Executor, id: number) {
  const row = first(await tx.select().from(invitations).where(eq(invitations.id, id)));
  if (!row) throw new NotFoundError('This invitation');
  if (row.acceptedAt !== null) throw new ConflictError('This invitation was already accepted.');
  if (row.revokedAt !== null) throw new ConflictError('This invitation was revoked.');
  return row;
}

/**
 * Sends the invitation again with a new link, valid for another week; the old link stops working
 * (only the new secret's hash is kept). An expired invitation can be resent too.
 */
export async function resendInvitation(actor: ActingUser, id: number, now = Date.now()): Promise<void> {
  assertCan(actor, 'user.manage');
  await transaction(async (tx) => {
    const row = await loadPending(tx, id);
    const token = newToken();
    const expiresAt = now + INVITATION_DAYS * DAY;
    await tx
      .update(invitations)
      .set({ tokenHash: hashToken(token), expiresAt })
      .where(eq(invitations.id, id));
    await logEvent(tx, {
      actorId: actor.id,
      type: 'invitation.resent',
      subjectType: 'invitation',
      subjectId: id,
      data: { email: row.email, expiresAt },
    });
    await queueInvitationMail(tx, { to: row.email, name: row.name, inviterName: actor.name, token, expiresAt });
  });
}

/** The link stops working at once. */
export async function revokeInvitation(actor: ActingUser, id: number, now = Date.now()): Promise<void> {
  assertCan(actor, 'user.manage');
  await transaction(async (tx) => {
    const row = await loadPending(tx, id);
    await tx.update(invitations).set({ revokedAt: now }).where(eq(invitations.id, id));
    await logEvent(tx, {
      actorId: actor.id,
      type: 'invitation.revoked',
      subjectType: 'invitation',
      subjectId: id,
      data: { email: row.email },
    });
  });
}
