'use server';
import { z } from 'zod';
import { formAction } from '@/lib/actions.server';
import { cycleDemosPath, demoPath } from '@/lib/demos/access.server';
import { giveFeedback, turnConcernIntoRequest } from '@/lib/demos/feedback.server';
import { recordShownItem, saveDemoNotes } from '@/lib/demos/record.server';
import { cancelDemo, reopenFeedback, updateDemo } from '@/lib/demos/schedule.server';
import { formId, formList, formText } from '@/lib/validation';

const DemoRef = z.object({ demoId: formId });
const ItemRef = DemoRef.extend({ itemId: formId });
const page = (input: { demoId: number }) => demoPath(input.demoId);

export const recordShownAction = formAction(
  ItemRef.extend({ stage: formText, notes: formText, links: formText }),
  ({ demoId, itemId, ...input }, user) => recordShownItem(user, demoId, itemId, input),
  { message: 'Recorded as shown.', revalidate: page },
);

export const saveDemoNotesAction = formAction(
  DemoRef.extend({ notes: formText }),
  ({ demoId, notes }, user) => saveDemoNotes(user, demoId, { notes }),
  { message: 'Notes saved.', revalidate: page },
);

export const giveFeedbackAction = formAction(
  ItemRef.extend({ verdict: formText, comment: formText }),
  ({ demoId, itemId, ...input }, user) => giveFeedback(user, demoId, itemId, input),
  {
    message: 'Thank you: your feedback was sent to the item’s owner and the product managers.',
    revalidate: page,
  },
);

export const turnIntoRequestAction = formAction(
  DemoRef.extend({ feedbackId: formId }),
  (input, user) => turnConcernIntoRequest(user, input.demoId, input.feedbackId),
  { message: (request) => `Request #${request.id} created: it waits in triage.`, revalidate: page },
);

export const cancelDemoAction = formAction(DemoRef, (input, user) => cancelDemo(user, input.demoId), {
  message: 'Demo cancelled: the invitees were sent a calendar cancellation.',
  revalidate: (input, demo) => [page(input), cycleDemosPath(demo.cycleId)],
});

// The fields' content is validated in lib/demos/schema.ts; here they are only gathered.
export const updateDemoAction = formAction(
  DemoRef.extend({
    title: formText,
    startsAt: formText,
    timeZone: formText,
    durationMinutes: formText,
    presenterId: formText,
    feedbackDays: formText,
    itemIds: formList(z.string()),
    inviteeIds: formList(z.string()),
  }),
  ({ demoId, ...input }, user) => updateDemo(user, demoId, input),
  {
    message: 'Demo changed: the invitees were sent the updated invitation.',
    revalidate: (input, demo) => [page(input), cycleDemosPath(demo.cycleId)],
  },
);

export const reopenFeedbackAction = formAction(
  DemoRef.extend({ feedbackDays: formText }),
  ({ demoId, ...input }, user) => reopenFeedback(user, demoId, input),
  { message: 'Feedback is open again.', revalidate: page },
);
