'use server';
import { redirect } from 'next/navigation';
import { requireUser } from '@/lib/auth/session';
import { formAction, type FormState } from '@/lib/actions';
import { createItem, setItemStatus, updateItem } from '@/lib/backlog/items';
import { formToObject, idParam } from '@/lib/validation';

export async function createItemAction(_prev: FormState | undefined, form: FormData): Promise<FormState> {
  const user = await requireUser();
  const cycleId = idParam.parse(form.get('cycleId'));
  let id = 0;
  const state = await formAction(form, () => { id = createItem(user, cycleId, formToObject(form, ['moduleIds'])).id; });
  if (state.ok) redirect(`/items/${id}?saved=created`);
  return state;
}

export async function updateItemAction(_prev: FormState | undefined, form: FormData): Promise<FormState> {
  const user = await requireUser();
  const itemId = idParam.parse(form.get('itemId'));
  const state = await formAction(form, () => updateItem(user, itemId, formToObject(form, ['moduleIds']), form.get('version')));
  if (state.ok) redirect(`/items/${itemId}?saved=updated`);
  return state;
}

export async function setStatusAction(_prev: FormState | undefined, form: FormData): Promise<FormState> {
  const user = await requireUser();
  const itemId = idParam.parse(form.get('itemId'));
  const version = idParam.parse(form.get('version'));
  const reason = String(form.get('reason') ?? '').trim().slice(0, 2000);
  return formAction(form, () => setItemStatus(user, itemId, form.get('status'), version, reason || undefined), 'Status changed.');
}
