import 'server-only';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { db, transaction } from '@/db/client';
import { users } from '@/db/schema';
import { first } from '@/db/rows';
import type { ActingUser } from '@/lib/auth/acting-user';
import { NotFoundError } from '@/lib/errors';
import { diff, logEvent } from '@/lib/events/log.server';
import { parseOrThrow, singleLine } from '@/lib/validation';
import { isTimeZone } from './time-zones';

export const ProfileSchema = z.object({
  name: singleLine('Your name', 120, { required: 'Enter your name.' }),
  // '' is "not set": pages then use the browser's zone and e-mails UTC.
  timeZone: z
    .string({ error: 'Choose a time zone from the list.' })
    .transform((v) => (v === '' ? null : v))
    .refine((v) => v === null || isTimeZone(v), 'Choose a time zone from the list.'),
});

/** The person's own profile, for their settings page. */
export async function getProfile(actor: ActingUser) {
  const row = first(
    await db.select({ name: users.name, timeZone: users.timeZone }).from(users).where(eq(users.id, actor.id)),
  );
  if (!row) throw new NotFoundError('Your account');
  return row;
}

/** Anyone may change their own name and time zone; the change is logged like any other. */
export async function updateProfile(actor: ActingUser, input: unknown): Promise<void> {
  const fields = parseOrThrow(ProfileSchema, input);
  await transaction(async (tx) => {
    const before = first(
      await tx.select({ name: users.name, timeZone: users.timeZone }).from(users).where(eq(users.id, actor.id)),
    );
    if (!before) throw new NotFoundError('Your account');
    const changes = diff(before, fields);
    if (Object.keys(changes).length === 0) return;
    await tx.update(users).set(fields).where(eq(users.id, actor.id));
    await logEvent(tx, {
      actorId: actor.id,
      type: 'user.profile_changed',
      subjectType: 'user',
      subjectId: actor.id,
      data: { changes },
    });
  });
}
