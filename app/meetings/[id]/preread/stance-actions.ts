'use server';
import { z } from 'zod';
import { formAction } from '@/lib/actions.server';
import { STANCE_LABEL } from '@/lib/meetings/stance-labels';
import { setStance } from '@/lib/meetings/stances.server';
import { formId } from '@/lib/validation';

// A leader's provisional stance on one item of the pre-read; 'none' clears it (an empty or missing
// stance is a malformed form, refused by lib/, which authorizes and validates the stance).
// No revalidation: the marker shows what it saved, and re-rendering a 200-item pre-read per click is waste.
export const setStanceAction = formAction(
  z.object({ meetingId: formId, itemId: formId, stance: z.preprocess((v) => v ?? '', z.string()) }),
  (input, user) =>
    setStance(user, input.meetingId, { itemId: input.itemId, stance: input.stance === 'none' ? null : input.stance }),
  {
    message: (saved) => (saved ? `Saved: ${STANCE_LABEL[saved].toLowerCase()}.` : 'Stance cleared.'),
  },
);
