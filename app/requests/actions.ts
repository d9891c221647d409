'use server';
import { z } from 'zod';
import { formAction } from '@/lib/actions.server';
import { createRequest, withdrawRequest } from '@/lib/requests/requests.server';
import { formId } from '@/lib/validation';
import { resubmitRequest } from '@/lib/curation/triage.server';

export const createRequestAction = formAction(z.looseObject({}), (input, user) => createRequest(user, input), {
  redirect: () => '/requests?created=1',
});

export const withdrawRequestAction = formAction(
  z.object({ itemId: formId }),
  (input, user) => withdrawRequest(user, input.itemId),
  { redirect: () => '/requests?withdrawn=1' },
);

/** lib/ parses the request's fields and the version the requestor edited. */
export const resubmitRequestAction = formAction(
  z.looseObject({ itemId: formId }),
  (input, user) => resubmitRequest(user, input.itemId, input),
  { revalidate: (input) => [`/requests/${input.itemId}`, '/triage'], redirect: () => '/requests?resubmitted=1' },
);
