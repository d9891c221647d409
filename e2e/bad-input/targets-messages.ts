import type { BadInputTarget } from './targets';

/** Bad input for the e-mail previews: the ids, and a personal note too long to send. */
export const MESSAGE_BAD_INPUT_TARGETS: BadInputTarget[] = [
  {
    target: 'action previewPrereadAction',
    from: 'a planned meeting, invited',
    as: 'pm',
    kinds: { meetingId: 'id', note: 'text?' },
  },
  {
    target: 'action previewOutcomeEmailAction',
    from: 'a cycle whose meeting has not ended',
    as: 'pm',
    kinds: { cycleId: 'id', note: 'text?' },
  },
];
