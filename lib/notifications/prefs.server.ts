import 'server-only';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { db, transaction } from '@/db/client';
import { NOTIFICATION_KINDS, notificationPrefs, type NotificationKind } from '@/db/schema';

import { parseOrThrow } from '@/lib/validation';
import { NOTIFICATION_KIND_LABELS } from './kinds';
import type { ActingUser } from '@/lib/auth/acting-user';

export type EmailPref = { kind: NotificationKind; label: string; email: boolean };

/** Every kind, in a fixed order, with whether the actor gets it by e-mail (on unless turned off). */
export async function getEmailPrefs(actor: ActingUser): Promise<EmailPref[]> {
  const rows = await db
    .select({ kind: notificationPrefs.kind, email: notificationPrefs.email })
    .from(notificationPrefs)
    .where(eq(notificationPrefs.userId, actor.id));
  const stored = new Map(rows.map((r) => [r.kind, r.email]));
  return NOTIFICATION_KINDS.map((kind) => ({
    kind,
    label: NOTIFICATION_KIND_LABELS[kind],
    email: stored.get(kind) ?? true,
  }));
}

/**
 * The settings form: `kinds` lists the kinds to receive by e-mail (the checked boxes); every kind
 * not listed is turned off. A single string (one box checked, read with form.get) is accepted too.
 */
export const EmailPrefsSchema = z.object({
  kinds: z.preprocess(
    (v) => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]),
    z.array(z.enum(NOTIFICATION_KINDS, { error: 'Choose only kinds of notification listed here.' })),
  ),
});

/** Stores a row for every kind, so what the user saw checked is exactly what is stored. */
export async function setEmailPrefs(actor: ActingUser, input: unknown): Promise<EmailPref[]> {
  const { kinds } = parseOrThrow(EmailPrefsSchema, input);
  const on = new Set(kinds);
  await transaction(async (tx) => {
    for (const kind of NOTIFICATION_KINDS) {
      await tx
        .insert(notificationPrefs)
        .values({ userId: actor.id, kind, email: on.has(kind) })
        .onConflictDoUpdate({
          target: [notificationPrefs.userId, notificationPrefs.kind],
          set: { email: on.has(kind) },
        });
    }
  });
  return getEmailPrefs(actor);
}
