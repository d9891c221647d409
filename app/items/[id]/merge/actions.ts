'use server';
import { z } from 'zod';
import { formAction } from '@/lib/actions.server';
import { mergeItems } from '@/lib/curation/merge.server';

/** lib/ parses every field (MergeConfirmSchema): the ids, the versions reviewed and each field's choice. */
export const mergeItemsAction = formAction(z.looseObject({}), (input, user) => mergeItems(user, input), {
  revalidate: (_i, r) => [`/items/${r.survivor.id}`, `/items/${r.merged.id}`, '/triage'],
  redirect: (r) => `/items/${r.survivor.id}?saved=merged`,
});
