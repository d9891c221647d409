import 'server-only';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { transaction } from '@/db/client';
import { departments, users } from '@/db/schema';
import { first } from '@/db/rows';
import type { ActingUser } from '@/lib/auth/acting-user';
import { assertCan } from '@/lib/auth/permissions';
import { assertActiveEntry } from '@/lib/directory/directory.server';
import { NotFoundError } from '@/lib/errors';
import { logEvent } from '@/lib/events/log.server';
import { parseOrThrow, requiredId } from '@/lib/validation';

const DepartmentSchema = z.object({ departmentId: requiredId('department') });

/**
 * An admin moves a person to another (active) department. Their sessions stay open: the department
 * changes no permission, and the acting user is read afresh on every request.
 */
export async function changeDepartment(actor: ActingUser, userId: number, input: unknown): Promise<void> {
  assertCan(actor, 'user.manage');
  const { departmentId } = parseOrThrow(DepartmentSchema, input);
  await transaction(async (tx) => {
    const before = first(
      await tx
        .select({ departmentId: users.departmentId, name: departments.name })
        .from(users)
        .innerJoin(departments, eq(departments.id, users.departmentId))
        .where(eq(users.id, userId)),
    );
    if (!before) throw new NotFoundError('This person');
    if (before.departmentId === departmentId) return;
    await assertActiveEntry(tx, 'department', departmentId, 'departmentId');
    await tx.update(users).set({ departmentId }).where(eq(users.id, userId));
    await logEvent(tx, {
      actorId: actor.id,
      type: 'user.department_changed',
      subjectType: 'user',
      subjectId: userId,
      data: { changes: { departmentId: { from: before.departmentId, to: departmentId } } },
    });
  });
}
