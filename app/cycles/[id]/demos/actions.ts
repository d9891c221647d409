'use server';
import { z } from 'zod';
import { formAction } from '@/lib/actions.server';
import { cycleDemosPath, demoPath } from '@/lib/demos/access.server';
import { scheduleDemo } from '@/lib/demos/schedule.server';
import { formId, formList, formText } from '@/lib/validation';

// The fields' content is validated in lib/demos/schema.ts; here they are only gathered.
const ScheduleForm = z.object({
  cycleId: formId,
  title: formText,
  startsAt: formText,
  timeZone: formText,
  durationMinutes: formText,
  presenterId: formText,
  feedbackDays: formText,
  itemIds: formList(z.string()),
  inviteeIds: formList(z.string()),
});

export const scheduleDemoAction = formAction(
  ScheduleForm,
  ({ cycleId, ...input }, user) => scheduleDemo(user, cycleId, input),
  { revalidate: (input) => cycleDemosPath(input.cycleId), redirect: (demo) => demoPath(demo.id) },
);
