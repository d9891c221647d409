import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { makeCycle, makeItem, makeUser } from '@/db/factories';
import { meetings } from '@/db/schema';
import { ConflictError, ForbiddenError, NotFoundError } from '@/lib/errors';
import { db, userWithRole, validationErrorOf } from '@/lib/testing/db';
import { defaultAgendaOrder, getAgendaEditor, setAgenda, summariseAgenda } from './agenda.server';
import { getAttendeePlan, setAttendees, votersOnlyMessage } from './attendees.server';
import { createMeeting, getMeetingOverview, listMeetings, updateMeeting } from './meetings.server';
import { DAY, meetingInput, meetingRowCounts, plannedMeeting } from './test-helpers';

describe('createMeeting', () => {
  it('stores times in UTC and defaults the duration and the questions deadline', async () => {
    const pm = await userWithRole('pm');
    const cycle = await makeCycle(db);
    const m = await createMeeting(
      pm,
      cycle.id,
      meetingInput(pm.id, { scheduledAt: '2099-01-14T16:00:00+01:00', durationMinutes: '' }),
    );
    expect(m).toMatchObject({
      scheduledAt: '2099-01-14T15:00:00.000Z',
      durationMinutes: 90,
      questionsCloseAt: '2099-01-13T15:00:00.000Z',
      status: 'scheduled',
    });
  });

  it.each([
    [
      'a date in the past',
      { scheduledAt: new Date(Date.now() - DAY).toISOString() },
      'scheduledAt',
      'The meeting date must be in the future.',
    ],
    [
      'a date without an offset',
      { scheduledAt: '2099-01-14T15:00' },
      'scheduledAt',
      'Enter the meeting date and time.',
    ],
    ['an empty title', { title: ' ' }, 'title', 'Title is required.'],
    ['a title of 121 characters', { title: 'x'.repeat(121) }, 'title', 'Title must be at most 120 characters.'],
    ['a 10-minute meeting', { durationMinutes: '10' }, 'durationMinutes', 'Duration must be at least 15 minutes.'],
    [
      'a 9-hour meeting',
      { durationMinutes: '540' },
      'durationMinutes',
      'Duration must be at most 480 minutes (8 hours).',
    ],
    ['a long location', { location: 'x'.repeat(201) }, 'location', 'Location must be at most 200 characters.'],
    [
      'questions closing after the meeting',
      { scheduledAt: '2099-01-14T15:00:00Z', questionsCloseAt: '2099-01-15T15:00:00Z' },
      'questionsCloseAt',
      'Questions must close before the meeting starts.',
    ],
  ])('refuses %s and writes nothing', async (_label, over, field, message) => {
    const pm = await userWithRole('pm');
    const cycle = await makeCycle(db);
    const before = await meetingRowCounts();
    expect(
      (await validationErrorOf(() => createMeeting(pm, cycle.id, meetingInput(pm.id, over)))).fieldErrors[field],
    ).toEqual([message]);
    expect(await meetingRowCounts()).toEqual(before);
  });

  it('refuses a facilitator who is a requestor or deactivated', async () => {
    const pm = await userWithRole('pm');
    const cycle = await makeCycle(db);
    const requestor = await userWithRole('requestor');
    const gone = await makeUser(db, { role: 'leader', active: false });
    for (const f of [requestor, gone]) {
      expect(
        (await validationErrorOf(() => createMeeting(pm, cycle.id, meetingInput(f.id)))).fieldErrors.facilitatorId,
      ).toEqual(['Choose an active pm, admin or leader as the facilitator.']);
    }
  });

  it('is refused to leaders; 404 for an unknown cycle', async () => {
    const leader = await userWithRole('leader');
    const pm = await userWithRole('pm');
    await expect(createMeeting(leader, (await makeCycle(db)).id, meetingInput(leader.id))).rejects.toThrow(
      ForbiddenError,
    );
    await expect(createMeeting(pm, 999_999, meetingInput(pm.id))).rejects.toThrow(NotFoundError);
  });
});

describe('updateMeeting, listMeetings and the overview', () => {
  it('updates and bumps the version; refuses once closed', async () => {
    const { pm, meeting } = await plannedMeeting();
    const after = await updateMeeting(
      pm,
      meeting.id,
      meetingInput(pm.id, { scheduledAt: meeting.scheduledAt, title: 'Renamed' }),
    );
    expect(after).toMatchObject({ title: 'Renamed', version: 2 });
    await db.update(meetings).set({ status: 'closed' }).where(eq(meetings.id, meeting.id));
    await expect(updateMeeting(pm, meeting.id, meetingInput(pm.id))).rejects.toThrow(ConflictError);
    await expect(setAgenda(pm, meeting.id, [])).rejects.toThrow('This meeting is closed and can no longer be changed.');
  });

  it("lists a cycle's meetings; a leader sees only those they attend", async () => {
    const { pm, leaders, cycle, meeting } = await plannedMeeting();
    const other = await createMeeting(pm, cycle.id, meetingInput(pm.id, { title: 'Without leaders' }));
    expect(
      (await listMeetings(pm, cycle.id)).meetings.map((m) => [m.id, m.attendeeCount, m.agendaCount, m.preread]),
    ).toEqual([
      [meeting.id, 2, 2, null],
      [other.id, 0, 0, null],
    ]);
    expect((await listMeetings(leaders[0], cycle.id)).meetings.map((m) => m.id)).toEqual([meeting.id]);
  });

  it('shows the overview to attendees and managers, 403 to others', async () => {
    const { pm, leaders, meeting } = await plannedMeeting();
    const overview = await getMeetingOverview(leaders[0], meeting.id);
    expect(overview).toMatchObject({ canManage: false, preread: null, facilitator: { name: pm.name } });
    expect(overview.summary).toMatchObject({ itemCount: 2, totalWeeks: 6, capacityWeeks: 20 });
    const outsider = await userWithRole('leader');
    await expect(getMeetingOverview(outsider, meeting.id)).rejects.toThrow(ForbiddenError);
    await expect(getMeetingOverview(pm, 999_999)).rejects.toThrow(NotFoundError);
  });
});

describe('setAttendees', () => {
  it('refuses a deactivated person by name, and an unknown id, writing nothing', async () => {
    const { pm, leaders, meeting } = await plannedMeeting();
    const gone = await makeUser(db, { role: 'leader', name: 'Gina Gone', active: false });
    const before = await meetingRowCounts();
    const error = await validationErrorOf(() =>
      setAttendees(
        pm,
        meeting.id,
        [...leaders, gone].map((u) => ({ userId: u.id, role: 'voter' })),
      ),
    );
    expect(error.fieldErrors.attendees).toEqual(['Gina Gone is deactivated and cannot attend.']);
    expect(error.message).toBe('Gina Gone is deactivated and cannot attend.');
    expect(
      (await validationErrorOf(() => setAttendees(pm, meeting.id, [{ userId: 987_654, role: 'voter' }]))).fieldErrors
        .attendees,
    ).toEqual(['Person #987654 does not exist.']);
    expect(await meetingRowCounts()).toEqual(before);
  });

  it('refuses a requestor or an engineer as a voter, naming them, and writes nothing; they may observe', async () => {
    const { pm, leaders, meeting } = await plannedMeeting();
    const requestor = await userWithRole('requestor');
    const engineer = await userWithRole('engineer');
    const before = await meetingRowCounts();
    const error = await validationErrorOf(async () =>
      setAttendees(pm, meeting.id, [
        { userId: leaders[0].id, role: 'voter' },
        { userId: requestor.id, role: 'voter' },
        { userId: engineer.id, role: 'voter' },
      ]),
    );
    expect(error.fieldErrors.attendees).toEqual([votersOnlyMessage(requestor.name), votersOnlyMessage(engineer.name)]);
    expect(await meetingRowCounts()).toEqual(before);
    const attendees = await setAttendees(pm, meeting.id, [
      { userId: leaders[0].id, role: 'voter' },
      { userId: requestor.id, role: 'observer' },
    ]);
    expect(attendees.find((a) => a.userId === requestor.id)?.role).toBe('observer');
  });

  it('changes roles, logs once and warns about the balance', async () => {
    const { pm, leaders, meeting } = await plannedMeeting();
    await setAttendees(pm, meeting.id, [
      { userId: leaders[0].id, role: 'voter' },
      { userId: leaders[1].id, role: 'observer' },
    ]);
    const plan = await getAttendeePlan(pm, meeting.id);
    expect(plan.current).toEqual(expect.arrayContaining([{ userId: leaders[1].id, role: 'observer' }]));
    expect(plan.warnings.map((w) => w.kind)).toEqual(['dominant']);
    const before = await meetingRowCounts();
    await setAttendees(pm, meeting.id, [
      { userId: leaders[0].id, role: 'voter' },
      { userId: leaders[1].id, role: 'observer' },
    ]);
    expect(await meetingRowCounts()).toEqual(before);
  });
});

describe('agenda', () => {
  it('orders by theme position, then no theme, by id inside a group', () => {
    const themes = [
      { id: 10, position: 1 },
      { id: 20, position: 0 },
    ];
    const items = [
      { id: 1, themeId: null },
      { id: 2, themeId: 10 },
      { id: 3, themeId: 20 },
      { id: 4, themeId: 10 },
      { id: 5, themeId: 99 },
      { id: 0, themeId: 20 },
    ];
    expect(defaultAgendaOrder(items, themes).map((i) => i.id)).toEqual([0, 3, 2, 4, 1, 5]);
  });

  it('sums the agenda against capacity, per theme in theme order', () => {
    const s = summariseAgenda(
      [
        { themeId: 2, effectiveWeeks: 3 },
        { themeId: 1, effectiveWeeks: 6 },
        { themeId: null, effectiveWeeks: null },
        { themeId: 2, effectiveWeeks: 1 },
      ],
      [
        { id: 1, name: 'A', position: 0 },
        { id: 2, name: 'B', position: 1 },
      ],
      8,
    );
    expect(s).toEqual({
      itemCount: 4,
      totalWeeks: 10,
      capacityWeeks: 8,
      unestimated: 1,
      overCapacity: true,
      byTheme: [
        { themeId: 1, name: 'A', weeks: 6, count: 1 },
        { themeId: 2, name: 'B', weeks: 4, count: 2 },
        { themeId: null, name: 'No theme', weeks: 0, count: 1 },
      ],
    });
  });

  it("accepts only curated items of the meeting's cycle, naming each refused one", async () => {
    const { pm, cycle, items, meeting } = await plannedMeeting();
    const rejected = await makeItem(db, {
      cycleId: cycle.id,
      title: 'Already rejected',
      requestorId: pm.id,
      departmentId: pm.departmentId,
      status: 'rejected',
    });
    const elsewhere = await makeItem(db, {
      cycleId: (await makeCycle(db)).id,
      title: 'Other cycle',
      requestorId: pm.id,
      departmentId: pm.departmentId,
    });
    const before = await meetingRowCounts();
    const error = await validationErrorOf(async () =>
      setAgenda(pm, meeting.id, [items[0].id, rejected.id, elsewhere.id]),
    );
    expect(error.fieldErrors.agenda).toEqual([
      '"Already rejected" is rejected, not curated: only curated items can go on the agenda.',
      '"Other cycle" is not in this meeting\'s cycle.',
    ]);
    expect(await meetingRowCounts()).toEqual(before);
    expect(await setAgenda(pm, meeting.id, [items[1].id, items[0].id, items[1].id])).toEqual([
      items[1].id,
      items[0].id,
    ]);
    expect((await getAgendaEditor(pm, meeting.id)).included).toEqual([items[1].id, items[0].id]);
  });
});
