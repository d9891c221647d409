'use server';
import { revalidatePath } from 'next/cache';
import { requireUser } from '@/lib/auth/session';
import { formAction, type FormState } from '@/lib/actions';
import { outcomePath, publishOutcome } from '@/lib/live/publish';
import { idParam } from '@/lib/validation';

/** Publishes the cycle's outcome (pm/admin, checked in lib/); the page re-renders as published. */
export async function publishOutcomeAction(_prev: FormState | undefined, form: FormData): Promise<FormState> {
  const user = await requireUser();
  const cycleId = idParam.parse(form.get('cycleId'));
  let message = '';
  const state = await formAction(form, () => {
    const { items, people } = publishOutcome(user, cycleId);
    message = `Outcome published. ${people} ${people === 1 ? 'person was' : 'people were'} told the fate of ${items} item${items === 1 ? '' : 's'}.`;
  });
  if (!state.ok) return state;
  revalidatePath(outcomePath(cycleId));
  revalidatePath('/requests');
  return { ok: true, message };
}
