import 'server-only';
import { eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { users, type SignInMethod } from '@/db/schema';

/** When and how a person last signed in, for the admin's people list. */
export async function recordSignIn(userId: number, method: SignInMethod, now = Date.now()): Promise<void> {
  await db.update(users).set({ lastSignInAt: now, lastSignInMethod: method }).where(eq(users.id, userId));
}
