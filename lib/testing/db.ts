import { and, asc, eq } from 'drizzle-orm';
import { db, execute, rows } from '@/db/client';
import { expect } from 'vitest';
import { events, items } from '@/db/schema';
import { ValidationError } from '@/lib/errors';
import { makeUser } from '@/db/factories';
import type { Role } from '@/db/schema';
import { first } from '@/db/rows';

export { db, execute };

/** Tables whose size the tests compare before and after a refused write. */
type Counted = 'items' | 'events' | 'item_modules' | 'cycles' | 'themes' | 'login_attempts';

export async function countRows(table: Counted | (string & {})): Promise<number> {
  return Number((await rows<{ n: number | string }>(`select count(*) as n from ${table}`))[0].n);
}

/** Snapshot of row counts, to assert that a refused call wrote nothing. */
export async function rowCounts(): Promise<Record<Counted, number>> {
  const tables: Counted[] = ['items', 'events', 'item_modules', 'cycles', 'themes', 'login_attempts'];
  const counts: [Counted, number][] = [];
  for (const t of tables) counts.push([t, await countRows(t)]);
  return Object.fromEntries(counts) as Record<Counted, number>;
}

/** The audit events of one subject, oldest first. */
export async function eventsOf(subjectType: 'item' | 'cycle' | 'theme' | 'user' | 'meeting', subjectId: number) {
  return db
    .select()
    .from(events)
    .where(and(eq(events.subjectType, subjectType), eq(events.subjectId, subjectId)))
    .orderBy(asc(events.id));
}

/** A real user row with the given role (no password: hashing is slow). */
export function userWithRole(role: Role, opts: { departmentId?: number } = {}) {
  return makeUser(db, { role, ...opts });
}

/** Runs `fn`, expecting a ValidationError, and returns it for its field errors. */
export async function validationErrorOf(fn: () => unknown): Promise<ValidationError> {
  try {
    await fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return error as ValidationError;
  }
  throw new Error('expected a ValidationError, nothing was thrown');
}

export const readItem = async (id: number) => first(await db.select().from(items).where(eq(items.id, id)))!;
