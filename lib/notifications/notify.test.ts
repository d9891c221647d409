import { transaction } from '@/db/client';
import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { makeDepartment, makeUser } from '@/db/factories';
import { notifications, outbox } from '@/db/schema';
import { db } from '@/lib/testing/db';
import { composeEmail } from './email.server';
import { notify, type NotifyInput } from './notify.server';
import { setEmailPrefs } from './prefs.server';
import type { TestUser } from '@/db/factories';

let alice: TestUser, bob: TestUser, gone: TestUser;

beforeAll(async () => {
  const departmentId = (await makeDepartment(db)).id;
  alice = await makeUser(db, { role: 'leader', departmentId, name: 'Alice' });
  bob = await makeUser(db, { role: 'leader', departmentId, name: 'Bob' });
  gone = await makeUser(db, { role: 'leader', departmentId, active: false });
});

const inApp = async (userId: number) => db.select().from(notifications).where(eq(notifications.userId, userId));
const mailTo = async (userId: number) => db.select().from(outbox).where(eq(outbox.toUserId, userId));
const counts = () => ({ notifications: db.$count(notifications), outbox: db.$count(outbox) });

const distributed = async (over: Partial<NotifyInput> = {}): Promise<NotifyInput> => ({
  userIds: [alice.id, bob.id],
  kind: 'preread.distributed',
  title: 'The 2027-Q1 pre-read is out',
  body: 'Meeting on 17 January.',
  link: '/cycles/1/preread',
  email: (r) =>
    composeEmail({
      cycleName: '2027-Q1',
      heading: `Hello ${r.name}, the pre-read is out`,
      lines: ['Read it before the meeting.'],
      action: { label: 'Open the pre-read', path: '/cycles/1/preread' },
      ics: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR',
    }),
  ...over,
});

describe('notify', () => {
  it('writes an in-app notification and a personal, due e-mail for each active recipient', async () => {
    const before = Date.now();
    await transaction(async (tx) => notify(tx, await distributed()));
    for (const user of [alice, bob]) {
      expect(await inApp(user.id)).toMatchObject([
        { kind: 'preread.distributed', title: 'The 2027-Q1 pre-read is out', link: '/cycles/1/preread', readAt: null },
      ]);
      const [mail] = await mailTo(user.id);
      expect(mail).toMatchObject({
        toAddress: user.email,
        status: 'pending',
        attempts: 0,
        ics: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR',
      });
      expect(mail.subject).toBe(`[Quorum · 2027-Q1] Hello ${user.name}, the pre-read is out`);
      expect(mail.nextAttemptAt).toBeGreaterThanOrEqual(before);
      expect(mail.text).toContain('/cycles/1/preread');
    }
  });

  it('keeps the in-app notification but sends no e-mail when the recipient turned this kind off', async () => {
    const carol = await makeUser(db, { role: 'leader' });
    await setEmailPrefs(carol, { kinds: ['question.asked'] }); // every other kind is now off
    await transaction(async (tx) => notify(tx, await distributed({ userIds: [carol.id], kind: 'preread.updated' })));
    expect(await inApp(carol.id)).toHaveLength(1);
    expect(await mailTo(carol.id)).toHaveLength(0);

    await transaction(async (tx) => notify(tx, await distributed({ userIds: [carol.id], kind: 'question.asked' })));
    expect(await inApp(carol.id)).toHaveLength(2);
    expect(await mailTo(carol.id)).toHaveLength(1);
  });

  it('gives a deactivated user nothing, in-app or by e-mail', async () => {
    await transaction(async (tx) => notify(tx, await distributed({ userIds: [gone.id] })));
    expect(await inApp(gone.id)).toHaveLength(0);
    expect(await mailTo(gone.id)).toHaveLength(0);
  });

  it('writes no outbox row for in-app-only notifications, and one per person for duplicate ids', async () => {
    const dave = await makeUser(db, { role: 'leader' });
    await transaction(async (tx) => notify(tx, await distributed({ userIds: [dave.id, dave.id], email: undefined })));
    expect(await inApp(dave.id)).toHaveLength(1);
    expect(await mailTo(dave.id)).toHaveLength(0);
  });

  it('rolls back with the caller’s transaction when the change that caused it fails', async () => {
    const before = counts();
    await expect(
      transaction(async (tx) => {
        await notify(tx, await distributed());
        throw new Error('the distribution failed after notifying');
      }),
    ).rejects.toThrow('the distribution failed');
    expect(counts()).toEqual(before);
  });
});
