'use server';
import { z } from 'zod';
import { formAction } from '@/lib/actions.server';
import { createRequest, withdrawRequest } from '@/lib/requests/requests.server';
import { formId } from '@/lib/validation';

export const createRequestAction = formAction(z.looseObject({}), (input, user) => createRequest(user, input), {
  redirect: () => '/requests?created=1',
});

export const withdrawRequestAction = formAction(
  z.object({ itemId: formId }),
  (input, user) => withdrawRequest(user, input.itemId),
  { redirect: () => '/requests?withdrawn=1' },
);
