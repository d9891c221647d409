import { beforeAll, describe, expect, it } from 'vitest';
import { followUpAll } from '@/lib/live-meeting/test-ending';
import { eq } from 'drizzle-orm';
import { transaction } from '@/db/client';
import { items, notifications, type Notification } from '@/db/schema';
import type { ActingUser } from '@/lib/auth/acting-user';
import { loadItem, patchItem } from '@/lib/backlog/items.server';
import { approveChangeRequest } from '@/lib/changes/decide.server';
import { getChangeRequest } from '@/lib/changes/details.server';
import { raiseChangeRequest } from '@/lib/changes/requests.server';
import { conveneSession, respond } from '@/lib/changes/sessions.server';
import { alertPassedDeadlines } from '@/lib/changes/pm-alerts.server';
import { changeInput, seedScheduledCycle } from '@/lib/changes/test-helpers';
import { recordDecision } from '@/lib/live-meeting/decisions.server';
import { endMeeting, startMeeting } from '@/lib/live-meeting/session.server';
import { distributePreread, sendPrereadUpdate } from '@/lib/meetings/distribute.server';
import { remindUnread } from '@/lib/meetings/reminders.server';
import { plannedMeeting } from '@/lib/meetings/test-helpers';
import { publishOutcome } from '@/lib/outcome/publish.server';
import { cycleOutcome } from '@/lib/outcome/report.server';
import { openPreread } from '@/lib/prereads/read.server';
import { answerQuestion, askQuestion, resolveQuestion } from '@/lib/questions/questions.server';
import { getRequest } from '@/lib/requests/requests.server';
import { moveDelivery } from '@/lib/schedule/entries.server';
import { raiseFlag } from '@/lib/schedule/flags.server';
import { publishSchedule } from '@/lib/schedule/publish.server';
import { getSchedule } from '@/lib/schedule/schedule.server';
import { db, userWithRole } from '@/lib/testing/db';
import { listNotifications } from './inbox.server';
import { NOTIFICATION_KIND_LABELS } from './kinds';
import { loadActiveUser } from '@/lib/auth/active-user.server';
import { inOrder } from '@/lib/testing/in-order';
import { getDemo } from '@/lib/demos/read.server';
import { demoNotificationScene } from '@/lib/demos/test-helpers';
import { makeCycle, makeItem } from '@/db/factories';
import { mergeItems } from '@/lib/curation/merge.server';
import { declineRequest } from '@/lib/curation/triage.server';
import { closeCycle } from '@/lib/review/close.server';
import { disposeUndelivered } from '@/lib/review/dispose.server';
import { reviewedCycle } from '@/lib/review/test-review';

/**
 * Every notification leads somewhere its recipient may open: for each kind, made by the real lib
 * functions, the read function behind its link is called as the recipient and must not refuse.
 */

/** The lib read behind each link the app sends (what the page at that path calls). */
function openLink(user: ActingUser, link: string): unknown {
  const path = link.split('#')[0];
  const id = (re: RegExp) => Number(re.exec(path)?.[1]);
  if (/^\/meetings\/\d+\/preread$/.test(path)) return openPreread(user, id(/^\/meetings\/(\d+)/));
  if (/^\/cycles\/\d+\/outcome$/.test(path)) return cycleOutcome(user, id(/^\/cycles\/(\d+)/));
  if (/^\/cycles\/\d+\/schedule$/.test(path)) return getSchedule(user, id(/^\/cycles\/(\d+)/));
  if (/^\/changes\/\d+$/.test(path)) return getChangeRequest(user, id(/^\/changes\/(\d+)/));
  if (/^\/requests\/\d+$/.test(path)) return getRequest(user, id(/^\/requests\/(\d+)/));
  if (/^\/demos\/\d+$/.test(path)) return getDemo(user, id(/^\/demos\/(\d+)/));
  if (path === '/notifications') return listNotifications(user);
  throw new Error(`No read function is known for the link ${link}`);
}

async function recipient(userId: number): Promise<ActingUser> {
  return (await loadActiveUser(userId))!;
}

/** A meeting through pre-read, questions, decisions and a published outcome, with outsiders answering. */
async function meetingScene() {
  const { pm, leaders, meeting, cycle, items: agenda } = await plannedMeeting({ items: 2 });
  const [rosa, sponsor, sme] = await Promise.all([
    userWithRole('requestor'),
    userWithRole('requestor'),
    userWithRole('requestor'),
  ]);
  await db
    .update(items)
    .set({ requestorId: rosa.id, sponsorId: sponsor.id, sme: sme.name })
    .where(eq(items.id, agenda[0].id));
  await distributePreread(pm, meeting.id, { confirmLate: true });
  await transaction(async (tx) => patchItem(tx, pm, await loadItem(tx, agenda[1].id), { title: 'A better title' }));
  await sendPrereadUpdate(pm, meeting.id);
  await remindUnread(pm, meeting.id);
  const question = await askQuestion(leaders[0], meeting.id, agenda[0].id, 'Which identity providers?');
  await answerQuestion(sponsor, question.id, 'Okta and Entra.');
  await resolveQuestion(pm, question.id);
  await startMeeting(pm, meeting.id, { votesVisibility: 'live', weighted: false, confirm: ['no_preread', 'early'] });
  await recordDecision(pm, meeting.id, agenda[0].id, { outcome: 'rejected', reason: 'Not now', note: 'n' });
  await endMeeting(pm, meeting.id, await followUpAll(meeting.id));
  await publishOutcome(pm, cycle.id);
}

/** A published schedule, a flag on it, and an approved change request that moves a requestor's item out. */
async function scheduleScene() {
  const s = await seedScheduledCycle(db, { items: 6, periods: 3, leaders: 3 });
  await publishSchedule(s.pm, s.cycle.id);
  await raiseFlag(s.requestor, s.itemIds[0], { kind: 'question', body: 'When does it ship?' });
  await moveDelivery(s.pm, s.itemIds[1], 'in_delivery');
  const { changeRequest } = await raiseChangeRequest(
    s.leaders[0],
    s.cycle.id,
    changeInput(s, { displaced: [{ itemId: s.itemIds[5], action: 'out' }] }),
  );
  const session = await conveneSession(s.pm, changeRequest.id, {
    mode: 'async',
    inviteeIds: s.leaders.map((l) => l.id),
  });
  await respond(s.leaders[0], session.id, { response: 'assent' });
  await respond(s.leaders[1], session.id, { response: 'assent' });
  await approveChangeRequest(s.pm, changeRequest.id);
  // A second request whose response deadline passes unanswered: the pms are alerted.
  const late = await raiseChangeRequest(
    s.leaders[1],
    s.cycle.id,
    changeInput(s, { displaced: [{ itemId: s.itemIds[4], action: 'out' }] }),
  );
  await conveneSession(s.pm, late.changeRequest.id, { mode: 'async', inviteeIds: s.leaders.map((l) => l.id) });
  await alertPassedDeadlines(new Date(Date.now() + 30 * 86_400_000));
  return s;
}

/** Triage declines one request and merges another into a backlog item's duplicate. */
async function curationScene() {
  const pm = await userWithRole('pm');
  const [rosa, ben] = await inOrder(['requestor', 'requestor'] as const, (role) => userWithRole(role));
  const cycle = await makeCycle(db);
  const request = {
    departmentId: rosa.departmentId,
    requestorId: rosa.id,
    cycleId: null,
    status: 'submitted' as const,
  };
  const declined = await makeItem(db, request);
  await declineRequest(pm, declined.id, { reason: 'Out of scope.', version: declined.version });
  const [survivor, merged] = await inOrder([rosa, ben], (u) =>
    makeItem(db, { departmentId: u.departmentId, requestorId: u.id, cycleId: cycle.id }),
  );
  await mergeItems(pm, {
    survivorId: survivor.id,
    mergedId: merged.id,
    survivorVersion: survivor.version,
    mergedVersion: merged.version,
  });
}

/** A closed cycle whose undelivered item is dropped: its requestor is told. */
async function reviewScene() {
  const r = await reviewedCycle();
  await closeCycle(r.pm, r.cycle.id);
  const choices = [{ itemId: String(r.below.id), choice: 'drop', reason: 'No longer needed' }];
  await disposeUndelivered(r.pm, r.cycle.id, { targetCycleId: '', choices });
}

let sent: Notification[];

beforeAll(async () => {
  await meetingScene();
  await scheduleScene();
  await demoNotificationScene();
  await curationScene();
  await reviewScene();
  sent = await db.select().from(notifications);
});

describe('notification links', () => {
  it.each(Object.keys(NOTIFICATION_KIND_LABELS))('every %s notification opens for its recipient', async (kind) => {
    const ofKind = sent.filter((n) => n.kind === kind);
    expect(ofKind.length).toBeGreaterThan(0);
    for (const n of ofKind) {
      const user = await recipient(n.userId);
      expect(() => openLink(user, n.link), `${kind} to ${user.role} #${user.id}: ${n.link}`).not.toThrow();
    }
  });

  it('covers requestors and outsiders, not only the backlog roles', async () => {
    const roles = new Set(await inOrder(sent, async (n) => (await recipient(n.userId)).role));
    expect(roles).toContain('requestor');
  });
});
