'use server';
import { redirect } from 'next/navigation';
import { formAction, type FormState } from '@/lib/actions';
import { requireUser } from '@/lib/auth/session';
import { createRequest, withdrawRequest } from '@/lib/requests/requests';
import { formToObject, idParam } from '@/lib/validation';

export async function createRequestAction(_prev: FormState | undefined, form: FormData): Promise<FormState> {
  const user = await requireUser();
  const state = await formAction(form, () => createRequest(user, formToObject(form)));
  if (state.ok) redirect('/requests?created=1');
  return state;
}

export async function withdrawRequestAction(_prev: FormState | undefined, form: FormData): Promise<FormState> {
  const user = await requireUser();
  const id = idParam.safeParse(form.get('itemId'));
  if (!id.success) return { ok: false, message: 'This request does not exist.' };
  const state = await formAction(form, () => withdrawRequest(user, id.data));
  if (state.ok) redirect('/requests?withdrawn=1');
  return state;
}
