import { beforeEach, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { notifications, outbox, type ChangeRequest } from '@/db/schema';
import { setEmailPrefs } from '@/lib/notifications/prefs.server';
import { db } from '@/lib/testing/db';
import { alertPassedDeadlines } from './pm-alerts.server';
import { raiseChangeRequest } from './requests.server';
import { conveneSession, respond } from './sessions.server';
import { changeInput, seedScheduledCycle, type ScheduledCycle } from './test-helpers';

const HOUR = 3_600_000;
const pmNotes = async (userId: number, kind: string) =>
  db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.kind, kind)));
const pmMail = async (userId: number, subjectPart: string) =>
  (await db.select().from(outbox).where(eq(outbox.toUserId, userId))).filter((m) => m.subject.includes(subjectPart));

let s: ScheduledCycle;
let cr: ChangeRequest;
beforeEach(async () => {
  s = await seedScheduledCycle(db, { items: 6, periods: 3, leaders: 3 });
  cr = (
    await raiseChangeRequest(
      s.leaders[0],
      s.cycle.id,
      changeInput(s, { displaced: [{ itemId: s.itemIds[5], action: 'out' }] }),
    )
  ).changeRequest;
});

describe('pm alerts on change requests', () => {
  it('tells the pm when a request is raised, in-app and by e-mail', async () => {
    expect(await pmNotes(s.pm.id, 'change.raised')).toMatchObject([
      { title: `Change request raised: "${cr.title}"`, link: `/changes/${cr.id}` },
    ]);
    expect(await pmMail(s.pm.id, 'Change request raised')).toHaveLength(1);
    // The leader who raised it is not a pm: nothing for them.
    expect(await pmNotes(s.leaders[0].id, 'change.raised')).toEqual([]);
  });

  it('tells the pm of each response, and once that the rule is met, per preferences', async () => {
    await setEmailPrefs(s.pm, { kinds: ['change.rule_met'] }); // responses in-app only
    const session = await conveneSession(s.pm, cr.id, {
      mode: 'async',
      inviteeIds: s.leaders.map((l) => l.id),
    });
    await respond(s.leaders[0], session.id, { response: 'assent' });
    expect(await pmNotes(s.pm.id, 'change.responded')).toHaveLength(1);
    expect(await pmNotes(s.pm.id, 'change.rule_met')).toEqual([]);

    await respond(s.leaders[1], session.id, { response: 'assent' }); // quorum 2 of 3, both assent: met
    await respond(s.leaders[0], session.id, { response: 'assent', comment: 'Still yes' }); // still met
    expect(await pmNotes(s.pm.id, 'change.responded')).toHaveLength(3);
    expect((await pmNotes(s.pm.id, 'change.responded'))[2].body).toContain('Comment: Still yes');
    expect(await pmNotes(s.pm.id, 'change.rule_met')).toMatchObject([
      { title: `The rule is met: approve or decline "${cr.title}"`, link: `/changes/${cr.id}` },
    ]);
    expect(await pmMail(s.pm.id, 'The rule is met')).toHaveLength(1);
    expect(await pmMail(s.pm.id, 'assented to')).toEqual([]);
  });

  it('tells the pm once when a response deadline passes', async () => {
    const now = new Date();
    const session = await conveneSession(
      s.pm,
      cr.id,
      {
        mode: 'async',
        inviteeIds: s.leaders.map((l) => l.id),
        deadline: new Date(now.getTime() + 2 * HOUR).toISOString(),
      },
      now,
    );
    expect(await alertPassedDeadlines(new Date(now.getTime() + HOUR))).not.toContain(session.id);
    expect(await pmNotes(s.pm.id, 'change.deadline_passed')).toEqual([]);

    const later = new Date(now.getTime() + 3 * HOUR);
    expect(await alertPassedDeadlines(later)).toContain(session.id);
    expect(await alertPassedDeadlines(later)).not.toContain(session.id);
    const [note] = await pmNotes(s.pm.id, 'change.deadline_passed');
    expect(await pmNotes(s.pm.id, 'change.deadline_passed')).toHaveLength(1);
    expect(note.title).toBe(`Responses are closed: decide "${cr.title}"`);
    const [mail] = await pmMail(s.pm.id, 'Responses are closed');
    expect(mail.text).toMatch(/The response deadline \(.+ UTC\) has passed\./);
  });
});
