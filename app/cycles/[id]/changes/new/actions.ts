'use server';
import { z } from 'zod';
import { formAction } from '@/lib/actions.server';
import { raiseChangeRequest } from '@/lib/changes/requests.server';
import { ProposalSchema } from '@/lib/changes/schema';
import { ValidationError } from '@/lib/errors';
import { fieldErrorsOf, formId } from '@/lib/validation';
import { DEFERRED_MISSING, deferredNotChosen, raiseInput, type FlatValues } from '@/lib/changes/raise-input';

// The raise form sends each field once; a field sent twice keeps its last value, as the preview reads it.
const RaiseForm = z.looseObject({ cycleId: formId }).transform(({ cycleId, ...rest }) => ({
  cycleId,
  values: Object.fromEntries(
    Object.entries(rest).map(([key, value]) => [
      key,
      Array.isArray(value) ? String(value.at(-1) ?? '') : String(value),
    ]),
  ) as FlatValues,
}));

/**
 * Raises a change request from the raise form and opens it. The form is converted by the same
 * function the live preview uses, so what was previewed is what is raised; lib/ validates and
 * authorizes (a requestor gets the 403 page).
 */
export const raiseChangeRequestAction = formAction(
  RaiseForm,
  async ({ cycleId, values }, user) => {
    const input = raiseInput(values);
    if (deferredNotChosen(values)) {
      // Without an item lib would read the form as a new item and ask for its title: say what is missing instead.
      const proposal = ProposalSchema.safeParse(input);
      throw new ValidationError({
        ...(proposal.success ? {} : fieldErrorsOf(proposal.error)),
        incomingItemId: [DEFERRED_MISSING],
      });
    }
    return (await raiseChangeRequest(user, cycleId, input)).changeRequest;
  },
  {
    revalidate: ({ cycleId }) => `/cycles/${cycleId}/changes`,
    redirect: (changeRequest) => `/changes/${changeRequest.id}?raised=1`,
  },
);
