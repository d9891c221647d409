'use server';
import { revalidatePath } from 'next/cache';
import { notFound } from 'next/navigation';
import { requireUser } from '@/lib/auth/session';
import { formAction, type FormState } from '@/lib/actions';
import { retryOutbox } from '@/lib/notifications/outbox-admin';
import { idParam } from '@/lib/validation';

/** Checks its own permission in lib/ (retryOutbox): the page's check does not cover this action. */
export async function retryOutboxAction(_prev: FormState | undefined, form: FormData): Promise<FormState> {
  const user = await requireUser();
  const id = idParam.safeParse(form.get('id'));
  if (!id.success) notFound();
  const state = await formAction(form, () => retryOutbox(user, id.data), 'Queued again.');
  revalidatePath('/admin/outbox');
  return state;
}
