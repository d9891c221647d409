import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { makeItem } from '@/db/factories';
import { items, notifications, outbox, prereadUpdates, type PrereadSnapshot, type SnapshotItem } from '@/db/schema';
import { ConflictError } from '@/lib/errors';
import { db, validationErrorOf } from '@/lib/testing/db';
import { setAgenda } from './agenda.server';
import { diffSnapshots, summariseDiff } from './diff';
import { distributePreread, sendPrereadUpdate } from './distribute.server';
import { updateMeeting } from './meetings.server';
import { meetingInput, meetingRowCounts, plannedMeeting } from './test-helpers';

const item = (over: Partial<SnapshotItem> = {}): SnapshotItem => ({
  id: 1,
  title: 'SSO',
  description: 'd',
  businessBenefit: 'b',
  estimate: 'M',
  effectiveWeeks: 3,
  sme: 'Sam',
  sponsor: 'Sue',
  requestor: 'Rob',
  department: 'Sales',
  kind: 'feature',
  modules: ['Identity'],
  themeId: 1,
  theme: 'Enterprise',
  version: 1,
  ...over,
});
const snapshot = (list: SnapshotItem[], over: Partial<PrereadSnapshot['meeting']> = {}): PrereadSnapshot => ({
  meeting: {
    title: 'Q1',
    scheduledAt: '2027-01-14T15:00:00.000Z',
    durationMinutes: 90,
    location: 'Room 4',
    facilitator: 'Priya',
    ...over,
  },
  cycle: { id: 1, name: '2027-Q1', capacityWeeks: 60 },
  themes: [{ id: 1, name: 'Enterprise', keyOutcome: 'k' }],
  items: list,
});

describe('diffSnapshots', () => {
  it('reports added, removed and changed items field by field, and a reordering', () => {
    const before = snapshot([item(), item({ id: 2, title: 'Audit log' }), item({ id: 3, title: 'Dark mode' })]);
    const after = snapshot([
      item({ id: 3, title: 'Dark mode' }),
      item({ estimate: 'L', effectiveWeeks: 6, kind: 'tech_debt', modules: ['Admin', 'Identity'], description: 'new' }),
      item({ id: 4, title: 'Usage pricing' }),
    ]);
    const d = diffSnapshots(before, after);
    expect(d.added.map((i) => i.id)).toEqual([4]);
    expect(d.removed.map((i) => i.id)).toEqual([2]);
    expect(d.changed).toEqual([
      {
        id: 1,
        title: 'SSO',
        changes: [
          { field: 'description', label: 'description', before: 'd', after: 'new' },
          { field: 'estimate', label: 'estimate', before: 'M', after: 'L' },
          { field: 'kind', label: 'kind', before: 'Feature', after: 'Tech debt' },
          { field: 'modules', label: 'modules', before: 'Identity', after: 'Admin, Identity' },
        ],
      },
    ]);
    expect(d.reordered).toBe(true);
    expect(summariseDiff(d)).toEqual([
      'Added: Usage pricing',
      'Removed: Audit log',
      'Changed description of SSO',
      'Changed estimate of SSO: M → L',
      'Changed kind of SSO: Feature → Tech debt',
      'Changed modules of SSO: Identity → Admin, Identity',
      'Changed the order of the agenda',
    ]);
  });

  it('sees no change in identical snapshots, a new version alone, or modules in another order', () => {
    const d = diffSnapshots(
      snapshot([item({ modules: ['A', 'B'] })]),
      snapshot([item({ version: 5, modules: ['B', 'A'] })]),
    );
    expect(summariseDiff(d)).toEqual([]);
  });

  it('reports a size whose weeks changed, a renamed item by its old title, and a moved meeting', () => {
    const d = diffSnapshots(
      snapshot([item()]),
      snapshot([item({ effectiveWeeks: 4, title: 'SAML SSO', sponsor: null })], {
        scheduledAt: '2027-01-15T09:00:00.000Z',
      }),
    );
    expect(summariseDiff(d)).toEqual([
      "Changed the meeting's date: Thursday 14 January 2027, 15:00 UTC → Friday 15 January 2027, 09:00 UTC",
      'Changed title of SSO: SSO → SAML SSO',
      'Changed estimate of SSO: M (3 pw) → M (4 pw)',
      'Changed sponsor of SSO: Sue → (none)',
    ]);
  });
});

describe('sendPrereadUpdate', () => {
  it('refuses before distribution, and when nothing changed, writing nothing', async () => {
    const { pm, meeting } = await plannedMeeting();
    await expect(sendPrereadUpdate(pm, meeting.id)).rejects.toThrow(ConflictError);
    await distributePreread(pm, meeting.id, {});
    const before = await meetingRowCounts();
    expect((await validationErrorOf(() => sendPrereadUpdate(pm, meeting.id))).message).toBe(
      'Nothing has changed since the pre-read.',
    );
    expect(await meetingRowCounts()).toEqual(before);
  });

  it('stores a summary of the changes and tells every attendee; the next update compares with it', async () => {
    const { pm, leaders, cycle, items: agenda, meeting } = await plannedMeeting();
    await distributePreread(pm, meeting.id, {});
    const extra = await makeItem(db, {
      cycleId: cycle.id,
      title: 'Late addition',
      estimateSize: 'S',
      requestorId: pm.id,
      departmentId: pm.departmentId,
    });
    await db.update(items).set({ estimateSize: 'L', version: 2 }).where(eq(items.id, agenda[0].id));
    await setAgenda(pm, meeting.id, [agenda[0].id, extra.id]);

    const result = await sendPrereadUpdate(pm, meeting.id);
    expect(result.summary).toEqual([
      'Added: Late addition',
      'Removed: Agenda item 2',
      'Changed estimate of Agenda item 1: M → L',
    ]);
    expect((await db.select().from(prereadUpdates)).at(-1)!.snapshot.items.map((i) => i.id)).toEqual([
      agenda[0].id,
      extra.id,
    ]);

    const notes = await db.select().from(notifications).where(eq(notifications.kind, 'preread.updated'));
    expect(notes.map((n) => n.userId).sort()).toEqual(leaders.map((l) => l.id).sort());
    expect(notes[0].body).toContain('Added: Late addition');
    const mail = (await db.select().from(outbox).where(eq(outbox.toUserId, leaders[0].id))).at(-1)!;
    expect(mail.subject).toBe(`[Quorum · ${cycle.name}] Pre-read updated: Q1 prioritisation`);
    expect(mail.text).toContain('• Changed estimate of Agenda item 1: M → L');
    expect(mail.ics).toBeNull();

    expect((await validationErrorOf(() => sendPrereadUpdate(pm, meeting.id))).message).toBe(
      'Nothing has changed since the pre-read.',
    );
  });

  it('attaches a new invitation when the meeting moved', async () => {
    const { pm, leaders, meeting } = await plannedMeeting();
    await distributePreread(pm, meeting.id, {});
    const moved = new Date(Date.parse(meeting.scheduledAt) + 3_600_000).toISOString();
    await updateMeeting(pm, meeting.id, meetingInput(pm.id, { scheduledAt: moved }));
    expect((await sendPrereadUpdate(pm, meeting.id)).summary[0]).toMatch(
      /^Changed the meeting's date: .* UTC → .* UTC$/,
    );
    const mail = (await db.select().from(outbox).where(eq(outbox.toUserId, leaders[0].id))).at(-1)!;
    expect(mail.ics).toContain('SEQUENCE:1');
  });
});
