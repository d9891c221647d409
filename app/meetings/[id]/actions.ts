'use server';
import { revalidatePath } from 'next/cache';
import { requireUser } from '@/lib/auth/session';
import { formAction, type FormState } from '@/lib/actions';
import { setAgenda } from '@/lib/meetings/agenda';
import { setAttendees } from '@/lib/meetings/attendees';
import { distributePreread, sendPrereadUpdate } from '@/lib/meetings/distribute';
import { updateMeeting } from '@/lib/meetings/meetings';
import { reminderMessage, remindUnread } from '@/lib/meetings/reminders';
import { attendeesFromForm } from '@/lib/meetings/schema';
import { formToObject, idParam } from '@/lib/validation';

/**
 * The meeting page's planning actions. Each authenticates itself (a page's check does not cover
 * its actions) and lib/ authorizes; on success the page re-renders with the new state.
 */
async function run(form: FormData, fn: (user: Awaited<ReturnType<typeof requireUser>>, meetingId: number) => string | void, success?: string): Promise<FormState> {
  const user = await requireUser();
  const meetingId = idParam.parse(form.get('meetingId'));
  let message = success;
  const state = await formAction(form, () => {
    const result = fn(user, meetingId);
    if (typeof result === 'string') message = result;
  });
  if (!state.ok) return state;
  revalidatePath(`/meetings/${meetingId}`);
  return { ...state, message };
}

export async function updateMeetingAction(_prev: FormState | undefined, form: FormData): Promise<FormState> {
  return run(form, (user, id) => { updateMeeting(user, id, formToObject(form)); }, 'Meeting details saved.');
}

export async function setAttendeesAction(_prev: FormState | undefined, form: FormData): Promise<FormState> {
  return run(form, (user, id) => {
    const saved = setAttendees(user, id, attendeesFromForm(formToObject(form, ['attendee'])));
    return `Attendees saved: ${saved.length} ${saved.length === 1 ? 'person' : 'people'}.`;
  });
}

export async function setAgendaAction(_prev: FormState | undefined, form: FormData): Promise<FormState> {
  return run(form, (user, id) => {
    const saved = setAgenda(user, id, form.getAll('itemId'));
    return `Agenda saved: ${saved.length} item${saved.length === 1 ? '' : 's'}.`;
  });
}

export async function distributeAction(_prev: FormState | undefined, form: FormData): Promise<FormState> {
  return run(form, (user, id) => {
    const sent = distributePreread(user, id, { confirmLate: form.get('confirmLate') ?? false });
    return `Pre-read sent${sent.late ? ' late' : ''}: ${sent.items} item${sent.items === 1 ? '' : 's'}.`;
  });
}

export async function sendUpdateAction(_prev: FormState | undefined, form: FormData): Promise<FormState> {
  return run(form, (user, id) => {
    const { summary } = sendPrereadUpdate(user, id);
    return `Update sent: ${summary.length} change${summary.length === 1 ? '' : 's'}.`;
  });
}

export async function remindAction(_prev: FormState | undefined, form: FormData): Promise<FormState> {
  return run(form, (user, id) => reminderMessage(remindUnread(user, id)));
}
