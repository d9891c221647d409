'use server';
import { z } from 'zod';
import { formAction } from '@/lib/actions.server';
import { askForInformation, declineRequest } from '@/lib/curation/triage.server';
import { formId } from '@/lib/validation';

/** lib/ parses the reason, the question and the version, and answers with messages naming them. */
export const declineRequestAction = formAction(
  z.looseObject({ itemId: formId }),
  (input, user) => declineRequest(user, input.itemId, input),
  { revalidate: () => '/triage', redirect: (_r, input) => `/triage?declined=${input.itemId}` },
);

export const askForInformationAction = formAction(
  z.looseObject({ itemId: formId }),
  (input, user) => askForInformation(user, input.itemId, input),
  { revalidate: () => '/triage', redirect: (_r, input) => `/triage?asked=${input.itemId}` },
);
