import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { makeCycle, makeDepartment, makeItem, makeTheme } from '@/db/factories';
import { comments, notifications, outbox, type Item, type Meeting } from '@/db/schema';
import { ForbiddenError } from '@/lib/errors';
import { db, eventsOf, countRows, userWithRole, validationErrorOf } from '@/lib/testing/db';
import { makeDistributedPreread } from '@/lib/prereads/test-factories';
import { answerQuestion, askQuestion, resolveQuestion } from './questions.server';
import { listThreads } from './threads.server';
import type { TestUser } from '@/db/factories';
import { first } from '@/db/rows';
import { inOrder } from '@/lib/testing/in-order';

let pm: TestUser,
  otherPm: TestUser,
  leader: TestUser,
  observer: TestUser,
  sponsor: TestUser,
  sme: TestUser,
  outsider: TestUser;
let item: Item, offAgenda: Item, meeting: Meeting;

const count = (table: string) => countRows(table);
const counts = async () =>
  Object.fromEntries(
    await inOrder(['comments', 'notifications', 'outbox', 'events'], async (t) => [t, await count(t)]),
  );
const notified = async (kind: string, userId: number) =>
  db
    .select()
    .from(notifications)
    .where(and(eq(notifications.kind, kind), eq(notifications.userId, userId)));

beforeAll(async () => {
  const departmentId = (await makeDepartment(db, 'Sales')).id;
  [pm, otherPm, leader, observer, sponsor, outsider] = await inOrder(
    ['pm', 'pm', 'leader', 'leader', 'leader', 'leader'] as const,
    async (role) => userWithRole(role, { departmentId }),
  );
  sme = await userWithRole('engineer', { departmentId });
  const cycle = await makeCycle(db, { name: '2031-Q1' });
  const theme = await makeTheme(db, cycle.id, { name: 'Enterprise readiness' });
  // The SME is free text; written in another case than the user's name, it still resolves.
  item = await makeItem(db, {
    cycleId: cycle.id,
    themeId: theme.id,
    title: 'SAML single sign-on',
    requestorId: leader.id,
    departmentId,
    sponsorId: sponsor.id,
    sme: `  ${sme.name.toUpperCase()} `,
  });
  offAgenda = await makeItem(db, {
    cycleId: cycle.id,
    title: 'Not on the agenda',
    requestorId: leader.id,
    departmentId,
  });
  ({ meeting } = await makeDistributedPreread(db, {
    cycleId: cycle.id,
    facilitatorId: pm.id,
    itemIds: [item.id],
    attendees: [
      { userId: leader.id, role: 'voter' },
      { userId: observer.id, role: 'observer' },
    ],
  }));
});

describe('askQuestion', () => {
  it('records the question and tells the sponsor, the SME user, the facilitator and the pms — not the asker', async () => {
    const q = await askQuestion(leader, meeting.id, item.id, '  Which IdPs are in scope?  ');
    expect(q).toMatchObject({
      kind: 'question',
      body: 'Which IdPs are in scope?',
      authorId: leader.id,
      meetingId: meeting.id,
      itemId: item.id,
    });
    for (const who of [sponsor, sme, pm, otherPm]) {
      const [n] = (await notified('question.asked', who.id)).filter((r) => r.body.includes('Which IdPs'));
      expect(n, who.name).toMatchObject({ link: `/meetings/${meeting.id}/preread#item-${item.id}` });
      expect(n.title).toContain('SAML single sign-on');
      const mail = (await db.select().from(outbox).where(eq(outbox.toUserId, who.id))).find((m) =>
        m.text.includes('Which IdPs'),
      );
      expect(mail?.subject).toContain('2031-Q1');
      expect(mail?.text).toContain(`/meetings/${meeting.id}/preread#item-${item.id}`);
    }
    expect(await notified('question.asked', leader.id)).toHaveLength(0);
    expect((await eventsOf('item', item.id)).at(-1)).toMatchObject({
      type: 'question.asked',
      actorId: leader.id,
      data: { meetingId: meeting.id, questionId: q.id },
    });
  });

  it('lets observers and the facilitator ask, and never notifies the asker', async () => {
    await askQuestion(observer, meeting.id, item.id, 'Observer question');
    const q = await askQuestion(pm, meeting.id, item.id, 'Facilitator question');
    expect(q.authorId).toBe(pm.id);
    expect((await notified('question.asked', pm.id)).some((n) => n.body.includes('Facilitator question'))).toBe(false);
    expect((await notified('question.asked', otherPm.id)).some((n) => n.body.includes('Facilitator question'))).toBe(
      true,
    );
  });

  it('refuses a non-attendee with ForbiddenError and writes nothing', async () => {
    const before = await counts();
    await expect(askQuestion(outsider, meeting.id, item.id, 'Can I ask?')).rejects.toThrow(ForbiddenError);
    await expect(askQuestion(sponsor, meeting.id, item.id, 'The sponsor is not in the meeting')).rejects.toThrow(
      ForbiddenError,
    );
    expect(await counts()).toEqual(before);
  });

  it('after the deadline says why questions are closed', async () => {
    const late = new Date(new Date(meeting.questionsCloseAt).getTime() + 60_000);
    const before = await counts();
    const error = await validationErrorOf(() => askQuestion(leader, meeting.id, item.id, 'Too late?', late));
    expect(error.message).toMatch(
      /^Questions closed on \d{1,2} \w{3} \d{4}, \d\d:\d\d UTC: the meeting is close; raise it in the meeting instead\.$/,
    );
    expect(error.fieldErrors.body).toEqual([error.message]);
    expect(await counts()).toEqual(before);
  });

  it.each([
    ['a 20,000-character question', 'x'.repeat(20_000), 'Question must be at most 5,000 characters.'],
    ['an empty question', '   ', 'Write your question.'],
  ])('refuses %s and writes nothing', async (_label, body, message) => {
    const before = await counts();
    expect((await validationErrorOf(() => askQuestion(leader, meeting.id, item.id, body))).fieldErrors.body).toEqual([
      message,
    ]);
    expect(await counts()).toEqual(before);
  });

  it('accepts exactly 5,000 characters', async () => {
    expect((await askQuestion(leader, meeting.id, item.id, 'y'.repeat(5_000))).body).toHaveLength(5_000);
  });

  it('refuses an item that is not on the pre-read', async () => {
    expect(
      (await validationErrorOf(() => askQuestion(leader, meeting.id, offAgenda.id, 'Why not?'))).fieldErrors.body,
    ).toEqual(['This item is not on the pre-read.']);
  });

  it('stores HTML verbatim as text, and the e-mail escapes it', async () => {
    const body = '<script>alert("x")</script> & <b>bold</b>';
    const q = await askQuestion(leader, meeting.id, item.id, body);
    expect(first(await db.select().from(comments).where(eq(comments.id, q.id)))?.body).toBe(body);
    const mail = (await db.select().from(outbox).where(eq(outbox.toUserId, sponsor.id))).find((m) =>
      m.text.includes(body),
    );
    expect(mail?.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(mail?.html).not.toContain('<script>');
  });
});

describe('answerQuestion and resolveQuestion', () => {
  it('lets the SME (resolved from free text) and the sponsor answer; the asker is told', async () => {
    const q = await askQuestion(leader, meeting.id, item.id, 'What does it cost?');
    const a = await answerQuestion(sme, q.id, 'About six person-weeks.');
    expect(a).toMatchObject({
      kind: 'answer',
      parentId: q.id,
      authorId: sme.id,
      itemId: item.id,
      meetingId: meeting.id,
    });
    await answerQuestion(sponsor, q.id, 'And worth it.');
    const told = (await notified('question.answered', leader.id)).filter((n) => n.link.endsWith(`#item-${item.id}`));
    expect(told.map((n) => n.body)).toEqual(
      expect.arrayContaining([expect.stringContaining('About six'), expect.stringContaining('And worth it')]),
    );
    expect(
      (await db.select().from(outbox).where(eq(outbox.toUserId, leader.id))).some((m) =>
        m.text.includes('About six person-weeks.'),
      ),
    ).toBe(true);
  });

  it('refuses an unrelated leader, even one attending the meeting', async () => {
    const q = await askQuestion(leader, meeting.id, item.id, 'Anyone?');
    const before = await counts();
    await expect(answerQuestion(outsider, q.id, 'Me!')).rejects.toThrow(ForbiddenError);
    await expect(answerQuestion(observer, q.id, 'Me too')).rejects.toThrow(ForbiddenError);
    expect(await counts()).toEqual(before);
  });

  it('refuses an over-long answer', async () => {
    const q = await askQuestion(leader, meeting.id, item.id, 'Long answer?');
    expect((await validationErrorOf(() => answerQuestion(pm, q.id, 'z'.repeat(5_001)))).fieldErrors.body).toEqual([
      'Answer must be at most 5,000 characters.',
    ]);
  });

  it('the pm resolves; the asker is told; no more answers after that', async () => {
    const q = await askQuestion(leader, meeting.id, item.id, 'Resolve me');
    await expect(resolveQuestion(leader, q.id)).rejects.toThrow(ForbiddenError);
    await expect(resolveQuestion(sme, q.id)).rejects.toThrow(ForbiddenError);
    const resolved = await resolveQuestion(otherPm, q.id);
    expect(resolved).toMatchObject({ resolvedBy: otherPm.id });
    expect(resolved.resolvedAt).not.toBeNull();
    expect((await notified('question.resolved', leader.id)).length).toBeGreaterThan(0);
    const before = await counts();
    expect((await validationErrorOf(() => answerQuestion(sme, q.id, 'Late answer'))).message).toBe(
      'This question is resolved and closed to answers.',
    );
    expect((await validationErrorOf(() => resolveQuestion(pm, q.id))).message).toBe(
      'This question is already resolved.',
    );
    expect(await counts()).toEqual(before);
  });
});

describe('listThreads', () => {
  it('shows every question with its answers and what the viewer may do', async () => {
    const q = await askQuestion(leader, meeting.id, item.id, 'Thread question');
    await answerQuestion(sponsor, q.id, 'Thread answer');
    const find = async (viewer: TestUser) =>
      (await listThreads(db, meeting, [item.id], viewer))[item.id].find((t) => t.id === q.id)!;
    expect(await find(leader)).toMatchObject({
      body: 'Thread question',
      authorName: leader.name,
      authorDepartment: 'Sales',
      resolved: false,
      canAnswer: false,
      canResolve: false,
      answers: [{ body: 'Thread answer', authorName: sponsor.name }],
    });
    expect(await find(sme)).toMatchObject({ canAnswer: true, canResolve: false });
    expect(await find(pm)).toMatchObject({ canAnswer: true, canResolve: true });
    await resolveQuestion(pm, q.id);
    expect(await find(pm)).toMatchObject({ resolved: true, canAnswer: false, canResolve: false });
  });
});
