import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { db, transaction } from '@/db/client';
import { invitations, users } from '@/db/schema';
import { affectedRows, first } from '@/db/rows';
import { hashPassword } from '@/lib/auth/password.server';
import { ConflictError } from '@/lib/errors';
import { logEvent } from '@/lib/events/log.server';
import { hashToken } from '@/lib/security/secrets.server';
import { MIN_PASSWORD_LENGTH } from '@/lib/users/admin.server';
import { parseOrThrow, singleLine } from '@/lib/validation';
import { InvitationToken } from './schema';

export const AcceptSchema = z.object({
  name: singleLine('Your name', 120, { required: 'Enter your name.' }),
  password: z
    .string({ error: 'Choose a password.' })
    .min(MIN_PASSWORD_LENGTH, `The password must be at least ${MIN_PASSWORD_LENGTH} characters.`)
    .max(200, 'The password must be at most 200 characters.'),
});

export type InvitationView =
  | { state: 'pending'; email: string; name: string; invitedByName: string; expiresAt: number }
  | { state: 'expired' | 'revoked' | 'accepted' | 'unknown' };

/**
 * What the public invitation page shows for a link. Public by design: whoever holds the link's secret
 * may read who invited them. A malformed or unknown link is "unknown", never an error.
 */
export async function getInvitationByToken(token: string, now = Date.now()): Promise<InvitationView> {
  if (!InvitationToken.safeParse(token).success) return { state: 'unknown' };
  const row = first(
    await db
      .select({ invitation: invitations, invitedByName: users.name })
      .from(invitations)
      .innerJoin(users, eq(users.id, invitations.invitedById))
      .where(eq(invitations.tokenHash, hashToken(token))),
  );
  if (!row) return { state: 'unknown' };
  const i = row.invitation;
  if (i.acceptedAt !== null) return { state: 'accepted' };
  if (i.revokedAt !== null) return { state: 'revoked' };
  if (i.expiresAt <= now) return { state: 'expired' };
  return { state: 'pending', email: i.email, name: i.name, invitedByName: row.invitedByName, expiresAt: i.expiresAt };
}

const gone = {
  expired: 'This invitation has expired: ask the person who invited you to send it again.',
  revoked: 'This invitation was withdrawn: ask the person who invited you.',
  accepted: 'This invitation was already used: sign in instead.',
  unknown: 'This invitation link is not valid: ask the person who invited you to send it again.',
} as const;

/**
 * The invited person accepts: their account is created with the invitation's role and department and
 * the password they chose, and the invitation is used up, in one transaction. Returns their e-mail,
 * for the sign-in page. Refused (409) when the link is no longer pending or the address was taken since.
 */
export async function acceptInvitation(token: string, input: unknown, now = Date.now()): Promise<{ email: string }> {
  const fields = parseOrThrow(AcceptSchema, input);
  const view = await getInvitationByToken(token, now);
  if (view.state !== 'pending') throw new ConflictError(gone[view.state]);
  const passwordHash = await hashPassword(fields.password);
  return transaction(async (tx) => {
    const invitation = first(
      await tx
        .select()
        .from(invitations)
        .where(eq(invitations.tokenHash, hashToken(token))),
    );
    if (!invitation) throw new ConflictError(gone.unknown);
    const taken = first(await tx.select({ id: users.id }).from(users).where(eq(users.email, invitation.email)));
    if (taken) throw new ConflictError('An account with this address exists already: sign in instead.');
    const [user] = await tx
      .insert(users)
      .values({
        name: fields.name,
        email: invitation.email,
        role: invitation.role,
        departmentId: invitation.departmentId,
        passwordHash,
        createdAt: new Date(now).toISOString(),
      })
      .returning({ id: users.id });
    // Guarded by its state: two tabs accepting at once create one account, the other is refused.
    const used = await tx
      .update(invitations)
      .set({ acceptedAt: now, acceptedUserId: user.id })
      .where(and(eq(invitations.id, invitation.id), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)));
    if (affectedRows(used) !== 1) throw new ConflictError(gone.accepted);
    await logEvent(tx, {
      actorId: user.id,
      type: 'invitation.accepted',
      subjectType: 'invitation',
      subjectId: invitation.id,
      data: { userId: user.id },
    });
    await logEvent(tx, {
      actorId: user.id,
      type: 'user.created',
      subjectType: 'user',
      subjectId: user.id,
      data: {
        via: 'invitation',
        invitationId: invitation.id,
        invitedById: invitation.invitedById,
        role: invitation.role,
        departmentId: invitation.departmentId,
      },
    });
    return { email: invitation.email };
  });
}
