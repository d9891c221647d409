'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { requireUser } from '@/lib/auth/session';
import { formAction, type FormState } from '@/lib/actions';
import { raiseChangeRequest } from '@/lib/changes/requests';
import { ProposalSchema } from '@/lib/changes/schema';
import { ValidationError } from '@/lib/errors';
import { fieldErrorsOf, idParam } from '@/lib/validation';
import { DEFERRED_MISSING, deferredNotChosen, flatValues, raiseInput } from '@/components/changes/raise-input';

/**
 * Raises a change request from the raise form and opens it. The form is converted by the same
 * function the live preview uses, so what was previewed is what is raised; lib/ validates and
 * authorizes (a requestor gets the 403 page).
 */
export async function raiseChangeRequestAction(_prev: FormState | undefined, form: FormData): Promise<FormState> {
  const user = await requireUser();
  const cycleId = idParam.parse(form.get('cycleId'));
  const values = flatValues(form);
  let id: number | null = null;
  const state = await formAction(form, () => {
    const input = raiseInput(values);
    if (deferredNotChosen(values)) {
      // Without an item lib would read the form as a new item and ask for its title: say what is missing instead.
      const proposal = ProposalSchema.safeParse(input);
      throw new ValidationError({ ...(proposal.success ? {} : fieldErrorsOf(proposal.error)), incomingItemId: [DEFERRED_MISSING] });
    }
    id = raiseChangeRequest(user, cycleId, input).changeRequest.id;
  });
  if (!state.ok || id === null) return state;
  revalidatePath(`/cycles/${cycleId}/changes`);
  redirect(`/changes/${id}?raised=1`);
}
