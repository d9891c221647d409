'use server';
import { z } from 'zod';
import { formAction } from '@/lib/actions.server';
import { outcomePath, publishOutcome } from '@/lib/outcome/publish.server';
import { formId } from '@/lib/validation';

/** Publishes the cycle's outcome (pm/admin, checked in lib/); the page re-renders as published. */
export const publishOutcomeAction = formAction(
  z.object({ cycleId: formId }),
  (input, user) => publishOutcome(user, input.cycleId),
  {
    message: ({ items, people }) =>
      `Outcome published. ${people} ${people === 1 ? 'person was' : 'people were'} told the fate of ${items} item${items === 1 ? '' : 's'}.`,
    revalidate: (input) => [outcomePath(input.cycleId), '/requests'],
  },
);
