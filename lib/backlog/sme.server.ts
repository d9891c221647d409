import 'server-only';
import { and, eq } from 'drizzle-orm';
import { users } from '@/db/schema';
import { first } from '@/db/rows';
import type { FieldErrors } from '@/lib/errors';
import type { Executor } from '@/lib/events/log.server';

export const SME_PERSON_MESSAGE = 'Choose an active person as SME, or type the name of someone outside Quorum.';

async function activeName(tx: Executor, userId: number): Promise<string | undefined> {
  return first(
    await tx
      .select({ name: users.name })
      .from(users)
      .where(and(eq(users.id, userId), eq(users.active, true))),
  )?.name;
}

/**
 * An item's SME is a person in Quorum (smeUserId, picked from people) or free text for someone
 * outside it (smeUserId null). A picked person must be active, and their name is taken from their
 * row, not from the form: the text shown and the person who answers must agree. Sets `fields.sme`
 * to that name; returns the field error when the person is unknown or deactivated.
 */
export async function applySmePerson(
  tx: Executor,
  fields: { sme: string; smeUserId: number | null },
): Promise<FieldErrors> {
  if (fields.smeUserId === null) return {};
  const name = await activeName(tx, fields.smeUserId);
  if (name === undefined) return { smeUserId: [SME_PERSON_MESSAGE] };
  fields.sme = name;
  return {};
}
