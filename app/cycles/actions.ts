'use server';
import { redirect } from 'next/navigation';
import { revalidatePath } from 'next/cache';
import { requireUser } from '@/lib/auth/session';
import { formAction, type FormState } from '@/lib/actions';
import { createCycle, updateCycle } from '@/lib/cycles/cycles';
import { addTheme, moveTheme, removeTheme, updateTheme } from '@/lib/cycles/themes';
import { cycleFormToInput } from '@/lib/cycles/schema';
import { formToObject, idParam } from '@/lib/validation';
import { mapFatal } from '@/lib/actions';

export async function createCycleAction(_prev: FormState | undefined, form: FormData): Promise<FormState> {
  const user = await requireUser();
  let id = 0;
  const state = await formAction(form, () => { id = createCycle(user, cycleFormToInput(formToObject(form))).id; });
  if (state.ok) redirect(`/cycles/${id}/settings?created=1`);
  return state;
}

export async function updateCycleAction(_prev: FormState | undefined, form: FormData): Promise<FormState> {
  const user = await requireUser();
  const cycleId = idParam.parse(form.get('cycleId'));
  const state = await formAction(form, () => updateCycle(user, cycleId, cycleFormToInput(formToObject(form))), 'Cycle saved.');
  if (state.ok) revalidatePath(`/cycles/${cycleId}`, 'layout');
  return state;
}

export async function addThemeAction(_prev: FormState | undefined, form: FormData): Promise<FormState> {
  const user = await requireUser();
  const cycleId = idParam.parse(form.get('cycleId'));
  const state = await formAction(form, () => addTheme(user, cycleId, formToObject(form)), 'Theme added.');
  if (state.ok) revalidatePath(`/cycles/${cycleId}/settings`);
  return state;
}

export async function updateThemeAction(_prev: FormState | undefined, form: FormData): Promise<FormState> {
  const user = await requireUser();
  const cycleId = idParam.parse(form.get('cycleId'));
  const themeId = idParam.parse(form.get('themeId'));
  const state = await formAction(form, () => updateTheme(user, cycleId, themeId, formToObject(form)), 'Theme saved.');
  if (state.ok) revalidatePath(`/cycles/${cycleId}/settings`);
  return state;
}

/** Move up/down and remove: plain buttons, no form state to keep. */
export async function themeCommandAction(form: FormData): Promise<void> {
  const user = await requireUser();
  const cycleId = idParam.parse(form.get('cycleId'));
  const themeId = idParam.parse(form.get('themeId'));
  const command = String(form.get('command'));
  try {
    if (command === 'up' || command === 'down') moveTheme(user, cycleId, themeId, command);
    else if (command === 'remove') removeTheme(user, cycleId, themeId);
  } catch (error) {
    throw mapFatal(error);
  }
  revalidatePath(`/cycles/${cycleId}/settings`);
}
