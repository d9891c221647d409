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
  const departmentId = makeDepartment(db).id;
  alice = await makeUser(db, { role: 'leader', departmentId });
  bob = await makeUser(db, { role: 'leader', departmentId });
});

function tell(user: TestUser, title: string) {
  transaction((tx) =>
    notify(tx, { userIds: [user.id], kind: 'question.answered', title, link: `/items/1#${encodeURIComponent(title)}` }),
  );
  return listNotifications(user, { limit: 1 })[0];
}

describe('the inbox', () => {
  it('lists only the actor’s own notifications, newest first, with an unread count', () => {
    tell(alice, 'A1');
    tell(alice, 'A2');
    tell(bob, 'B1');
    expect(listNotifications(alice).map((n) => n.title)).toEqual(['A2', 'A1']);
    expect(listNotifications(bob).map((n) => n.title)).toEqual(['B1']);
    expect(unreadCount(alice)).toBe(2);
    expect(listNotifications(alice, { limit: 1 }).map((n) => n.title)).toEqual(['A2']);
  });

  it('marks one read, returns its link, and does not change its read time when read again', () => {
    const n = tell(alice, 'Read me');
    const before = unreadCount(alice);
    const read = markRead(alice, n.id);
    expect(read).toMatchObject({ id: n.id, link: '/items/1#Read%20me' });
    expect(read.readAt).not.toBeNull();
    expect(unreadCount(alice)).toBe(before - 1);
    expect(markRead(alice, n.id).readAt).toBe(read.readAt);
  });

  it('refuses to mark someone else’s notification, and reports an unknown one as missing', () => {
    const bobs = tell(bob, 'Bob only');
    expect(() => markRead(alice, bobs.id)).toThrow(ForbiddenError);
    expect(listNotifications(bob).find((n) => n.id === bobs.id)?.readAt).toBeNull();
    expect(() => markRead(alice, 9_999_999)).toThrow(NotFoundError);
  });

  it('marks all of the actor’s notifications read, and nobody else’s', () => {
    tell(alice, 'A3');
    const bobUnread = unreadCount(bob);
    expect(markAllRead(alice)).toBeGreaterThan(0);
    expect(unreadCount(alice)).toBe(0);
    expect(unreadCount(bob)).toBe(bobUnread);
    expect(markAllRead(alice)).toBe(0);
  });
});
