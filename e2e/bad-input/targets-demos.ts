import type { BadInputTarget } from './targets';

/** Bad input for sprint demos: scheduling, recording what was shown, feedback, and their hidden ids. */
export const DEMO_BAD_INPUT_TARGETS: BadInputTarget[] = [
  {
    target: 'action scheduleDemoAction',
    from: 'a cycle in delivery',
    as: 'pm',
    kinds: {
      cycleId: 'id',
      title: 'line',
      startsAt: 'when',
      timeZone: 'line',
      durationMinutes: 'num?',
      presenterId: 'id',
      feedbackDays: 'num?',
      itemIds: 'ids',
      inviteeIds: 'ids',
    },
  },
  {
    target: 'action updateDemoAction',
    from: 'an upcoming demo',
    as: 'pm',
    kinds: {
      demoId: 'id',
      title: 'line',
      startsAt: 'when',
      timeZone: 'line',
      durationMinutes: 'num?',
      presenterId: 'id',
      feedbackDays: 'num?',
      itemIds: 'ids',
      inviteeIds: 'ids',
    },
  },
  {
    target: 'action recordShownAction',
    from: 'someone else presents',
    as: 'pm',
    kinds: { demoId: 'id', itemId: 'id', stage: 'enum', notes: 'text?', links: 'text?' },
  },
  {
    target: 'action saveDemoNotesAction',
    from: 'someone else presents',
    as: 'pm',
    kinds: { demoId: 'id', notes: 'text?' },
  },
  {
    target: 'action giveFeedbackAction',
    from: 'they are not invited',
    as: 'pm',
    kinds: { demoId: 'id', itemId: 'id', verdict: 'enum', comment: 'text?' },
  },
  {
    target: 'action turnIntoRequestAction',
    from: "someone else's concern",
    as: 'pm',
    kinds: { demoId: 'id', feedbackId: 'id' },
  },
  { target: 'action cancelDemoAction', from: 'an upcoming demo', as: 'pm', kinds: { demoId: 'id' } },
  {
    target: 'action reopenFeedbackAction',
    from: 'a demo that has taken place',
    as: 'pm',
    kinds: { demoId: 'id', feedbackDays: 'num?' },
  },
];
