'use server';
import { redirect } from 'next/navigation';
import { revalidatePath } from 'next/cache';
import { requireUser } from '@/lib/auth/session';
import { formAction, type FormState } from '@/lib/actions';
import { createMeeting } from '@/lib/meetings/meetings';
import { formToObject, idParam } from '@/lib/validation';

export async function createMeetingAction(_prev: FormState | undefined, form: FormData): Promise<FormState> {
  const user = await requireUser();
  const cycleId = idParam.parse(form.get('cycleId'));
  let id = 0;
  const state = await formAction(form, () => { id = createMeeting(user, cycleId, formToObject(form)).id; });
  if (state.ok) {
    revalidatePath(`/cycles/${cycleId}/meetings`);
    redirect(`/meetings/${id}?scheduled=1`);
  }
  return state;
}
