import type { BadInputTarget } from './targets';

/** Bad input for a leader's provisional stance on the pre-read ('none' clears it; anything else is refused). */
export const AGENDA_BAD_INPUT_TARGETS: BadInputTarget[] = [
  {
    target: 'action setStanceAction',
    from: 'invited (voters: leader, pm, admin; the others observe)',
    as: 'leader',
    kinds: { meetingId: 'id', itemId: 'id', stance: 'enum' },
  },
];
