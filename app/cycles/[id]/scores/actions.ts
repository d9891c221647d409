'use server';
import { z } from 'zod';
import { formAction } from '@/lib/actions.server';
import { setScoreInputs } from '@/lib/scoring/inputs.server';
import { scoreRowFromForm } from '@/lib/scoring/schema';
import { updateScoringSettings } from '@/lib/scoring/settings.server';
import { formId } from '@/lib/validation';

const CycleRef = z.looseObject({ cycleId: formId });

/** The cycle settings' scoring form: the model and who owns each input. */
export const updateScoringSettingsAction = formAction(
  CycleRef,
  (input, user) => updateScoringSettings(user, input.cycleId, input),
  {
    message: 'Scoring saved.',
    // The layout: the backlog's links and column depend on the model.
    revalidate: (input) => `/cycles/${input.cycleId}/layout`,
  },
);

/** One row of the scores page: the inputs of one item the person may set. */
export const setScoreRowAction = formAction(CycleRef, (input, user) => setScoreInputs(user, scoreRowFromForm(input)), {
  message: (result) => (result.changed ? 'Saved.' : 'Nothing changed.'),
  revalidate: (input) => `/cycles/${input.cycleId}/scores`,
});
