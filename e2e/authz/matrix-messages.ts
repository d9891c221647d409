/** The matrix's rows for the e-mail previews: only those who may send the e-mail may see what it would say. */
import { allow, MANAGERS, str, type Row } from './rows';
import { meeting, meOr } from './scene';

export const MESSAGE_ROWS: Row[] = [
  {
    target: 'action previewPrereadAction',
    case: 'a planned meeting, invited',
    call: async (s) => {
      const m = await meeting(s, [await meOr(s, 'leader')]);
      return {
        action: 'previewPrereadAction',
        fields: { meetingId: str(m.meeting.id), note: 'See you there.' },
        from: `/meetings/${m.meeting.id}`,
      };
    },
    expect: allow(MANAGERS, 'forbidden'),
  },
  {
    target: 'action previewOutcomeEmailAction',
    case: 'a cycle whose meeting has not ended',
    call: async (s) => {
      const c = (await meeting(s, [])).cycle;
      return {
        action: 'previewOutcomeEmailAction',
        fields: { cycleId: str(c.id), note: 'Thank you all.' },
        from: `/cycles/${c.id}/outcome`,
      };
    },
    // Nothing has ended, so there is nothing to preview: a manager is told so; anyone else is refused first.
    expect: allow([], 'forbidden', { admin: 'refused', pm: 'refused' }),
  },
];
