'use server';
import { z } from 'zod';
import { formAction } from '@/lib/actions.server';
import { markDelivered, recordMilestone, undoDelivery, type Recorded } from '@/lib/delivery/records.server';
import { requestPath } from '@/lib/schedule/stage-notify.server';
import { schedulePath } from '@/lib/schedule/access.server';
import { formId, formText } from '@/lib/validation';

// lib/ finds the item (and its cycle) from the id and checks who may record; the pages that show
// the delivery are refreshed from what it returns.
const pagesOf = (_input: unknown, result: Recorded) => [
  `/items/${result.record.itemId}`,
  requestPath(result.record.itemId),
  ...(result.cycleId === null ? [] : [schedulePath(result.cycleId)]),
];

// Links come as one text box (one per line); a form that repeats the field sends an array.
const links = z.union([z.string(), z.array(z.string())]).optional();

export const recordMilestoneAction = formAction(
  z.object({ itemId: formId, name: formText, deliveredOn: formText, releaseNotes: formText, links }),
  ({ itemId, ...fields }, user) => recordMilestone(user, itemId, fields),
  { message: ({ record }) => `Milestone “${record.name}” recorded.`, revalidate: pagesOf },
);

export const markDeliveredAction = formAction(
  z.object({ itemId: formId, deliveredOn: formText, releaseNotes: formText, links, actualWeeks: formText }),
  ({ itemId, ...fields }, user) => markDelivered(user, itemId, fields),
  { message: 'Delivered. The requestors have been told.', revalidate: pagesOf },
);

export const undoDeliveryAction = formAction(
  z.object({ recordId: formId }),
  ({ recordId }, user) => undoDelivery(user, recordId),
  {
    message: ({ record }) =>
      record.kind === 'final' ? 'Delivery undone: the item is in delivery again.' : 'Milestone undone.',
    revalidate: pagesOf,
  },
);
