'use server';
import { revalidatePath } from 'next/cache';
import { requireUser } from '@/lib/auth/session';
import { formAction, type FormState } from '@/lib/actions';
import { setEmailPrefs } from '@/lib/notifications/prefs';
import { formToObject } from '@/lib/validation';

export async function saveEmailPrefsAction(_prev: FormState | undefined, form: FormData): Promise<FormState> {
  const user = await requireUser();
  // Checked boxes arrive as repeated `kinds` values; unchecked ones do not arrive at all.
  const state = await formAction(form, () => setEmailPrefs(user, formToObject(form, ['kinds'])), 'Your e-mail settings are saved.');
  revalidatePath('/settings');
  return state;
}
