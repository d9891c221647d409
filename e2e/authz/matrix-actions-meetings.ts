/** The matrix's server actions of meetings and their pre-reads. */
import { eq } from 'drizzle-orm';
import { items } from '../../db/schema';
import { allow, MANAGERS, SIGNED_IN, str, type Row } from './rows';
import { distribute, meOr, meeting, other, question, type Scene } from './scene';

function meetingRows(): Row[] {
  const planning = (
    name: string,
    fields: (
      s: Scene,
      m: Awaited<ReturnType<typeof meeting>>,
    ) => Record<string, string | string[]> | Promise<Record<string, string | string[]>>,
  ): Row => ({
    target: `action ${name}`,
    case: 'a planned meeting, invited',
    call: async (s) => {
      const m = await meeting(s, [await meOr(s, 'leader')]);
      return {
        action: name,
        fields: { meetingId: str(m.meeting.id), ...(await fields(s, m)) },
        from: `/meetings/${m.meeting.id}`,
      };
    },
    expect: allow(MANAGERS, 'forbidden'),
  });
  const afterPreread = (name: string): Row => ({
    target: `action ${name}`,
    case: 'pre-read out, an item changed since, invited',
    call: async (s) => {
      const m = await meeting(s, [await meOr(s, 'leader')]);
      await distribute(s, m.meeting.id);
      await s.world.db
        .update(items)
        .set({ title: s.world.named('Renamed after the pre-read') })
        .where(eq(items.id, m.items[0].id));
      return { action: name, fields: { meetingId: str(m.meeting.id) }, from: `/meetings/${m.meeting.id}` };
    },
    expect: allow(MANAGERS, 'forbidden'),
  });
  return [
    planning('updateMeetingAction', (s) => ({
      title: 'Renamed',
      scheduledAt: new Date(Date.now() + 21 * 86_400_000).toISOString(),
      facilitatorId: str(s.pm.id),
      durationMinutes: '90',
      location: 'Board room',
    })),
    planning('setAttendeesAction', async (s) => {
      const leader = await other(s, 'leader');
      return { attendee: [str(leader.id)], [`role_${leader.id}`]: 'voter' };
    }),
    planning('setAgendaAction', (_s, m) => ({ itemId: m.items.map((i) => str(i.id)) })),
    planning('distributeAction', () => ({ confirmLate: 'on' })),
    afterPreread('sendUpdateAction'),
    afterPreread('remindAction'),
  ];
}

function questionRows(): Row[] {
  return [
    {
      target: 'action askQuestionAction',
      case: 'invited, pre-read out',
      call: async (s) => {
        const m = await meeting(s, [await meOr(s, 'leader')]);
        await distribute(s, m.meeting.id);
        return {
          action: 'askQuestionAction',
          fields: { meetingId: str(m.meeting.id), itemId: str(m.items[0].id), body: 'How long?' },
          from: `/meetings/${m.meeting.id}/preread`,
        };
      },
      expect: allow(SIGNED_IN, 'forbidden'),
    },
    {
      target: 'action askQuestionAction',
      case: 'not invited, pre-read out',
      call: async (s) => {
        const m = await meeting(s, [await other(s, 'leader')]);
        await distribute(s, m.meeting.id);
        return {
          action: 'askQuestionAction',
          fields: { meetingId: str(m.meeting.id), itemId: str(m.items[0].id), body: 'How long?' },
          from: `/meetings/${m.meeting.id}/preread`,
        };
      },
      expect: allow(MANAGERS, 'forbidden'),
    },
    {
      target: 'action answerQuestionAction',
      case: 'SME of the item, not invited',
      call: async (s) => {
        const m = await meeting(s, [await other(s, 'leader')], { sme: (await meOr(s, 'engineer')).name });
        await distribute(s, m.meeting.id);
        const q = await question(s, m.meeting.id, m.items[0].id, await other(s, 'leader'));
        return {
          action: 'answerQuestionAction',
          fields: { meetingId: str(m.meeting.id), questionId: str(q.id), body: 'Two weeks.' },
          from: `/meetings/${m.meeting.id}/preread`,
        };
      },
      expect: allow(SIGNED_IN, 'forbidden'),
    },
    {
      target: 'action resolveQuestionAction',
      case: 'invited',
      call: async (s) => {
        const m = await meeting(s, [await meOr(s, 'leader')]);
        await distribute(s, m.meeting.id);
        const q = await question(s, m.meeting.id, m.items[0].id, await other(s, 'leader'));
        return {
          action: 'resolveQuestionAction',
          fields: { meetingId: str(m.meeting.id), questionId: str(q.id) },
          from: `/meetings/${m.meeting.id}/preread`,
        };
      },
      expect: allow(MANAGERS, 'forbidden'),
    },
  ];
}

export const MEETING_ACTION_ROWS: Row[] = [...meetingRows(), ...questionRows()];
