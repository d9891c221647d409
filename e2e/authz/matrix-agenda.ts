/** The matrix's server actions of provisional stances (the agenda editor's time boxes and consent agenda save with setAgendaAction). */
import { allow, str, type Row } from './rows';
import { meOr, meeting, other } from './scene';

export const AGENDA_ACTION_ROWS: Row[] = [
  {
    target: 'action setStanceAction',
    case: 'invited (voters: leader, pm, admin; the others observe)',
    call: async (s) => {
      const m = await meeting(s, [await meOr(s, 'leader')]);
      return {
        action: 'setStanceAction',
        fields: { meetingId: str(m.meeting.id), itemId: str(m.items[0].id), stance: 'lean_accept' },
        from: `/meetings/${m.meeting.id}/preread`,
      };
    },
    expect: allow(['admin', 'pm', 'leader'], 'forbidden'),
  },
  {
    target: 'action setStanceAction',
    case: 'not invited',
    call: async (s) => {
      const m = await meeting(s, [await other(s, 'leader')]);
      return {
        action: 'setStanceAction',
        fields: { meetingId: str(m.meeting.id), itemId: str(m.items[0].id), stance: 'unsure' },
        from: `/meetings/${m.meeting.id}/preread`,
      };
    },
    expect: allow([], 'forbidden'),
  },
];
