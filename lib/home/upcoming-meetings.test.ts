import { describe, expect, it } from 'vitest';
import { userWithRole } from '@/lib/testing/db';
import { setAttendees } from '@/lib/meetings/attendees.server';
import { DAY, plannedMeeting } from '@/lib/meetings/test-helpers';
import { listUpcomingMeetings } from './upcoming-meetings.server';

describe('listUpcomingMeetings', () => {
  it('lists the meetings a leader attends, soonest first', async () => {
    const soon = await plannedMeeting({ daysAhead: 2 });
    const leader = soon.leaders[0];
    const later = await plannedMeeting({ daysAhead: 9 });
    // The later meeting gets this leader too, through the same setter the page uses.
    await setAttendees(later.pm, later.meeting.id, [{ userId: leader.id, role: 'voter' }]);

    const listed = await listUpcomingMeetings(leader);
    expect(listed.map((m) => m.id)).toEqual([soon.meeting.id, later.meeting.id]);
    expect(listed[0]).toMatchObject({
      title: soon.meeting.title,
      cycleName: soon.cycle.name,
      status: 'scheduled',
      scheduledAt: soon.meeting.scheduledAt,
      durationMinutes: 90,
    });
    expect((await listUpcomingMeetings(leader, new Date(), 1)).map((m) => m.id)).toEqual([soon.meeting.id]);
  });

  it('leaves out meetings the person does not attend, and shows a requestor none', async () => {
    const { meeting } = await plannedMeeting({ daysAhead: 3 });
    const outsider = await userWithRole('leader');
    expect((await listUpcomingMeetings(outsider)).map((m) => m.id)).not.toContain(meeting.id);
    expect(await listUpcomingMeetings(await userWithRole('requestor'))).toEqual([]);
  });

  it('keeps a scheduled meeting listed for a while after its start, then drops it', async () => {
    const { meeting, leaders } = await plannedMeeting({ daysAhead: 1 });
    const start = Date.parse(meeting.scheduledAt);
    expect((await listUpcomingMeetings(leaders[0], new Date(start + 2 * 3_600_000))).map((m) => m.id)).toEqual([
      meeting.id,
    ]);
    expect(await listUpcomingMeetings(leaders[0], new Date(start + DAY))).toEqual([]);
  });
});
