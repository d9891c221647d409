'use server';
import { revalidatePath } from 'next/cache';
import { requireUser } from '@/lib/auth/session';
import { formAction, type FormState } from '@/lib/actions';
import { saveMeetingSettings } from '@/lib/settings/admin';
import { formToObject } from '@/lib/validation';

export async function saveSettingsAction(_prev: FormState | undefined, form: FormData): Promise<FormState> {
  const user = await requireUser();
  const state = await formAction(form, () => saveMeetingSettings(user, formToObject(form)), 'Settings saved.');
  if (state.ok) revalidatePath('/admin/settings');
  return state;
}
