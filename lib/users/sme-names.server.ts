import 'server-only';
import { inArray } from 'drizzle-orm';
import { users } from '@/db/schema';
import type { Executor } from '@/lib/events/log.server';
import { emailKey, looksLikeEmail } from './sme';

/**
 * The names of the people whose e-mails appear among these SME texts, keyed by `emailKey`: one query
 * for a whole page. Deactivated people are named too: they are still who knows the item.
 */
export async function smeNamesByEmail(tx: Executor, smes: readonly string[]): Promise<Record<string, string>> {
  const emails = [...new Set(smes.filter(looksLikeEmail).map(emailKey))];
  if (emails.length === 0) return {};
  return Object.fromEntries(
    (await tx.select({ email: users.email, name: users.name }).from(users).where(inArray(users.email, emails))).map(
      (u) => [u.email, u.name],
    ),
  );
}
