'use server';
import { z } from 'zod';
import { formAction } from '@/lib/actions.server';
import { createMeeting } from '@/lib/meetings/meetings.server';
import { formId } from '@/lib/validation';

export const createMeetingAction = formAction(
  z.looseObject({ cycleId: formId }),
  (input, user) => createMeeting(user, input.cycleId, input),
  {
    revalidate: (input) => `/cycles/${input.cycleId}/meetings`,
    redirect: (meeting) => `/meetings/${meeting.id}?scheduled=1`,
  },
);
