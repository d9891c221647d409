'use server';
import { z } from 'zod';
import { formAction } from '@/lib/actions.server';
import { saveAgendaPlan, timeBoxFields } from '@/lib/meetings/agenda-plan.server';
import { setAttendees } from '@/lib/meetings/attendees.server';
import { distributePreread, sendPrereadUpdate } from '@/lib/meetings/distribute.server';
import { previewPrereadEmail } from '@/lib/meetings/preread-preview.server';
import { updateMeeting } from '@/lib/meetings/meetings.server';
import { reminderMessage, remindUnread } from '@/lib/meetings/reminders.server';
import { attendeesFromForm } from '@/lib/meetings/schema';
import { formId, formList, formText } from '@/lib/validation';
import { plural } from '@/lib/plural';

// The meeting page's planning actions: lib/ authorizes; on success the page re-renders with the new state.
const MeetingRef = z.looseObject({ meetingId: formId });
const meetingPage = (input: { meetingId: number }) => `/meetings/${input.meetingId}`;

export const updateMeetingAction = formAction(
  MeetingRef,
  (input, user) => updateMeeting(user, input.meetingId, input),
  {
    message: 'Meeting details saved.',
    revalidate: meetingPage,
  },
);

export const setAttendeesAction = formAction(
  MeetingRef.extend({ attendee: formList(z.string()) }),
  (input, user) => setAttendees(user, input.meetingId, attendeesFromForm(input)),
  {
    message: (saved) => `Attendees saved: ${saved.length} ${saved.length === 1 ? 'person' : 'people'}.`,
    revalidate: meetingPage,
  },
);

// The agenda in order, each item's time box (timeBox_<id>) and the consent agenda (consent), saved together.
export const setAgendaAction = formAction(
  MeetingRef.extend({ itemId: formList(z.string()), consent: formList(z.string()) }),
  (input, user) =>
    saveAgendaPlan(user, input.meetingId, {
      itemIds: input.itemId,
      consent: input.consent,
      timeBoxes: timeBoxFields(input),
    }),
  { message: (saved) => `Agenda saved: ${plural(saved.itemIds.length, 'item')}.`, revalidate: meetingPage },
);

export const distributeAction = formAction(
  MeetingRef.extend({ confirmLate: z.string().optional(), note: formText }),
  (input, user) =>
    distributePreread(user, input.meetingId, { confirmLate: input.confirmLate ?? false, note: input.note }),
  {
    message: (sent) => `Pre-read sent${sent.late ? ' late' : ''}: ${plural(sent.items, 'item')}.`,
    revalidate: meetingPage,
  },
);

/** Shows the pre-read e-mail a sample attendee would get with this note; sends and writes nothing. */
export const previewPrereadAction = formAction(
  MeetingRef.extend({ note: formText }),
  (input, user) => previewPrereadEmail(user, input.meetingId, { note: input.note }),
  { data: (result) => result },
);

export const sendUpdateAction = formAction(MeetingRef, (input, user) => sendPrereadUpdate(user, input.meetingId), {
  message: ({ summary }) => `Update sent: ${plural(summary.length, 'change')}.`,
  revalidate: meetingPage,
});

export const remindAction = formAction(MeetingRef, (input, user) => remindUnread(user, input.meetingId), {
  message: (result) => reminderMessage(result),
  revalidate: meetingPage,
});
