'use server';
import { z } from 'zod';
import { formAction } from '@/lib/actions.server';
import { STANCE_LABEL } from '@/lib/meetings/stance-labels';
import { setStance } from '@/lib/meetings/stances.server';
import { formId } from '@/lib/validation';

// A leader's provisional stance on one item of the pre-read; '' clears it. lib/ authorizes and validates the stance.
export const setStanceAction = formAction(
  z.object({ meetingId: formId, itemId: formId, stance: z.preprocess((v) => v ?? '', z.string()) }),
  (input, user) => setStance(user, input.meetingId, { itemId: input.itemId, stance: input.stance || null }),
  {
    message: (saved) => (saved ? `Saved: ${STANCE_LABEL[saved].toLowerCase()}.` : 'Stance cleared.'),
    revalidate: (input) => `/meetings/${input.meetingId}/preread`,
  },
);
