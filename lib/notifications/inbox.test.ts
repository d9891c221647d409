import { transaction } from '@/db/client';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeDepartment, makeUser } from '@/db/factories';
import { ForbiddenError, NotFoundError } from '@/lib/errors';
import { db } from '@/lib/testing/db';
import { listNotifications, markAllRead, markRead, unreadCount } from './inbox.server';
import { notify } from './notify.server';
import type { TestUser } from '@/db/factories';

let alice: TestUser, bob: TestUser;

beforeAll(async () => {
  const departmentId = (await makeDepartment(db)).id;
  alice = await makeUser(db, { role: 'leader', departmentId });
  bob = await makeUser(db, { role: 'leader', departmentId });
});

async function tell(user: TestUser, title: string) {
  await transaction(async (tx) =>
    notify(tx, { userIds: [user.id], kind: 'question.answered', title, link: `/items/1#${encodeURIComponent(title)}` }),
  );
  return (await listNotifications(user, { limit: 1 }))[0];
}

describe('the inbox', () => {
  it('lists only the actor’s own notifications, newest first, with an unread count', async () => {
    await tell(alice, 'A1');
    await tell(alice, 'A2');
    await tell(bob, 'B1');
    expect((await listNotifications(alice)).map((n) => n.title)).toEqual(['A2', 'A1']);
    expect((await listNotifications(bob)).map((n) => n.title)).toEqual(['B1']);
    expect(await unreadCount(alice)).toBe(2);
    expect((await listNotifications(alice, { limit: 1 })).map((n) => n.title)).toEqual(['A2']);
  });

  it('marks one read, returns its link, and does not change its read time when read again', async () => {
    const n = await tell(alice, 'Read me');
    const before = await unreadCount(alice);
    const read = await markRead(alice, n.id);
    expect(read).toMatchObject({ id: n.id, link: '/items/1#Read%20me' });
    expect(read.readAt).not.toBeNull();
    expect(await unreadCount(alice)).toBe(before - 1);
    expect((await markRead(alice, n.id)).readAt).toBe(read.readAt);
  });

  it('refuses to mark someone else’s notification, and reports an unknown one as missing', async () => {
    const bobs = await tell(bob, 'Bob only');
    await expect(markRead(alice, bobs.id)).rejects.toThrow(ForbiddenError);
    expect((await listNotifications(bob)).find((n) => n.id === bobs.id)?.readAt).toBeNull();
    await expect(markRead(alice, 9_999_999)).rejects.toThrow(NotFoundError);
  });

  it('marks all of the actor’s notifications read, and nobody else’s', async () => {
    await tell(alice, 'A3');
    const bobUnread = await unreadCount(bob);
    expect(await markAllRead(alice)).toBeGreaterThan(0);
    expect(await unreadCount(alice)).toBe(0);
    expect(await unreadCount(bob)).toBe(bobUnread);
    expect(await markAllRead(alice)).toBe(0);
  });
});
