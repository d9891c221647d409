import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { outbox, ROLES } from '@/db/schema';
import { ConflictError, ForbiddenError, NotFoundError } from '@/lib/errors';
import { db, userWithRole } from '@/lib/testing/db';
import { OutboxFilterSchema, listOutbox, retryOutbox } from './outbox-admin.server';
import type { TestUser } from '@/db/factories';

let admin: TestUser;

beforeAll(async () => {
  admin = await userWithRole('admin');
});

function queue(status: 'pending' | 'sent' | 'failed', over: Partial<typeof outbox.$inferInsert> = {}) {
  return db
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
    .get().id;
}
const row = (id: number) => db.select().from(outbox).where(eq(outbox.id, id)).get()!;

describe('the outbox for admins', () => {
  it.each(ROLES.filter((r) => r !== 'admin'))('is closed to a %s', async (role) => {
    const user = await userWithRole(role);
    expect(() => listOutbox(user)).toThrow(ForbiddenError);
    expect(() => retryOutbox(user, queue('failed'))).toThrow(ForbiddenError);
  });

  it('lists newest first, filtered by status, with the last error', () => {
    const sent = queue('sent');
    const failed = queue('failed', { lastError: '550 5.1.1 No such user here' });
    expect(
      listOutbox(admin)
        .slice(0, 2)
        .map((r) => r.id),
    ).toEqual([failed, sent]);
    const onlyFailed = listOutbox(admin, { status: 'failed' });
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

  it('puts a failed mail back in the queue, due now, with a fresh attempt budget', () => {
    const id = queue('failed', { lastError: '554 rejected' });
    const before = Date.now();
    retryOutbox(admin, id);
    expect(row(id)).toMatchObject({ status: 'pending', attempts: 0, lastError: '554 rejected' });
    expect(row(id).nextAttemptAt).toBeGreaterThanOrEqual(before);
  });

  it('retries only failed mail, and reports an unknown id', () => {
    const sent = queue('sent');
    expect(() => retryOutbox(admin, sent)).toThrow(ConflictError);
    expect(row(sent).status).toBe('sent');
    expect(() => retryOutbox(admin, 9_999_999)).toThrow(NotFoundError);
  });
});
