import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { outbox, ROLES } from '@/db/schema';
import { ConflictError, ForbiddenError, NotFoundError } from '@/lib/errors';
import { db, userWithRole } from '@/lib/testing/db';
import { OutboxFilterSchema, listOutbox, retryOutbox } from './outbox-admin.server';
import type { TestUser } from '@/db/factories';
import { first } from '@/db/rows';

let admin: TestUser;

beforeAll(async () => {
  admin = await userWithRole('admin');
});

async function queue(status: 'pending' | 'sent' | 'failed', over: Partial<typeof outbox.$inferInsert> = {}) {
  return (
    await db
      .insert(outbox)
      .values({
        toAddress: `${status}@example.test`,
        subject: 'S',
        text: 't',
        html: '<p>t</p>',
        status,
        attempts: status === 'failed' ? 3 : 0,
        nextAttemptAt: 0,
        createdAt: new Date().toISOString(),
        ...over,
      })
      .returning()
  )[0].id;
}
const row = async (id: number) => first(await db.select().from(outbox).where(eq(outbox.id, id)))!;

describe('the outbox for admins', () => {
  it.each(ROLES.filter((r) => r !== 'admin'))('is closed to a %s', async (role) => {
    const user = await userWithRole(role);
    await expect(listOutbox(user)).rejects.toThrow(ForbiddenError);
    await expect(retryOutbox(user, await queue('failed'))).rejects.toThrow(ForbiddenError);
  });

  it('lists newest first, filtered by status, with the last error', async () => {
    const sent = await queue('sent');
    const failed = await queue('failed', { lastError: '550 5.1.1 No such user here' });
    expect((await listOutbox(admin)).slice(0, 2).map((r) => r.id)).toEqual([failed, sent]);
    const onlyFailed = await listOutbox(admin, { status: 'failed' });
    expect(onlyFailed.every((r) => r.status === 'failed')).toBe(true);
    expect(onlyFailed.find((r) => r.id === failed)).toMatchObject({
      lastError: '550 5.1.1 No such user here',
      attempts: 3,
    });
  });

  it('reads the status filter from the query string, ignoring anything unknown', () => {
    expect(OutboxFilterSchema.parse({ status: 'failed' })).toEqual({ status: 'failed' });
    expect(OutboxFilterSchema.parse({ status: 'nonsense' })).toEqual({});
    expect(OutboxFilterSchema.parse({ status: ['sent', 'failed'] })).toEqual({});
    expect(OutboxFilterSchema.parse({})).toEqual({});
  });

  it('puts a failed mail back in the queue, due now, with a fresh attempt budget', async () => {
    const id = await queue('failed', { lastError: '554 rejected' });
    const before = Date.now();
    await retryOutbox(admin, id);
    expect(await row(id)).toMatchObject({ status: 'pending', attempts: 0, lastError: '554 rejected' });
    expect((await row(id)).nextAttemptAt).toBeGreaterThanOrEqual(before);
  });

  it('retries only failed mail, and reports an unknown id', async () => {
    const sent = await queue('sent');
    await expect(retryOutbox(admin, sent)).rejects.toThrow(ConflictError);
    expect((await row(sent)).status).toBe('sent');
    await expect(retryOutbox(admin, 9_999_999)).rejects.toThrow(NotFoundError);
  });
});
