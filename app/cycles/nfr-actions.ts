'use server';
import { z } from 'zod';
import { formAction } from '@/lib/actions.server';
import { setNfrTarget } from '@/lib/capacity/nfr-target.server';
import { formId } from '@/lib/validation';

/** The target share of capacity for non-functional work, from the cycle's settings. */
export const setNfrTargetAction = formAction(
  z.looseObject({ cycleId: formId }),
  (input, user) => setNfrTarget(user, input.cycleId, input),
  {
    message: (target) =>
      target === null ? 'Non-functional target removed.' : `Non-functional target set to ${target} %.`,
    revalidate: (input) => `/cycles/${input.cycleId}/layout`,
  },
);
