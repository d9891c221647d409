import { beforeAll, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { makeDepartment, makeItem, type TestUser } from '@/db/factories';
import { notifications, outbox, type Item } from '@/db/schema';
import { ConflictError, ForbiddenError } from '@/lib/errors';
import { getRequest, listTriage, withdrawRequest } from '@/lib/requests/requests.server';
import { db, eventsOf, readItem, rowCounts, userWithRole, validationErrorOf } from '@/lib/testing/db';
import { inOrder } from '@/lib/testing/in-order';
import { askForInformation, declineRequest, resubmitRequest, resubmittedIds } from './triage.server';

let pm: TestUser, engineer: TestUser, ann: TestUser, ben: TestUser;
let departmentId: number;

beforeAll(async () => {
  departmentId = (await makeDepartment(db)).id;
  [pm, engineer, ann, ben] = await inOrder(['pm', 'engineer', 'requestor', 'requestor'] as const, async (role) =>
    userWithRole(role, { departmentId }),
  );
});

const request = (over: Partial<Item> = {}) =>
  makeItem(db, { cycleId: null, departmentId, requestorId: ann.id, status: 'submitted', ...over });

const lastNote = async (userId: number) =>
  (await db.select().from(notifications).where(eq(notifications.userId, userId)).orderBy(asc(notifications.id))).at(-1);

describe('declineRequest', () => {
  it('rejects the request with the reason, logs it, tells the requestor, who reads the reason at once', async () => {
    const item = await request();
    await declineRequest(pm, item.id, {
      reason: 'We already offer this in the partner portal.',
      version: item.version,
    });
    expect(await readItem(item.id)).toMatchObject({
      status: 'rejected',
      decisionReason: 'We already offer this in the partner portal.',
    });
    expect((await eventsOf('item', item.id)).at(-1)).toMatchObject({ type: 'request.declined', actorId: pm.id });
    expect(await lastNote(ann.id)).toMatchObject({ kind: 'request.triaged', link: `/requests/${item.id}` });
    const mail = (await db.select().from(outbox).where(eq(outbox.toUserId, ann.id))).at(-1)!;
    expect(mail.text).toContain('We already offer this in the partner portal.');
    // Not a meeting decision: the requestor is not shown "under review".
    const seen = await getRequest(ann, item.id);
    expect(seen.item).toMatchObject({
      status: 'rejected',
      decisionReason: 'We already offer this in the partner portal.',
    });
  });

  it.each([
    ['no reason', { reason: '  ' }, 'reason'],
    ['a reason over 2,000 characters', { reason: 'r'.repeat(2_001) }, 'reason'],
    ['no version', { version: '' }, 'version'],
  ])('refuses %s with a field error and writes nothing', async (_label, over, field) => {
    const item = await request();
    const before = await rowCounts();
    const error = await validationErrorOf(() =>
      declineRequest(pm, item.id, { reason: 'Out of scope.', version: item.version, ...over }),
    );
    expect(error.fieldErrors[field]).toHaveLength(1);
    expect(await rowCounts()).toEqual(before);
  });

  it('refuses someone without triage rights, a stale version and a request already triaged', async () => {
    const item = await request();
    await expect(declineRequest(engineer, item.id, { reason: 'No.', version: item.version })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(declineRequest(pm, item.id, { reason: 'No.', version: item.version + 1 })).rejects.toBeInstanceOf(
      ConflictError,
    );
    const curated = await request({ status: 'curated' });
    const error = await validationErrorOf(() => declineRequest(pm, curated.id, { reason: 'No.', version: 1 }));
    expect(error.fieldErrors.status).toEqual(['This request is no longer waiting for triage.']);
    expect((await readItem(item.id)).status).toBe('submitted');
  });
});

describe('asking for more information, and resubmitting', () => {
  it('goes needs_info with the question, back to submitted when the requestor resubmits, marked resubmitted', async () => {
    const item = await request({ title: 'Faster export' });
    const asked = await askForInformation(pm, item.id, { question: 'Which export?', version: item.version });
    expect(await readItem(item.id)).toMatchObject({ status: 'needs_info', infoRequest: 'Which export?' });
    expect((await lastNote(ann.id))?.title).toContain('needs more information');
    expect((await listTriage(pm)).map((r) => r.id)).not.toContain(item.id);
    expect((await getRequest(ann, item.id)).item).toMatchObject({ status: 'needs_info', infoRequest: 'Which export?' });

    await expect(
      resubmitRequest(ben, item.id, { title: 'Mine now', description: 'x', departmentId, version: asked.version }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await resubmitRequest(ann, item.id, {
      title: 'Faster CSV export of the backlog',
      description: 'The CSV export of the backlog takes a minute.',
      businessBenefit: '',
      departmentId,
      version: asked.version,
    });
    expect(await readItem(item.id)).toMatchObject({
      status: 'submitted',
      infoRequest: null,
      title: 'Faster CSV export of the backlog',
    });
    expect((await eventsOf('item', item.id)).map((e) => e.type).slice(-2)).toEqual([
      'request.info_requested',
      'request.resubmitted',
    ]);
    expect((await listTriage(pm)).map((r) => r.id)).toContain(item.id);
    expect(await resubmittedIds([item.id, (await request()).id])).toEqual(new Set([item.id]));
  });

  it('refuses an empty question and a resubmission of a request not waiting, writing nothing', async () => {
    const item = await request();
    const before = await rowCounts();
    const error = await validationErrorOf(() =>
      askForInformation(pm, item.id, { question: '', version: item.version }),
    );
    expect(error.fieldErrors.question).toHaveLength(1);
    const notWaiting = await validationErrorOf(() =>
      resubmitRequest(ann, item.id, { title: 'T', description: 'D', departmentId, version: item.version }),
    );
    expect(notWaiting.fieldErrors.status).toHaveLength(1);
    expect(await rowCounts()).toEqual(before);
  });

  it('lets the requestor withdraw a request that needs information', async () => {
    const item = await request({ status: 'needs_info', infoRequest: 'Who needs it?' });
    await withdrawRequest(ann, item.id);
    expect((await readItem(item.id)).status).toBe('withdrawn');
  });
});
