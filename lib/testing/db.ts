import { and, asc, eq } from 'drizzle-orm';
import { db, sqlite } from '@/db/client';
import { expect } from 'vitest';
import { events, items } from '@/db/schema';
import { ValidationError } from '@/lib/errors';
import { makeUser } from '@/db/factories';
import type { Role } from '@/db/schema';

export { db, sqlite };

/** Tables whose size the tests compare before and after a refused write. */
type Counted = 'items' | 'events' | 'item_modules' | 'cycles' | 'themes' | 'login_attempts';

export function countRows(table: Counted): number {
  return (sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
}

/** Snapshot of row counts, to assert that a refused call wrote nothing. */
export function rowCounts(): Record<Counted, number> {
  const tables: Counted[] = ['items', 'events', 'item_modules', 'cycles', 'themes', 'login_attempts'];
  return Object.fromEntries(tables.map((t) => [t, countRows(t)])) as Record<Counted, number>;
}

/** The audit events of one subject, oldest first. */
export function eventsOf(subjectType: 'item' | 'cycle' | 'theme' | 'user' | 'meeting', subjectId: number) {
  return db
    .select()
    .from(events)
    .where(and(eq(events.subjectType, subjectType), eq(events.subjectId, subjectId)))
    .orderBy(asc(events.id))
    .all();
}

/** A real user row with the given role (no password: hashing is slow). */
export function userWithRole(role: Role, opts: { departmentId?: number } = {}) {
  return makeUser(db, { role, ...opts });
}

/** Runs `fn`, expecting a ValidationError, and returns it for its field errors. */
export function validationErrorOf(fn: () => unknown): ValidationError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return error as ValidationError;
  }
  throw new Error('expected a ValidationError, nothing was thrown');
}

export const readItem = (id: number) => db.select().from(items).where(eq(items.id, id)).get()!;
