'use server';
import { z } from 'zod';
import { formAction } from '@/lib/actions.server';
import { triageRequest } from '@/lib/requests/requests.server';
import { formId, formList } from '@/lib/validation';

export const triageRequestAction = formAction(
  z.looseObject({ itemId: formId, version: formId, moduleIds: formList(z.string()) }),
  (input, user) => triageRequest(user, input.itemId, input, input.version),
  { redirect: (item, input) => `/cycles/${item.cycleId}?triaged=${input.itemId}` },
);
