'use server';
import { z } from 'zod';
import { formAction } from '@/lib/actions.server';
import { amendChangeRequest } from '@/lib/changes/amend.server';
import { proposalInput, type FlatValues } from '@/lib/changes/raise-input';
import { formId } from '@/lib/validation';

// As the raise form: each field once; a field sent twice keeps its last value, as the preview reads it.
const AmendForm = z.looseObject({ changeRequestId: formId }).transform(({ changeRequestId, ...rest }) => ({
  changeRequestId,
  values: Object.fromEntries(
    Object.entries(rest).map(([key, value]) => [
      key,
      Array.isArray(value) ? String(value.at(-1) ?? '') : String(value),
    ]),
  ) as FlatValues,
}));

/**
 * Amends a change request from the amend form, converted by the function the live preview uses;
 * lib/ validates and authorizes (only the raiser, after a dissent).
 */
export const amendChangeRequestAction = formAction(
  AmendForm,
  ({ changeRequestId, values }, user) => amendChangeRequest(user, changeRequestId, proposalInput(values)),
  {
    revalidate: ({ changeRequestId }) => `/changes/${changeRequestId}`,
    redirect: (changeRequest) => `/changes/${changeRequest.id}?amended=1`,
  },
);
