import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { items } from '@/db/schema';
import { conveneSession, respond } from '@/lib/changes/sessions.server';
import { raiseChangeRequest } from '@/lib/changes/requests.server';
import { changeInput, seedScheduledCycle } from '@/lib/changes/test-helpers';
import { startMeeting } from '@/lib/live-meeting/session.server';
import { distributePreread } from '@/lib/meetings/distribute.server';
import { plannedMeeting } from '@/lib/meetings/test-helpers';
import { openPreread } from '@/lib/prereads/read.server';
import { answerQuestion, askQuestion } from '@/lib/questions/questions.server';
import { db, userWithRole } from '@/lib/testing/db';
import { needsNow } from './needs-now.server';

const kinds = async (user: Parameters<typeof needsNow>[0]) => (await needsNow(user)).map((n) => [n.kind, n.href]);

describe('needsNow', () => {
  it('asks an attendee to read the pre-read, the sponsor to answer a question, then to join the live meeting', async () => {
    const { pm, leaders, meeting, items: agenda } = await plannedMeeting({ items: 2 });
    const sponsor = await userWithRole('requestor');
    await db.update(items).set({ sponsorId: sponsor.id }).where(eq(items.id, agenda[0].id));
    const outsider = await userWithRole('requestor');
    expect(await needsNow(outsider)).toEqual([]);

    await distributePreread(pm, meeting.id, { confirmLate: true });
    expect(await needsNow(leaders[0])).toMatchObject([
      { kind: 'preread', href: `/meetings/${meeting.id}/preread`, due: meeting.scheduledAt },
    ]);
    await openPreread(leaders[0], meeting.id);
    expect(await needsNow(leaders[0])).toEqual([]);

    const question = await askQuestion(leaders[0], meeting.id, agenda[0].id, 'Which identity providers?');
    expect(await needsNow(sponsor)).toMatchObject([
      { kind: 'answer', text: `Answer a question on "${agenda[0].title}"` },
    ]);
    await answerQuestion(sponsor, question.id, 'Okta.');
    expect(await needsNow(sponsor)).toEqual([]);

    await startMeeting(pm, meeting.id, { votesVisibility: 'live', weighted: false, confirm: ['early'] });
    expect(await kinds(leaders[1])).toEqual([['live', `/meetings/${meeting.id}`]]);
    expect((await needsNow(pm)).map((n) => n.kind)).toContain('live');
    expect(await needsNow(outsider)).toEqual([]);
  });

  it('asks an invited leader to respond until they do, and the pm to decide once the rule is met', async () => {
    const s = await seedScheduledCycle(db, { items: 6, periods: 3, leaders: 3 });
    const { changeRequest: cr } = await raiseChangeRequest(
      s.leaders[0],
      s.cycle.id,
      changeInput(s, { displaced: [{ itemId: s.itemIds[5], action: 'out' }] }),
    );
    const session = await conveneSession(s.pm, cr.id, { mode: 'async', inviteeIds: s.leaders.map((l) => l.id) });
    expect(await needsNow(s.leaders[1])).toMatchObject([
      { kind: 'respond', href: `/changes/${cr.id}`, due: session.deadline },
    ]);
    const decide = async () =>
      (await needsNow(s.pm)).filter((n) => n.kind === 'decide' && n.href === `/changes/${cr.id}`);
    expect(await decide()).toEqual([]);
    await respond(s.leaders[0], session.id, { response: 'assent' });
    await respond(s.leaders[1], session.id, { response: 'assent' });
    expect((await needsNow(s.leaders[1])).filter((n) => n.kind === 'respond')).toEqual([]);
    expect(await needsNow(s.leaders[2])).toMatchObject([{ kind: 'respond' }]);
    expect(await decide()).toMatchObject([{ text: `The rule is met: approve or decline "${cr.title}"` }]);
  });
});
