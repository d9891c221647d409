import { desc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { events, invitations, outbox, users } from '@/db/schema';
import { makeDepartment, type TestUser } from '@/db/factories';
import { first } from '@/db/rows';
import { verifyPassword } from '@/lib/auth/password.server';
import { setArchived } from '@/lib/directory/directory.server';
import { ConflictError, ForbiddenError } from '@/lib/errors';
import { countRows, db, userWithRole, validationErrorOf } from '@/lib/testing/db';
import { acceptInvitation, getInvitationByToken } from './accept.server';
import { createInvitation, listPendingInvitations, resendInvitation, revokeInvitation } from './invite.server';

let admin: TestUser;
beforeAll(async () => {
  admin = await userWithRole('admin');
});

let n = 0;
const address = () => `invitee-${Date.now()}-${n++}@example.test`;

/** The link's secret, read back from the e-mail as the invitee would. */
async function lastLinkTo(email: string): Promise<string> {
  const mail = first(await db.select().from(outbox).where(eq(outbox.toAddress, email)).orderBy(desc(outbox.id)))!;
  return /\/invitations\/([A-Za-z0-9_-]{43})/.exec(mail.text)![1];
}

async function invite(fields: Partial<{ email: string; name: string; role: string; departmentId: string }> = {}) {
  const email = fields.email ?? address();
  const id = await createInvitation(admin, {
    email,
    name: 'Ines Invited',
    role: 'engineer',
    departmentId: String(admin.departmentId),
    ...fields,
  });
  return { id, email };
}

const eventTypes = async (subjectId: number) =>
  (await db.select().from(events).where(eq(events.subjectType, 'invitation')))
    .filter((e) => e.subjectId === subjectId)
    .map((e) => e.type);

describe('createInvitation', () => {
  it('stores the link only hashed, queues the e-mail, logs it and lists it as pending', async () => {
    const { id, email } = await invite({ email: '  New.Person@Example.test ' });
    const row = first(await db.select().from(invitations).where(eq(invitations.id, id)))!;
    expect(row.email).toBe('new.person@example.test');
    const token = await lastLinkTo('new.person@example.test');
    expect(row.tokenHash).not.toContain(token);
    expect(row.expiresAt - row.createdAt).toBe(7 * 86_400_000);
    const mail = first(await db.select().from(outbox).where(eq(outbox.toAddress, 'new.person@example.test')))!;
    expect(mail.subject).toBe(`[Quorum] ${admin.name} invited you to Quorum`);
    expect(mail.toUserId).toBeNull();
    expect(await eventTypes(id)).toEqual(['invitation.created']);
    expect(JSON.stringify(await db.select().from(events))).not.toContain(token);
    expect((await listPendingInvitations(admin)).map((i) => i.id)).toContain(id);
    expect(email).toBeTruthy();
  });

  it('refuses an address of a person, one with a pending invitation, bad fields and a non-admin', async () => {
    const person = await userWithRole('leader');
    expect((await validationErrorOf(() => invite({ email: person.email.toUpperCase() }))).fieldErrors.email).toEqual([
      'This address already belongs to a person in Quorum.',
    ]);
    const { email } = await invite();
    expect((await validationErrorOf(() => invite({ email }))).fieldErrors.email?.[0]).toMatch(/pending invitation/);
    const before = await countRows('invitations');
    const bad = await validationErrorOf(() =>
      createInvitation(admin, { email: 'not-an-address', name: '', role: 'owner', departmentId: '7e2' }),
    );
    expect(Object.keys(bad.fieldErrors).sort()).toEqual(['departmentId', 'email', 'name', 'role']);
    const archived = await makeDepartment(db);
    await setArchived(admin, 'department', archived.id, true);
    expect(
      (await validationErrorOf(() => invite({ departmentId: String(archived.id) }))).fieldErrors.departmentId,
    ).toEqual(['This department is archived: choose another.']);
    await expect(createInvitation(await userWithRole('pm'), { email: address() })).rejects.toThrow(ForbiddenError);
    expect(await countRows('invitations')).toBe(before);
  });
});

describe('accepting', () => {
  it('creates the person with the role and department invited, with their password, and uses the link up', async () => {
    const { id, email } = await invite();
    const token = await lastLinkTo(email);
    expect(await getInvitationByToken(token)).toMatchObject({ state: 'pending', email, invitedByName: admin.name });
    expect(await acceptInvitation(token, { name: 'Ines Accepted', password: 'correct horse battery' })).toEqual({
      email,
    });
    const user = first(await db.select().from(users).where(eq(users.email, email)))!;
    expect(user).toMatchObject({
      name: 'Ines Accepted',
      role: 'engineer',
      departmentId: admin.departmentId,
      active: true,
    });
    expect(await verifyPassword('correct horse battery', user.passwordHash)).toBe(true);
    expect(first(await db.select().from(invitations).where(eq(invitations.id, id)))!.acceptedUserId).toBe(user.id);
    expect(await eventTypes(id)).toEqual(['invitation.created', 'invitation.accepted']);
    expect(await getInvitationByToken(token)).toEqual({ state: 'accepted' });
    await expect(acceptInvitation(token, { name: 'Again', password: 'correct horse battery' })).rejects.toThrow(
      'This invitation was already used: sign in instead.',
    );
  });

  it('refuses a short password and a blank name, creating nobody', async () => {
    const { email } = await invite();
    const token = await lastLinkTo(email);
    const error = await validationErrorOf(() => acceptInvitation(token, { name: ' ', password: 'short' }));
    expect(error.fieldErrors).toEqual({
      name: ['Enter your name.'],
      password: ['The password must be at least 12 characters.'],
    });
    expect(first(await db.select().from(users).where(eq(users.email, email)))).toBeUndefined();
  });

  it('says expired, revoked or unknown for links that no longer work', async () => {
    const expired = await invite();
    const expiredToken = await lastLinkTo(expired.email);
    expect(await getInvitationByToken(expiredToken, Date.now() + 8 * 86_400_000)).toEqual({ state: 'expired' });
    await expect(
      acceptInvitation(expiredToken, { name: 'Late', password: 'correct horse battery' }, Date.now() + 8 * 86_400_000),
    ).rejects.toThrow(ConflictError);

    const revoked = await invite();
    const revokedToken = await lastLinkTo(revoked.email);
    await revokeInvitation(admin, revoked.id);
    expect(await getInvitationByToken(revokedToken)).toEqual({ state: 'revoked' });
    expect((await listPendingInvitations(admin)).map((i) => i.id)).not.toContain(revoked.id);
    expect(await eventTypes(revoked.id)).toEqual(['invitation.created', 'invitation.revoked']);

    expect(await getInvitationByToken('not a token')).toEqual({ state: 'unknown' });
    expect(await getInvitationByToken('A'.repeat(43))).toEqual({ state: 'unknown' });
  });
});

describe('resendInvitation', () => {
  it('sends a new link for another week; the old one stops working', async () => {
    const { id, email } = await invite();
    const oldToken = await lastLinkTo(email);
    await resendInvitation(admin, id, Date.now() + 1000);
    const newToken = await lastLinkTo(email);
    expect(newToken).not.toBe(oldToken);
    expect(await getInvitationByToken(oldToken)).toEqual({ state: 'unknown' });
    expect(await getInvitationByToken(newToken)).toMatchObject({ state: 'pending' });
    expect(await eventTypes(id)).toEqual(['invitation.created', 'invitation.resent']);
    await revokeInvitation(admin, id);
    await expect(resendInvitation(admin, id)).rejects.toThrow('This invitation was revoked.');
    await expect(revokeInvitation(await userWithRole('pm'), id)).rejects.toThrow(ForbiddenError);
  });
});
