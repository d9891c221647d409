'use server';
import { revalidatePath } from 'next/cache';
import { requireUser } from '@/lib/auth/session';
import { formAction, type FormState } from '@/lib/actions';
import { setUserActive } from '@/lib/users/admin';
import { idParam } from '@/lib/validation';

export async function setActiveAction(_prev: FormState | undefined, form: FormData): Promise<FormState> {
  const user = await requireUser();
  const userId = idParam.parse(form.get('userId'));
  const active = form.get('active') === 'true';
  const state = await formAction(form, () => setUserActive(user, userId, active), active ? 'Reactivated.' : 'Deactivated: their session ends on their next request.');
  revalidatePath('/admin');
  return state;
}
