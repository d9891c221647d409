'use server';
import { z } from 'zod';
import { formAction } from '@/lib/actions.server';
import { outcomePath, previewOutcomeEmail, publishOutcome } from '@/lib/outcome/publish.server';
import { formId, formText } from '@/lib/validation';

const PublishForm = z.object({ cycleId: formId, note: formText });

/** Publishes the cycle's outcome (pm/admin, checked in lib/); the page re-renders as published. */
export const publishOutcomeAction = formAction(
  PublishForm,
  (input, user) => publishOutcome(user, input.cycleId, { note: input.note }),
  {
    message: ({ items, people }) =>
      `Outcome published. ${people} ${people === 1 ? 'person was' : 'people were'} told the fate of ${items} item${items === 1 ? '' : 's'}.`,
    revalidate: (input) => [outcomePath(input.cycleId), '/requests'],
  },
);

/** Shows what a recipient of the outcome would be sent with this note; sends and writes nothing. */
export const previewOutcomeEmailAction = formAction(
  PublishForm,
  (input, user) => previewOutcomeEmail(user, input.cycleId, { note: input.note }),
  { data: (result) => result },
);
