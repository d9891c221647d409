import 'server-only';
import { z } from 'zod';
import { db, transaction } from '@/db/client';
import type { ActingUser } from '@/lib/auth/acting-user';
import { assertCan } from '@/lib/auth/permissions';
import { logEvent } from '@/lib/events/log.server';
import { getSetting, setSetting } from '@/lib/settings/settings.server';
import { parseOrThrow } from '@/lib/validation';

export async function getBreakGlass(actor: ActingUser): Promise<boolean> {
  assertCan(actor, 'sso.manage');
  return getSetting(db, 'breakGlassAdmins');
}

const BreakGlassSchema = z.object({
  breakGlassAdmins: z
    .enum(['true', 'false'], { error: 'Choose whether admins keep a password.' })
    .transform((v) => v === 'true'),
});

/** Whether admins keep a password where SSO is enforced; every change is logged. */
export async function saveBreakGlass(actor: ActingUser, input: unknown): Promise<boolean> {
  assertCan(actor, 'sso.manage');
  const { breakGlassAdmins } = parseOrThrow(BreakGlassSchema, input);
  return transaction(async (tx) => {
    const before = await getSetting(tx, 'breakGlassAdmins');
    const after = await setSetting(tx, 'breakGlassAdmins', breakGlassAdmins);
    if (before !== after)
      await logEvent(tx, {
        actorId: actor.id,
        type: 'settings.updated',
        subjectType: 'user',
        subjectId: actor.id,
        data: { before: { breakGlassAdmins: before }, after: { breakGlassAdmins: after } },
      });
    return after;
  });
}
